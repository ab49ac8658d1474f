package pe.cardumen.render;

/**
 * The colour mapping of a raster: a ramp between two values, linear or logarithmic (chlorophyll).
 *
 * @param title  legend title with the unit
 * @param min    the value at the ramp's start
 * @param max    the value at its end
 * @param log    whether values are mapped in log10
 * @param ramp   the ramp
 */
public record RasterLegend(String title, double min, double max, boolean log, ColourRamp ramp) {
    /** The ARGB colour of a value (transparent for NaN or non-positive values on a log scale). */
    public int colourOf(double value) {
        if (Double.isNaN(value) || (log && value <= 0)) {
            return 0;
        }
        double t = log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (value - min) / (max - min);
        return ramp.colourAt(t);
    }

    /** A legend spanning the 2nd–98th percentiles of the values (so that a few outliers do not wash the map out). */
    public static RasterLegend of(String title, float[] values, boolean log, ColourRamp ramp) {
        double[] v = new double[values.length];
        int n = 0;
        for (float x : values) {
            if (!Float.isNaN(x) && (!log || x > 0)) {
                v[n++] = x;
            }
        }
        if (n == 0) {
            return new RasterLegend(title, log ? 0.01 : 0, log ? 10 : 1, log, ramp);
        }
        double[] s = java.util.Arrays.copyOf(v, n);
        java.util.Arrays.sort(s);
        double lo = s[(int) Math.floor(0.02 * (n - 1))];
        double hi = s[(int) Math.ceil(0.98 * (n - 1))];
        if (hi <= lo) {
            hi = lo + (log ? lo : 1);
        }
        return new RasterLegend(title, lo, hi, log, ramp);
    }
}
