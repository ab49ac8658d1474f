/**
 * Cardumen's own map: a stack of {@link pe.cardumen.ui.map.MapLayer}s drawn with Java2D into an image
 * off the JavaFX thread and shown by {@link pe.cardumen.ui.map.MapView}. Geometries are projected once
 * to World Mercator (EPSG:3395, Apache SIS) and simplified per zoom level; each frame then needs only an
 * affine transform.
 *
 * <p>Threads: {@code MapView} and its overlays live on the JavaFX thread; {@code MapRenderer} and the
 * layers' {@code paint} run on the renderer's background thread over an immutable {@link
 * pe.cardumen.ui.map.MapFrame}.
 */
package pe.cardumen.ui.map;
