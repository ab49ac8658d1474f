package pe.cardumen.ui.map;

import java.awt.Graphics2D;

/**
 * One layer of the map. Implementations are immutable: to change what a layer shows, the map view
 * replaces the layer.
 */
public interface MapLayer {
    /**
     * Paints the layer. Runs on the renderer's background thread, never on the JavaFX thread.
     *
     * @param g     a Graphics2D whose transform is the identity (screen pixels)
     * @param frame the viewport and the world-to-screen transform of this frame
     */
    void paint(Graphics2D g, MapFrame frame);
}
