/**
 * The map below both the screen and the paper, free of JavaFX: the display projection (World
 * Mercator, Apache SIS), viewports, choropleth classes and colour ramps, legends, and the layers —
 * land and coast, zones, graticule, scale bar, north arrow, legend, ports, track, raster — drawing on
 * an abstract {@link pe.cardumen.render.MapCanvas}. Adapters: {@link pe.cardumen.render.Java2DCanvas}
 * (the screen's image, rendered off the JavaFX thread), {@code pe.cardumen.ui.map.FxMapCanvas} (the
 * screen's overlays) and {@code pe.cardumen.report.PdfMapCanvas} (vector paths on a PDF page).
 * Geometries are projected once and simplified per zoom level; each frame needs only an affine
 * transform.
 */
package pe.cardumen.render;
