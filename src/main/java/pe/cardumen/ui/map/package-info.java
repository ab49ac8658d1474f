/**
 * The map on the screen: {@link pe.cardumen.ui.map.MapView} shows the layers of {@link
 * pe.cardumen.render} rendered on a {@link pe.cardumen.render.Java2DCanvas} off the JavaFX thread, and
 * draws its overlays and scale bar through {@link pe.cardumen.ui.map.FxMapCanvas};
 * {@link pe.cardumen.ui.map.MapViewModel} holds what it shows (colouring, selection, track, grid).
 *
 * <p>Threads: {@code MapView} and its overlays live on the JavaFX thread; {@code MapRenderer} and the
 * layers' {@code paint} run on the renderer's background thread over an immutable {@link
 * pe.cardumen.render.MapFrame}.
 */
package pe.cardumen.ui.map;
