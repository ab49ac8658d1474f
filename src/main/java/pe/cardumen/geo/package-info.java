/**
 * The Peruvian coast and the spatial units of the assessment: the coastline and land, IMARPE's áreas
 * isoparalitorales (AIP) generated from the coast, official zone layers users import, geodesic
 * distances and areas (Apache SIS), and spatial look-ups (JTS).
 *
 * <p>May depend on {@code domain}, {@code workspace} and {@code io}. All geometries are WGS 84
 * longitude/latitude degrees; distances are nautical miles (1 nmi = 1852 m) and areas square
 * nautical miles.
 */
package pe.cardumen.geo;
