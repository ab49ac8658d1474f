package pe.cardumen.ui.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.Locale;

/**
 * Meridians and parallels at a spacing that gives lines roughly 80–200 px apart, labelled in degrees
 * along the top and left edges.
 */
public final class GraticuleLayer implements MapLayer {
    private static final double[] STEPS = {0.25, 0.5, 1, 2, 5, 10};
    private static final Color LINE = new Color(90, 100, 110, 90);
    private static final Color LABEL = new Color(40, 50, 60);
    private static final Color HALO = new Color(255, 255, 255, 200);

    private final MapProjection projection;

    public GraticuleLayer(MapProjection projection) {
        this.projection = projection;
    }

    /** The spacing in degrees for a view: the smallest step whose lines are at least 80 px apart. */
    static double step(MapViewport v, MapProjection projection) {
        double[] a = projection.project(0, 0);
        double[] b = projection.project(1, 0);
        double pxPerDegree = (b[0] - a[0]) / v.metresPerPixel();
        for (double s : STEPS) {
            if (s * pxPerDegree >= 80) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    @Override
    public void paint(Graphics2D g, MapFrame frame) {
        MapViewport v = frame.viewport();
        double step = step(v, projection);
        double[] nw = projection.unproject(v.worldX(0), v.worldY(0));
        double[] se = projection.unproject(v.worldX(v.width()), v.worldY(v.height()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        g.setStroke(new BasicStroke(1f));
        for (double lon = Math.ceil(nw[0] / step) * step; lon <= se[0]; lon += step) {
            int x = (int) Math.round(v.screenX(projection.project(lon, 0)[0]));
            g.setColor(LINE);
            g.drawLine(x, 0, x, v.height());
            label(g, fm, longitude(lon, step), x + 3, fm.getAscent() + 2);
        }
        for (double lat = Math.ceil(se[1] / step) * step; lat <= nw[1]; lat += step) {
            int y = (int) Math.round(v.screenY(projection.project(0, lat)[1]));
            g.setColor(LINE);
            g.drawLine(0, y, v.width(), y);
            label(g, fm, latitude(lat, step), 3, y - 3);
        }
    }

    private static void label(Graphics2D g, FontMetrics fm, String text, int x, int y) {
        g.setColor(HALO);
        g.fillRect(x - 1, y - fm.getAscent(), fm.stringWidth(text) + 2, fm.getHeight());
        g.setColor(LABEL);
        g.drawString(text, x, y);
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
