/**
 * Everything Cardumen writes for people and other tools: zone layers as GeoJSON, GeoPackage and
 * Shapefile for QGIS/R, and (in later capabilities) CSV tables and PDF reports, with the translated
 * texts they need.
 *
 * <p>May depend on every layer below it ({@code planning} … {@code domain}); never on {@code ui} or
 * {@code cli}.
 */
package pe.cardumen.report;
