package pe.cardumen.ui.map;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws a stack of layers into an image. Stateless and thread-safe; runs on a background thread.
 */
public final class MapRenderer {
    /**
     * Renders one frame.
     *
     * @param layers bottom first
     * @return a new ARGB image of the viewport's size
     */
    public BufferedImage render(List<MapLayer> layers, MapFrame frame) {
        MapViewport v = frame.viewport();
        BufferedImage image = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
            for (MapLayer layer : layers) {
                layer.paint(g, frame);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
