package pe.cardumen.render;

import java.awt.geom.Path2D;

/**
 * The scale bar: a nautical-mile bar above a kilometre bar, both round numbers and geodesically true
 * at the view's centre ({@link ScaleBarModel}), on a light backing, in the bottom-left corner of the
 * map. The screen draws the same bar in the strip under its map with {@link #draw}.
 */
public final class ScaleBarLayer implements MapLayer {
    private static final int INK = 0xFF1E2832;
    private static final int BACKING = 0xCCFFFFFF;
    private static final TextStyle FONT = new TextStyle(11, false);
    /** The bar's longest length, screen pixels. */
    public static final double MAX_LENGTH_PX = 200;
    /** The drawing's height, screen pixels. */
    public static final double HEIGHT_PX = 44;
    /** Where the bar and the paper's legend start from the map's left edge, screen pixels: clear of the graticule's labels. */
    public static final double LEFT_PX = 48;

    private final MapProjection projection;
    private final String nmiUnit;

    /** @param nmiUnit the nautical mile's symbol in the reader's language ({@code nmi}, {@code mn}) */
    public ScaleBarLayer(MapProjection projection, String nmiUnit) {
        this.projection = projection;
        this.nmiUnit = nmiUnit;
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        double px = c.pixel();
        ScaleBarModel s = ScaleBarModel.of(frame.viewport(), projection, MAX_LENGTH_PX * px);
        double longest = Math.max(s.nmiPixels(), s.kmPixels());
        draw(c, s, nmiUnit, LEFT_PX * px + 8 * px + longest, c.height() - 10 * px - HEIGHT_PX * px);
    }

    /**
     * Draws the bars right-aligned at {@code right}, the drawing's top at {@code top} (canvas units).
     */
    public static void draw(MapCanvas c, ScaleBarModel s, String nmiUnit, double right, double top) {
        double px = c.pixel();
        double longest = Math.max(s.nmiPixels(), s.kmPixels());
        c.fillRect(right - longest - 8 * px, top, longest + 12 * px, HEIGHT_PX * px, BACKING);
        TextStyle font = FONT.scaled(px);
        Path2D.Double nmi = new Path2D.Double();
        nmi.moveTo(right - s.nmiPixels(), top + 12 * px);
        nmi.lineTo(right - s.nmiPixels(), top + 18 * px);
        nmi.lineTo(right, top + 18 * px);
        nmi.lineTo(right, top + 12 * px);
        c.stroke(nmi, MapCanvas.identity(), INK, 2 * px);
        c.text(s.nmiLabel(nmiUnit), right - s.nmiPixels(), top + 10 * px, font, INK);
        Path2D.Double km = new Path2D.Double();
        km.moveTo(right - s.kmPixels(), top + 32 * px);
        km.lineTo(right - s.kmPixels(), top + 26 * px);
        km.lineTo(right, top + 26 * px);
        km.lineTo(right, top + 32 * px);
        c.stroke(km, MapCanvas.identity(), INK, 2 * px);
        c.text(s.kmLabel(), right - s.kmPixels(), top + 42 * px, font, INK);
    }
}
