package pe.cardumen.render;

import java.awt.Shape;
import java.awt.geom.AffineTransform;

/**
 * What a map layer draws on: the screen's image, a JavaFX canvas or a PDF page. Coordinates are the
 * canvas's own units with the origin at the top left and y growing downwards (pixels on the screen,
 * points on paper); colours are non-premultiplied ARGB ints.
 *
 * <p>Layers draw only through this interface, so the screen and the paper draw the same map: the same
 * classes, colours, legend and labels. A canvas is used by one thread at a time.
 */
public interface MapCanvas {
    /** Width of the drawing area, canvas units. */
    double width();

    /** Height of the drawing area, canvas units. */
    double height();

    /**
     * The size of one screen pixel in canvas units: 1 on the screen, less than a point on paper. Layers
     * give their line widths, marks and font sizes in screen pixels and multiply them by this.
     */
    double pixel();

    /**
     * The smallest detail worth drawing, canvas units: a pixel on the screen, a fraction of a point
     * on paper (print resolution). Geometry is simplified to half of it.
     */
    double detail();

    /**
     * Fills a shape (with its own winding rule) after transforming it by {@code toCanvas}.
     *
     * @param shape    in any coordinates, usually Mercator metres
     * @param toCanvas from the shape's coordinates to the canvas
     */
    void fill(Shape shape, AffineTransform toCanvas, int argb);

    /** Strokes a shape's outline, {@code width} canvas units wide, round joins. */
    void stroke(Shape shape, AffineTransform toCanvas, int argb, double width);

    /**
     * Fills the many small polygons of one colour class of a tiling (zones that share edges and never
     * overlap). A canvas may fill them faster than {@link #fill} and without the seams that
     * antialiasing leaves between neighbours; the outlines drawn over them hide the edge. The default
     * is {@link #fill}.
     */
    default void fillTiles(Shape shape, AffineTransform toCanvas, int argb) {
        fill(shape, toCanvas, argb);
    }

    /**
     * Strokes lines no wider than a screen pixel (the outlines of hundreds of zones). A canvas may draw
     * them faster than {@link #stroke}; the default is {@link #stroke}.
     */
    default void hairlines(Shape shape, AffineTransform toCanvas, int argb, double width) {
        stroke(shape, toCanvas, argb, width);
    }

    /** Fills an axis-aligned rectangle given in canvas units. */
    void fillRect(double x, double y, double w, double h, int argb);

    /** Draws text with its baseline at {@code y}, starting at {@code x}. */
    void text(String text, double x, double y, TextStyle style, int argb);

    /**
     * Draws text over a halo of {@code haloArgb} about one pixel wide, so that it reads over any
     * background. Canvases that keep text (PDF) keep it once: the halo is not text.
     */
    void haloText(String text, double x, double y, TextStyle style, int argb, int haloArgb);

    /** The advance width of the text, canvas units. */
    double textWidth(String text, TextStyle style);

    /** The font's ascent above the baseline, canvas units. */
    double ascent(TextStyle style);

    /** The font's descent below the baseline, canvas units (positive). */
    double descent(TextStyle style);

    /** A new identity transform: for shapes already in canvas coordinates (a new one each time: transforms are mutable). */
    static AffineTransform identity() {
        return new AffineTransform();
    }
}
