package pe.cardumen.report;

import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import pe.cardumen.render.MapCanvas;
import pe.cardumen.render.TextStyle;

/**
 * A map canvas on a PDF page: every layer becomes vector paths and real text (selectable, searchable),
 * clipped to the map's box. The box's top-left corner is the canvas origin; y grows downwards as on the
 * screen and is flipped here.
 *
 * <p>The report is PDF/A-1b, which has no transparency: a translucent colour is flattened against the
 * white paper, and the fills the screen draws translucent over a grid are drawn opaque.
 */
public final class PdfMapCanvas implements MapCanvas {
    /** One screen pixel on paper: 0.6 pt, so 11 px labels print at 6.6 pt. */
    static final double PIXEL_PT = 0.6;
    /** Geometry is simplified to half of this: 0.1 pt, below what a 600 dpi printer resolves. */
    static final double DETAIL_PT = 0.2;

    private final PDPageContentStream cs;
    private final float left;
    private final float top;
    private final float width;
    private final float height;
    private final PDFont regular;
    private final PDFont bold;
    private final AffineTransform toPage;

    /**
     * Opens the box: saves the graphics state and clips to it; {@link #close()} restores.
     *
     * @param left   the box's left edge, PDF points from the page's left
     * @param top    the box's top edge, PDF points from the page's bottom
     */
    public PdfMapCanvas(PDPageContentStream cs, float left, float top, float width, float height, PDFont regular, PDFont bold) throws IOException {
        this.cs = cs;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.regular = regular;
        this.bold = bold;
        this.toPage = new AffineTransform(1, 0, 0, -1, left, top);
        cs.saveGraphicsState();
        cs.addRect(left, top - height, width, height);
        cs.clip();
    }

    /** Ends the clip. */
    public void close() throws IOException {
        cs.restoreGraphicsState();
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public double pixel() {
        return PIXEL_PT;
    }

    @Override
    public double detail() {
        return DETAIL_PT;
    }

    /** The colour as it looks on white paper, components 0–1. */
    static float[] flattened(int argb) {
        double a = (argb >>> 24) / 255.0;
        return new float[] {
            (float) ((((argb >> 16) & 0xFF) * a + 255 * (1 - a)) / 255),
            (float) ((((argb >> 8) & 0xFF) * a + 255 * (1 - a)) / 255),
            (float) (((argb & 0xFF) * a + 255 * (1 - a)) / 255)};
    }

    private void fillColour(int argb) throws IOException {
        float[] c = flattened(argb);
        cs.setNonStrokingColor(c[0], c[1], c[2]);
    }

    private void strokeColour(int argb) throws IOException {
        float[] c = flattened(argb);
        cs.setStrokingColor(c[0], c[1], c[2]);
    }

    /** Emits the path; returns whether it had any segment and its winding rule. */
    private int path(Shape shape, AffineTransform toCanvas) throws IOException {
        AffineTransform t = new AffineTransform(toPage);
        t.concatenate(toCanvas);
        PathIterator it = shape.getPathIterator(t);
        int rule = it.getWindingRule();
        float[] c = new float[6];
        int segments = 0;
        for (; !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> cs.moveTo(c[0], c[1]);
                case PathIterator.SEG_LINETO -> cs.lineTo(c[0], c[1]);
                case PathIterator.SEG_QUADTO -> {
                    // PDF has cubic curves only; a quadratic is the cubic with these control points
                    cs.curveTo2(c[0], c[1], c[2], c[3]);
                }
                case PathIterator.SEG_CUBICTO -> cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                default -> cs.closePath();
            }
            segments++;
        }
        return segments == 0 ? -1 : rule;
    }

    @Override
    public void fill(Shape shape, AffineTransform toCanvas, int argb) {
        try {
            fillColour(argb);
            int rule = path(shape, toCanvas);
            if (rule == PathIterator.WIND_EVEN_ODD) {
                cs.fillEvenOdd();
            } else if (rule >= 0) {
                cs.fill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stroke(Shape shape, AffineTransform toCanvas, int argb, double lineWidth) {
        try {
            strokeColour(argb);
            cs.setLineWidth((float) lineWidth);
            cs.setLineJoinStyle(1);
            cs.setLineCapStyle(1);
            if (path(shape, toCanvas) >= 0) {
                cs.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        try {
            fillColour(argb);
            cs.addRect((float) (left + x), (float) (top - y - h), (float) w, (float) h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PDFont font(TextStyle s) {
        return s.bold() ? bold : regular;
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, int argb) {
        try {
            fillColour(argb);
            cs.beginText();
            cs.setFont(font(style), (float) style.size());
            cs.newLineAtOffset((float) (left + x), (float) (top - y));
            cs.showText(text);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The halo is the glyphs' outline stroked in the halo colour under the text (drawn, not a second copy to extract: PDFBox and viewers drop the overlapping duplicate). */
    @Override
    public void haloText(String text, double x, double y, TextStyle style, int argb, int haloArgb) {
        try {
            strokeColour(haloArgb);
            cs.setLineWidth((float) (2 * PIXEL_PT));
            cs.setLineJoinStyle(1);
            cs.beginText();
            cs.setFont(font(style), (float) style.size());
            cs.setRenderingMode(RenderingMode.STROKE);
            cs.newLineAtOffset((float) (left + x), (float) (top - y));
            cs.showText(text);
            cs.endText();
            cs.beginText();
            cs.setRenderingMode(RenderingMode.FILL);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text(text, x, y, style, argb);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        try {
            return font(style).getStringWidth(text) / 1000 * style.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double ascent(TextStyle style) {
        return font(style).getFontDescriptor().getAscent() / 1000 * style.size();
    }

    @Override
    public double descent(TextStyle style) {
        return -font(style).getFontDescriptor().getDescent() / 1000 * style.size();
    }
}
