package pe.cardumen.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashMap;
import java.util.Map;

/**
 * A canvas on a Java2D image: what the map view renders on its background thread and hands to
 * JavaFX, and what PNG exports use. Antialiased.
 *
 * <p>On an {@code INT_ARGB_PRE} or {@code INT_RGB} image, {@link #fillTiles} and {@link #hairlines}
 * write the pixels directly — a scanline fill with the pixel-centre rule (adjacent zones neither
 * overlap nor leave a seam) and Xiaolin Wu's antialiased lines — because Java2D's general rasteriser
 * spends about 1 ms per thousand short zone edges per call, over a 60 Hz frame for the whole coast.
 * Other images fall back to Java2D for everything.
 */
public final class Java2DCanvas implements MapCanvas {
    private final Graphics2D g;
    private final int width;
    private final int height;
    /** The image's pixels when they can be written directly, else {@code null}. */
    private final int[] pixels;
    private final boolean opaqueImage;
    private final Map<TextStyle, Font> fonts = new HashMap<>();
    private EdgeTable edges;

    private Java2DCanvas(Graphics2D g, int width, int height, int[] pixels, boolean opaqueImage) {
        this.g = g;
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.opaqueImage = opaqueImage;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_NORMALIZE);
    }

    /** A canvas on the whole image; {@link #dispose()} it when done. */
    public static Java2DCanvas on(BufferedImage image) {
        int type = image.getType();
        boolean direct = type == BufferedImage.TYPE_INT_ARGB_PRE || type == BufferedImage.TYPE_INT_RGB;
        int[] px = direct ? ((DataBufferInt) image.getRaster().getDataBuffer()).getData() : null;
        return new Java2DCanvas(image.createGraphics(), image.getWidth(), image.getHeight(), px, type == BufferedImage.TYPE_INT_RGB);
    }

    /** A canvas on a Graphics2D whose pixels it cannot reach (everything through Java2D). */
    public static Java2DCanvas on(Graphics2D g, int width, int height) {
        return new Java2DCanvas(g, width, height, null, false);
    }

    /** Releases the Graphics2D. */
    public void dispose() {
        g.dispose();
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
        return 1;
    }

    @Override
    public double detail() {
        return 1;
    }

    private static Color colour(int argb) {
        return new Color(argb, true);
    }

    @Override
    public void fill(Shape shape, AffineTransform toCanvas, int argb) {
        AffineTransform saved = g.getTransform();
        g.transform(toCanvas);
        g.setColor(colour(argb));
        g.fill(shape);
        g.setTransform(saved);
    }

    @Override
    public void stroke(Shape shape, AffineTransform toCanvas, int argb, double strokeWidth) {
        // stroked in canvas coordinates, so the width is the same in every direction
        Shape s = toCanvas.isIdentity() ? shape : toCanvas.createTransformedShape(shape);
        g.setColor(colour(argb));
        g.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    @Override
    public void fillTiles(Shape shape, AffineTransform toCanvas, int argb) {
        if (pixels == null) {
            fill(shape, toCanvas, argb);
            return;
        }
        if (edges == null) {
            edges = new EdgeTable();
        }
        edges.fill(shape, toCanvas, argb);
    }

    @Override
    public void hairlines(Shape shape, AffineTransform toCanvas, int argb, double lineWidth) {
        if (pixels == null || lineWidth > 1) {
            stroke(shape, toCanvas, argb, lineWidth);
            return;
        }
        int alpha = (int) Math.round((argb >>> 24) * lineWidth);
        java.awt.geom.PathIterator it = shape.getPathIterator(toCanvas);
        double[] c = new double[6];
        double x = 0;
        double y = 0;
        double sx = 0;
        double sy = 0;
        while (!it.isDone()) {
            switch (it.currentSegment(c)) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> {
                    x = sx = c[0];
                    y = sy = c[1];
                }
                case java.awt.geom.PathIterator.SEG_LINETO -> {
                    wuLine(x, y, c[0], c[1], argb, alpha);
                    x = c[0];
                    y = c[1];
                }
                case java.awt.geom.PathIterator.SEG_CLOSE -> {
                    wuLine(x, y, sx, sy, argb, alpha);
                    x = sx;
                    y = sy;
                }
                default -> throw new IllegalArgumentException("hairlines take straight segments only");
            }
            it.next();
        }
    }

    /**
     * Rectangles are snapped to whole pixels (edges rounded, so that adjacent rectangles neither
     * overlap nor leave a gap) and written directly when the pixels are reachable.
     */
    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        int x0 = Math.max(0, (int) Math.round(x));
        int y0 = Math.max(0, (int) Math.round(y));
        int x1 = Math.min(width, (int) Math.round(x + w));
        int y1 = Math.min(height, (int) Math.round(y + h));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        if (pixels == null) {
            g.setColor(colour(argb));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
            return;
        }
        int alpha = argb >>> 24;
        for (int row = y0; row < y1; row++) {
            int base = row * width;
            if (alpha == 255) {
                java.util.Arrays.fill(pixels, base + x0, base + x1, argb);
            } else {
                blendRun(base + x0, base + x1, argb, alpha);
            }
        }
    }

    private Font font(TextStyle s) {
        return fonts.computeIfAbsent(s, k -> new Font(Font.SANS_SERIF, k.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) k.size()));
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, int argb) {
        g.setFont(font(style));
        g.setColor(colour(argb));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public void haloText(String text, double x, double y, TextStyle style, int argb, int haloArgb) {
        g.setFont(font(style));
        g.setColor(colour(haloArgb));
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                if (dx != 0 || dy != 0) {
                    g.drawString(text, (float) x + dx, (float) y + dy);
                }
            }
        }
        g.setColor(colour(argb));
        g.drawString(text, (float) x, (float) y);
    }

    @Override
    public double textWidth(String text, TextStyle style) {
        return g.getFontMetrics(font(style)).stringWidth(text);
    }

    @Override
    public double ascent(TextStyle style) {
        return g.getFontMetrics(font(style)).getAscent();
    }

    @Override
    public double descent(TextStyle style) {
        FontMetrics fm = g.getFontMetrics(font(style));
        return fm.getDescent();
    }

    /** {@code v / 255} rounded, for 0 ≤ v ≤ 255 · 255 (exact; no division). */
    private static int div255(int v) {
        v += 128;
        return (v + (v >> 8)) >> 8;
    }

    /** Source-over of a colour with coverage {@code alpha} (0–255) onto pixel {@code i}, premultiplied. */
    private void blend(int i, int argb, int alpha) {
        if (alpha <= 0) {
            return;
        }
        if (alpha >= 255) {
            pixels[i] = argb | 0xFF000000;
            return;
        }
        int d = pixels[i];
        int inv = 255 - alpha;
        int r = div255(((argb >> 16) & 0xFF) * alpha + ((d >> 16) & 0xFF) * inv);
        int gr = div255(((argb >> 8) & 0xFF) * alpha + ((d >> 8) & 0xFF) * inv);
        int b = div255((argb & 0xFF) * alpha + (d & 0xFF) * inv);
        int a = opaqueImage ? 255 : div255(alpha * 255 + (d >>> 24) * inv);
        pixels[i] = (a << 24) | (r << 16) | (gr << 8) | b;
    }

    /**
     * Source-over of one colour at {@code alpha} over a run of pixels. Runs mostly cross a few background
     * colours, so the last result is reused while the background stays the same.
     */
    private void blendRun(int from, int to, int argb, int alpha) {
        int lastIn = ~pixels[Math.max(0, from)];
        int lastOut = 0;
        for (int i = from; i < to; i++) {
            int d = pixels[i];
            if (d != lastIn) {
                lastIn = d;
                blend(i, argb, alpha);
                lastOut = pixels[i];
            } else {
                pixels[i] = lastOut;
            }
        }
    }

    private void plot(int x, int y, int argb, int alpha) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            blend(y * width + x, argb, alpha);
        }
    }

    /** Xiaolin Wu's antialiased line between two points (pixel centres at half-integers). */
    private void wuLine(double x0, double y0, double x1, double y1, int argb, int alpha) {
        // pixel (i, j) covers [i, i+1) × [j, j+1); Wu's algorithm works on pixel centres
        x0 -= 0.5;
        y0 -= 0.5;
        x1 -= 0.5;
        y1 -= 0.5;
        if (Math.max(x0, x1) < -1 || Math.max(y0, y1) < -1 || Math.min(x0, x1) > width || Math.min(y0, y1) > height) {
            return;
        }
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0;
            x0 = y0;
            y0 = t;
            t = x1;
            x1 = y1;
            y1 = t;
        }
        if (x0 > x1) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double dx = x1 - x0;
        double gradient = dx < 1e-9 ? 0 : (y1 - y0) / dx;
        // a line shorter than a pixel still leaves its share of ink
        int xStart = (int) Math.round(x0);
        int xEnd = (int) Math.round(x1);
        double span = Math.max(1e-9, dx);
        // only the columns (rows, when steep) on the image
        int limit = steep ? height : width;
        int from = Math.max(xStart, -1);
        int to = Math.min(xEnd, limit);
        // y in 24.8 fixed point along the major axis: no floating point per pixel
        boolean inside = from >= 0 && to < limit && Math.min(y0, y1) >= 0 && Math.max(y0, y1) + 1 < (steep ? width : height);
        for (int x = from; x <= to; x++) {
            int ink = alpha;
            if (x == xStart || x == xEnd) {
                double weight = xStart == xEnd ? span : x == xStart ? (xStart + 0.5 - x0) : (x1 - (xEnd - 0.5));
                ink = (int) (Math.max(0, Math.min(1, weight)) * alpha + 0.5);
            }
            double yy = y0 + gradient * (x - x0);
            if (yy < -2 || yy > 1 << 20) {
                continue;
            }
            int fixed = (int) ((yy + 2) * 256);
            int yi = (fixed >> 8) - 2;
            int lower = ((fixed & 0xFF) * ink) >> 8;
            if (inside) {
                int i0 = steep ? x * width + yi : yi * width + x;
                blend(i0, argb, ink - lower);
                blend(steep ? i0 + 1 : i0 + width, argb, lower);
            } else if (steep) {
                plot(yi, x, argb, ink - lower);
                plot(yi + 1, x, argb, lower);
            } else {
                plot(x, yi, argb, ink - lower);
                plot(x, yi + 1, argb, lower);
            }
        }
    }

    /**
     * Scanline polygon filling (even-odd, pixel centres): the edges of all the shape's rings, bucketed
     * by their first scanline, an active list sorted by x per row. Reused between calls.
     */
    private final class EdgeTable {
        private double[] ex0 = new double[1024];
        private double[] ey0 = new double[1024];
        private double[] slope = new double[1024];
        private double[] ey1 = new double[1024];
        private int[] next = new int[1024];
        private int count;
        private int[] firstAtRow = new int[0];
        private int[] active = new int[256];
        private double[] xs = new double[256];

        void fill(Shape shape, AffineTransform t, int argb) {
            count = 0;
            java.awt.geom.PathIterator it = shape.getPathIterator(t);
            double[] c = new double[6];
            double x = 0;
            double y = 0;
            double sx = 0;
            double sy = 0;
            boolean open = false;
            while (!it.isDone()) {
                int type = it.currentSegment(c);
                if (type == java.awt.geom.PathIterator.SEG_MOVETO) {
                    if (open) {
                        add(x, y, sx, sy);
                    }
                    x = sx = c[0];
                    y = sy = c[1];
                    open = true;
                } else if (type == java.awt.geom.PathIterator.SEG_LINETO) {
                    add(x, y, c[0], c[1]);
                    x = c[0];
                    y = c[1];
                } else if (type == java.awt.geom.PathIterator.SEG_CLOSE) {
                    add(x, y, sx, sy);
                    x = sx;
                    y = sy;
                    open = false;
                } else {
                    // curves: let Java2D draw the whole shape
                    Java2DCanvas.this.fill(shape, t, argb);
                    return;
                }
                it.next();
            }
            if (open) {
                add(x, y, sx, sy);
            }
            scan(argb);
        }

        private void add(double xa, double ya, double xb, double yb) {
            if (ya == yb || Double.isNaN(xa + ya + xb + yb)) {
                return;
            }
            if (ya > yb) {
                double tx = xa;
                xa = xb;
                xb = tx;
                double ty = ya;
                ya = yb;
                yb = ty;
            }
            // the rows whose centre y + 0.5 lies in [ya, yb)
            if (yb <= 0.5 || ya > height - 0.5) {
                return;
            }
            if (count == ex0.length) {
                int n = count * 2;
                ex0 = java.util.Arrays.copyOf(ex0, n);
                ey0 = java.util.Arrays.copyOf(ey0, n);
                slope = java.util.Arrays.copyOf(slope, n);
                ey1 = java.util.Arrays.copyOf(ey1, n);
                next = java.util.Arrays.copyOf(next, n);
            }
            ex0[count] = xa;
            ey0[count] = ya;
            ey1[count] = yb;
            slope[count] = (xb - xa) / (yb - ya);
            count++;
        }

        private void scan(int argb) {
            if (count == 0) {
                return;
            }
            if (firstAtRow.length < height) {
                firstAtRow = new int[height];
            }
            java.util.Arrays.fill(firstAtRow, 0, height, -1);
            int minRow = height;
            int lastRow = -1;
            for (int e = 0; e < count; e++) {
                lastRow = Math.max(lastRow, Math.min(height - 1, (int) Math.ceil(ey1[e] - 0.5) - 1));
                int row = Math.max(0, (int) Math.ceil(ey0[e] - 0.5));
                if (row >= height) {
                    continue;
                }
                next[e] = firstAtRow[row];
                firstAtRow[row] = e;
                minRow = Math.min(minRow, row);
            }
            int alpha = argb >>> 24;
            int nActive = 0;
            for (int row = minRow; row <= lastRow; row++) {
                double yc = row + 0.5;
                for (int e = firstAtRow[row]; e >= 0; e = next[e]) {
                    if (nActive == active.length) {
                        active = java.util.Arrays.copyOf(active, nActive * 2);
                        xs = java.util.Arrays.copyOf(xs, nActive * 2);
                    }
                    active[nActive++] = e;
                }
                // drop finished edges, move the rest to this row; the order barely changes from row to
                // row, so an insertion sort is nearly linear
                int n = 0;
                for (int k = 0; k < nActive; k++) {
                    int e = active[k];
                    if (ey1[e] > yc) {
                        double x = ex0[e] + (yc - ey0[e]) * slope[e];
                        int m = n++;
                        while (m > 0 && xs[m - 1] > x) {
                            xs[m] = xs[m - 1];
                            active[m] = active[m - 1];
                            m--;
                        }
                        xs[m] = x;
                        active[m] = e;
                    }
                }
                nActive = n;
                if (n == 0) {
                    continue;
                }
                int base = row * width;
                for (int k = 0; k + 1 < n; k += 2) {
                    int from = Math.max(0, (int) Math.ceil(xs[k] - 0.5));
                    int to = Math.min(width, (int) Math.ceil(xs[k + 1] - 0.5));
                    if (alpha == 255) {
                        java.util.Arrays.fill(pixels, base + from, base + Math.max(from, to), argb);
                    } else if (to > from) {
                        blendRun(base + from, base + to, argb, alpha);
                    }
                }
            }
        }
    }
}
