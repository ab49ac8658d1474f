package pe.cardumen.render;

import java.awt.image.BufferedImage;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws a stack of layers into an image or onto any canvas. Stateless and thread-safe; on the screen
 * it runs on a background thread.
 */
public final class MapRenderer {
    /** The area "zoom to Peru" and the report's map show, lon/lat degrees: the grid's extent with some coast around it. */
    public static final Envelope PERU = new Envelope(-87.5, -69.0, -19.0, -2.5);

    /**
     * Renders one frame into a new image.
     *
     * @param layers bottom first
     * @return a new premultiplied ARGB image of the viewport's size
     */
    public BufferedImage render(List<MapLayer> layers, MapFrame frame) {
        MapViewport v = frame.viewport();
        BufferedImage image = new BufferedImage(v.width(), v.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Java2DCanvas canvas = Java2DCanvas.on(image);
        try {
            paint(layers, frame, canvas);
        } finally {
            canvas.dispose();
        }
        return image;
    }

    /** Paints the layers, bottom first, on a canvas the size of the frame's viewport. */
    public void paint(List<MapLayer> layers, MapFrame frame, MapCanvas canvas) {
        for (MapLayer layer : layers) {
            layer.paint(canvas, frame);
        }
    }

    /** The viewport that shows {@link #PERU} in a {@code width} × {@code height} area. */
    public static MapViewport peru(MapProjection projection, int width, int height) {
        double[] sw = projection.project(PERU.getMinX(), PERU.getMinY());
        double[] ne = projection.project(PERU.getMaxX(), PERU.getMaxY());
        return MapViewport.fit(new Envelope(sw[0], ne[0], sw[1], ne[1]), width, height, 0);
    }

    /**
     * Renders the coast once into a small image and throws it away, so that Java2D's loops, the
     * projection and the layers' code are loaded and compiled before the first real frame (run on a
     * spare thread during start-up; the first map then takes a fraction of the time).
     */
    public static void warmUp(pe.cardumen.geo.Coastline coast, MapProjection projection) {
        MapLayer base = new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), projection);
        new MapRenderer().render(List.of(base, new GraticuleLayer(projection)), new MapFrame(peru(projection, 240, 160)));
    }
}
