package pe.cardumen.render;

import java.util.Locale;

/**
 * Meridians and parallels at a spacing that gives lines roughly 80–200 px apart, labelled in degrees
 * along the top and left edges.
 */
public final class GraticuleLayer implements MapLayer {
    private static final double[] STEPS = {0.25, 0.5, 1, 2, 5, 10};
    private static final int LINE = 0x5A5A646E;
    private static final int LABEL = 0xFF28323C;
    private static final int HALO = 0xC8FFFFFF;
    private static final TextStyle FONT = new TextStyle(11, false);

    private final MapProjection projection;

    public GraticuleLayer(MapProjection projection) {
        this.projection = projection;
    }

    /** The spacing in degrees for a view: the smallest step whose lines are at least {@code minApart} canvas units apart. */
    static double step(MapViewport v, MapProjection projection, double minApart) {
        double[] a = projection.project(0, 0);
        double[] b = projection.project(1, 0);
        double pxPerDegree = (b[0] - a[0]) / v.metresPerPixel();
        for (double s : STEPS) {
            if (s * pxPerDegree >= minApart) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The spacing on the screen: lines at least 80 px apart. */
    static double step(MapViewport v, MapProjection projection) {
        return step(v, projection, 80);
    }

    @Override
    public void paint(MapCanvas c, MapFrame frame) {
        MapViewport v = frame.viewport();
        double px = c.pixel();
        double step = step(v, projection, 80 * px);
        double[] nw = projection.unproject(v.worldX(0), v.worldY(0));
        double[] se = projection.unproject(v.worldX(v.width()), v.worldY(v.height()));
        TextStyle font = FONT.scaled(px);
        double ascent = c.ascent(font);
        for (double lon = Math.ceil(nw[0] / step) * step; lon <= se[0]; lon += step) {
            double x = Math.round(v.screenX(projection.project(lon, 0)[0]) / px) * px;
            c.fillRect(x - px / 2, 0, px, v.height(), LINE);
            label(c, font, longitude(lon, step), x + 3 * px, ascent + 2 * px);
        }
        for (double lat = Math.ceil(se[1] / step) * step; lat <= nw[1]; lat += step) {
            double y = Math.round(v.screenY(projection.project(0, lat)[1]) / px) * px;
            c.fillRect(0, y - px / 2, v.width(), px, LINE);
            label(c, font, latitude(lat, step), 3 * px, y - 3 * px);
        }
    }

    private static void label(MapCanvas c, TextStyle font, String text, double x, double y) {
        double px = c.pixel();
        if (x + c.textWidth(text, font) > c.width() || y > c.height()) {
            return; // a label cut by the edge reads as another number
        }
        double ascent = c.ascent(font);
        c.fillRect(x - px, y - ascent, c.textWidth(text, font) + 2 * px, ascent + c.descent(font), HALO);
        c.text(text, x, y, font, LABEL);
    }

    static String latitude(double lat, double step) {
        return degrees(Math.abs(lat), step) + (lat < 0 ? "S" : lat > 0 ? "N" : "");
    }

    static String longitude(double lon, double step) {
        return degrees(Math.abs(lon), step) + (lon < 0 ? "W" : lon > 0 ? "E" : "");
    }

    private static String degrees(double d, double step) {
        int whole = (int) Math.floor(d + 1e-9);
        int minutes = (int) Math.round((d - whole) * 60);
        if (minutes == 60) {
            whole++;
            minutes = 0;
        }
        return step >= 1 || minutes == 0 ? whole + "°" : String.format(Locale.ROOT, "%d°%02d′", whole, minutes);
    }
}
