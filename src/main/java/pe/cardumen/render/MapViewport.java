package pe.cardumen.render;

import org.locationtech.jts.geom.Envelope;

/**
 * What part of the world the map shows: an immutable value of the centre (Mercator metres), the scale
 * (Mercator metres per pixel) and the size in pixels. Screen y grows downwards.
 *
 * @param centreX        Mercator easting at the centre of the view, metres
 * @param centreY        Mercator northing at the centre of the view, metres
 * @param metresPerPixel Mercator metres per screen pixel (&gt; 0)
 * @param width          view width, pixels
 * @param height         view height, pixels
 */
public record MapViewport(double centreX, double centreY, double metresPerPixel, int width, int height) {
    /** The closest and furthest zoom the map allows, Mercator metres per pixel. */
    public static final double MIN_METRES_PER_PIXEL = 5;
    /**
     * The widest view: 8 km a pixel, about 13,000 km across a 1,600-pixel window, the eastern Pacific from
     * Mexico to Patagonia. Further out the map would show oceans it has no coastline for (the Atlantic and
     * the Caribbean are drawn in the land colour, see {@link pe.cardumen.geo.Coastline#drawnSea()}).
     */
    public static final double MAX_METRES_PER_PIXEL = 8000;

    public MapViewport {
        if (!(metresPerPixel > 0)) {
            throw new IllegalArgumentException("scale must be > 0 m/px, was " + metresPerPixel);
        }
        metresPerPixel = Math.max(MIN_METRES_PER_PIXEL, Math.min(MAX_METRES_PER_PIXEL, metresPerPixel));
        width = Math.max(1, width);
        height = Math.max(1, height);
    }

    /** A viewport that shows the whole envelope (Mercator metres) with a margin of {@code marginFraction}. */
    public static MapViewport fit(Envelope mercator, int width, int height, double marginFraction) {
        double w = Math.max(1, width);
        double h = Math.max(1, height);
        double scale = Math.max(mercator.getWidth() / w, mercator.getHeight() / h) * (1 + 2 * marginFraction);
        return new MapViewport(mercator.centre().x, mercator.centre().y, scale, width, height);
    }

    public double screenX(double x) {
        return (x - centreX) / metresPerPixel + width / 2.0;
    }

    public double screenY(double y) {
        return (centreY - y) / metresPerPixel + height / 2.0;
    }

    public double worldX(double screenX) {
        return centreX + (screenX - width / 2.0) * metresPerPixel;
    }

    public double worldY(double screenY) {
        return centreY - (screenY - height / 2.0) * metresPerPixel;
    }

    /** The same view with a new pixel size (centre and scale kept). */
    public MapViewport resized(int newWidth, int newHeight) {
        return new MapViewport(centreX, centreY, metresPerPixel, newWidth, newHeight);
    }

    /** Moves the view by a drag of (dx, dy) pixels: the map follows the pointer. */
    public MapViewport panned(double dxPixels, double dyPixels) {
        return new MapViewport(centreX - dxPixels * metresPerPixel, centreY + dyPixels * metresPerPixel, metresPerPixel, width, height);
    }

    /**
     * Zooms by {@code factor} (&gt; 1 zooms in) keeping the world point under the given screen point fixed.
     */
    public MapViewport zoomed(double factor, double anchorX, double anchorY) {
        double wx = worldX(anchorX);
        double wy = worldY(anchorY);
        double newScale = Math.max(MIN_METRES_PER_PIXEL, Math.min(MAX_METRES_PER_PIXEL, metresPerPixel / factor));
        double cx = wx - (anchorX - width / 2.0) * newScale;
        double cy = wy + (anchorY - height / 2.0) * newScale;
        return new MapViewport(cx, cy, newScale, width, height);
    }

    /** The visible world rectangle, Mercator metres. */
    public Envelope worldEnvelope() {
        return new Envelope(worldX(0), worldX(width), worldY(height), worldY(0));
    }
}
