/**
 * Readers for polygon layers users bring (GeoJSON, GeoPackage, ESRI Shapefile), normalised to
 * WGS 84 longitude/latitude with Apache SIS.
 */
package pe.cardumen.io.vector;
