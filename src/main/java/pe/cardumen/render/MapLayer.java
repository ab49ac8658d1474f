package pe.cardumen.render;

/**
 * One layer of the map. Implementations are immutable: to change what a layer shows, the map view
 * replaces the layer. The same layer draws on the screen and on paper.
 */
public interface MapLayer {
    /**
     * Paints the layer. On the screen it runs on the renderer's background thread, never on the
     * JavaFX thread.
     *
     * @param canvas what to draw on, in canvas units (the frame's viewport has the canvas's size)
     * @param frame  the viewport and the world-to-canvas transform of this frame
     */
    void paint(MapCanvas canvas, MapFrame frame);
}
