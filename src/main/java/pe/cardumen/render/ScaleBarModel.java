package pe.cardumen.render;

import pe.cardumen.geo.Geodesy;

/**
 * Lengths for the scale bar: a round number of nautical miles and of kilometres, each drawn no longer
 * than a maximum width. The ground distance per pixel is measured geodesically across the view's
 * centre, so it is right at every latitude whatever the projection's scale there.
 *
 * @param nmi      the nautical-mile bar's length, nmi
 * @param nmiPixels its length on screen, px
 * @param km       the kilometre bar's length, km
 * @param kmPixels its length on screen, px
 */
public record ScaleBarModel(double nmi, double nmiPixels, double km, double kmPixels) {
    private static final double[] NICE = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000};

    /** Computes the bars for a view, each at most {@code maxPixels} long. */
    public static ScaleBarModel of(MapViewport v, MapProjection projection, double maxPixels) {
        double cy = v.height() / 2.0;
        double x0 = v.width() / 2.0 - 50;
        double x1 = v.width() / 2.0 + 50;
        double[] a = projection.unproject(v.worldX(x0), v.worldY(cy));
        double[] b = projection.unproject(v.worldX(x1), v.worldY(cy));
        double nmiPerPixel = Geodesy.distanceNmi(a[0], a[1], b[0], b[1]) / (x1 - x0);
        double kmPerPixel = nmiPerPixel * Geodesy.METRES_PER_NMI / 1000;
        double nmi = nice(nmiPerPixel * maxPixels);
        double km = nice(kmPerPixel * maxPixels);
        return new ScaleBarModel(nmi, nmi / nmiPerPixel, km, km / kmPerPixel);
    }

    private static double nice(double max) {
        double best = NICE[0];
        for (double n : NICE) {
            if (n <= max) {
                best = n;
            }
        }
        return best;
    }

    /** The label of the nautical-mile bar, e.g. {@code 50 nmi}. */
    public String nmiLabel() {
        return nmiLabel("nmi");
    }

    /** The label of the nautical-mile bar with a translated unit symbol (Spanish writes {@code mn}). */
    public String nmiLabel(String unit) {
        return format(nmi) + " " + unit;
    }

    /** The label of the kilometre bar, e.g. {@code 100 km}. */
    public String kmLabel() {
        return format(km) + " km";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
