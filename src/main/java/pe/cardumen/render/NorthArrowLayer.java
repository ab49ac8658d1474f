package pe.cardumen.render;

import java.awt.geom.Path2D;

/**
 * A north arrow in the top-left corner, below the graticule's labels: on World Mercator north is up
 * at every point of the map, so one arrow is true everywhere.
 */
public final class NorthArrowLayer implements MapLayer {
    private static final int INK = 0xFF1E2832;
    private static final int PAPER = 0xFFFFFFFF;
    private static final TextStyle FONT = new TextStyle(13, true);

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        double px = c.pixel();
        double cx = 48 * px;
        double top = 28 * px;
        double h = 30 * px;
        double w = 9 * px;
        Path2D.Double left = new Path2D.Double();
        left.moveTo(cx, top);
        left.lineTo(cx - w, top + h);
        left.lineTo(cx, top + h * 0.72);
        left.closePath();
        Path2D.Double right = new Path2D.Double();
        right.moveTo(cx, top);
        right.lineTo(cx + w, top + h);
        right.lineTo(cx, top + h * 0.72);
        right.closePath();
        c.fill(left, MapCanvas.identity(), INK);
        c.fill(right, MapCanvas.identity(), PAPER);
        Path2D.Double outline = new Path2D.Double();
        outline.moveTo(cx, top);
        outline.lineTo(cx - w, top + h);
        outline.lineTo(cx, top + h * 0.72);
        outline.lineTo(cx + w, top + h);
        outline.closePath();
        c.stroke(outline, MapCanvas.identity(), INK, px);
        TextStyle font = FONT.scaled(px);
        String n = "N";
        c.haloText(n, cx - c.textWidth(n, font) / 2, top + h + 4 * px + c.ascent(font), font, INK, 0xDDFFFFFF);
    }
}
