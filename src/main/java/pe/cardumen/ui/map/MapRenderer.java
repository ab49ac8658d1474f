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

    /**
     * Renders the coast once into a small image and throws it away, so that Java2D's loops, the
     * projection and the layers' code are loaded and compiled before the first real frame (run on a
     * spare thread during start-up; the first map then takes a fraction of the time).
     */
    public static void warmUp(pe.cardumen.geo.Coastline coast, MapProjection projection) {
        MapLayer base = new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), projection);
        double[] sw = projection.project(MapView.PERU.getMinX(), MapView.PERU.getMinY());
        double[] ne = projection.project(MapView.PERU.getMaxX(), MapView.PERU.getMaxY());
        MapViewport v = MapViewport.fit(new org.locationtech.jts.geom.Envelope(sw[0], ne[0], sw[1], ne[1]), 240, 160, 0);
        new MapRenderer().render(List.of(base, new GraticuleLayer(projection)), new MapFrame(v));
    }
}
