package pe.cardumen.render;

/**
 * The choropleth's legend drawn on the map (paper has no strip of controls under it): the title, then
 * a swatch and the limits of each class, on a white box in the bottom-left corner above the scale bar.
 */
public final class LegendLayer implements MapLayer {
    private static final int INK = 0xFF1E2832;
    private static final int BOX = 0xEEFFFFFF;
    private static final int FRAME = 0xFF8C96A0;
    private static final TextStyle TITLE = new TextStyle(11, true);
    private static final TextStyle LABEL = new TextStyle(10, false);

    private final Legend legend;
    private final String caption;

    /**
     * @param legend  the classes
     * @param caption a line under the title (the survey or the model the values come from), or {@code null}
     */
    public LegendLayer(Legend legend, String caption) {
        this.legend = legend;
        this.caption = caption;
    }

    public Legend legend() {
        return legend;
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        double px = c.pixel();
        TextStyle title = TITLE.scaled(px);
        TextStyle label = LABEL.scaled(px);
        double row = 15 * px;
        double pad = 6 * px;
        double width = c.textWidth(legend.title(), title);
        if (caption != null) {
            width = Math.max(width, c.textWidth(caption, label));
        }
        for (Legend.Entry e : legend.entries()) {
            width = Math.max(width, 24 * px + c.textWidth(e.label(), label));
        }
        int lines = legend.entries().size() + 1 + (caption == null ? 0 : 1);
        double boxW = width + 2 * pad;
        double boxH = lines * row + 2 * pad;
        // clear of the graticule's latitude labels along the left edge
        double left = ScaleBarLayer.LEFT_PX * px;
        double top = c.height() - 10 * px - ScaleBarLayer.HEIGHT_PX * px - 8 * px - boxH;
        c.fillRect(left, top, boxW, boxH, BOX);
        c.stroke(new java.awt.geom.Rectangle2D.Double(left, top, boxW, boxH), MapCanvas.identity(), FRAME, 0.8 * px);
        double y = top + pad + c.ascent(title);
        c.text(legend.title(), left + pad, y, title, INK);
        if (caption != null) {
            y += row;
            c.text(caption, left + pad, y, label, INK);
        }
        for (Legend.Entry e : legend.entries()) {
            y += row;
            double sy = y - c.ascent(label) + px;
            c.fillRect(left + pad, sy, 18 * px, 11 * px, e.argb() | 0xFF000000);
            c.stroke(new java.awt.geom.Rectangle2D.Double(left + pad, sy, 18 * px, 11 * px), MapCanvas.identity(), 0xFF3C4650, 0.6 * px);
            c.text(e.label(), left + pad + 24 * px, y, label, INK);
        }
    }
}
