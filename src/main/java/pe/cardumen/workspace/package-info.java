/**
 * The project file: one GeoPackage ({@code *.cardumen.gpkg}, an SQLite database) holding the zone
 * layer, the record of every import, an audit log and, in later capabilities, results. The file
 * follows OGC GeoPackage 1.3 so that QGIS and GDAL open it.
 *
 * <p>May depend on {@code domain} only. Every write runs in one SQLite transaction: an operation that
 * fails or is cancelled leaves the file exactly as it was.
 */
package pe.cardumen.workspace;
