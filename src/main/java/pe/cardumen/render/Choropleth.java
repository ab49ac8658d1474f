package pe.cardumen.render;

import java.util.Arrays;

/**
 * Class breaks and colours for a numeric zone attribute: quantile classes, so that each colour covers
 * about the same number of zones, which keeps skewed variables such as biomass readable.
 *
 * @param title   legend title, with the unit, e.g. {@code Area (nmi²)}
 * @param breaks  class limits, ascending, {@code classes + 1} values from the minimum to the maximum
 * @param colours ARGB colour of each class
 */
public record Choropleth(String title, double[] breaks, int[] colours) {
    public Choropleth {
        breaks = breaks.clone();
        colours = colours.clone();
        if (breaks.length != colours.length + 1) {
            throw new IllegalArgumentException(breaks.length + " breaks for " + colours.length + " classes");
        }
    }

    /**
     * Quantile classes of the finite values.
     *
     * @param classes number of classes (≥ 1); fewer when there are fewer distinct values
     */
    public static Choropleth quantiles(String title, double[] values, int classes, ColourRamp ramp) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Choropleth(title, new double[] {0, 0}, new int[] {ramp.colourAt(0.5)});
        }
        double[] b = new double[classes + 1];
        for (int k = 0; k <= classes; k++) {
            double pos = (double) k / classes * (v.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(v.length - 1, lo + 1);
            b[k] = v[lo] + (v[hi] - v[lo]) * (pos - lo);
        }
        double[] distinct = Arrays.stream(b).distinct().toArray();
        if (distinct.length < 2) {
            distinct = new double[] {v[0], v[v.length - 1]};
        }
        int n = distinct.length - 1;
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            c[k] = ramp.colourAt(n == 1 ? 0.5 : (double) k / (n - 1));
        }
        return new Choropleth(title, distinct, c);
    }

    /**
     * For zero-inflated values such as biomass density: when at least a tenth of the finite values are
     * exactly 0, a class of its own for 0 (in {@code zeroColour}) and quantile classes of the positive
     * values; otherwise as {@link #quantiles}.
     */
    public static Choropleth zeroAndQuantiles(String title, double[] values, int classes, ColourRamp ramp, int zeroColour) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        long zeros = Arrays.stream(finite).filter(v -> v == 0).count();
        double[] positive = Arrays.stream(finite).filter(v -> v > 0).toArray();
        if (zeros * 10 < finite.length || positive.length == 0) {
            return quantiles(title, values, classes, ramp);
        }
        Choropleth rest = quantiles(title, positive, classes, ramp);
        double[] b = new double[rest.breaks.length + 1];
        int[] c = new int[rest.colours.length + 1];
        b[0] = 0;
        b[1] = 0;
        System.arraycopy(rest.breaks, 1, b, 2, rest.breaks.length - 1);
        c[0] = zeroColour;
        System.arraycopy(rest.colours, 0, c, 1, rest.colours.length);
        return new Choropleth(title, b, c);
    }

    /**
     * For model predictions, which are never exactly zero: a class of its own for the near-zero values
     * below {@code nearZero} (in {@code zeroColour}, so that empty ocean does not look populated) and
     * quantile classes of the rest; as {@link #quantiles} when under a tenth of the values are near zero.
     */
    public static Choropleth nearZeroAndQuantiles(String title, double[] values, int classes, ColourRamp ramp, int zeroColour, double nearZero) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        long low = Arrays.stream(finite).filter(v -> v < nearZero).count();
        double[] rest = Arrays.stream(finite).filter(v -> v >= nearZero).toArray();
        if (low * 10 < finite.length || rest.length == 0) {
            return quantiles(title, values, classes, ramp);
        }
        Choropleth upper = quantiles(title, rest, classes, ramp);
        double min = Arrays.stream(finite).min().orElse(0);
        double[] b = new double[upper.breaks.length + 1];
        int[] c = new int[upper.colours.length + 1];
        b[0] = Math.min(min, nearZero);
        b[1] = nearZero;
        System.arraycopy(upper.breaks, 1, b, 2, upper.breaks.length - 1);
        c[0] = zeroColour;
        System.arraycopy(upper.colours, 0, c, 1, upper.colours.length);
        return new Choropleth(title, b, c);
    }

    /**
     * Classes with limits fixed beforehand — e.g. over every date of a grid, so that stepping through
     * time never changes what a colour means — coloured along the ramp.
     *
     * @param breaks ascending class limits (at least two)
     */
    public static Choropleth fixed(String title, double[] breaks, ColourRamp ramp) {
        int n = breaks.length - 1;
        if (n < 1) {
            throw new IllegalArgumentException("a scale needs at least two limits");
        }
        int[] c = new int[n];
        for (int k = 0; k < n; k++) {
            c[k] = ramp.colourAt(n == 1 ? 0.5 : (double) k / (n - 1));
        }
        return new Choropleth(title, breaks, c);
    }

    /** Limits symmetric about zero: {@code classes} (made odd) equal classes over [−m, m], m = {@code maxAbs} (1 when 0). */
    public static double[] symmetricBreaks(double maxAbs, int classes) {
        double m = maxAbs > 0 ? maxAbs : 1;
        int n = classes % 2 == 1 ? classes : classes + 1;
        double[] b = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            b[k] = -m + 2 * m * k / n;
        }
        return b;
    }

    /**
     * Classes symmetric about zero for differences: {@code classes} (odd) equal classes over
     * [−m, m], m the largest |value|, so the middle class (white on a diverging ramp) holds zero.
     */
    public static Choropleth diverging(String title, double[] values, int classes, ColourRamp ramp) {
        double m = Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
        if (m == 0) {
            m = 1;
        }
        int n = classes % 2 == 1 ? classes : classes + 1;
        double[] b = new double[n + 1];
        int[] c = new int[n];
        for (int k = 0; k <= n; k++) {
            b[k] = -m + 2 * m * k / n;
        }
        for (int k = 0; k < n; k++) {
            c[k] = ramp.colourAt((double) k / (n - 1));
        }
        return new Choropleth(title, b, c);
    }

    /** Whether class {@code k} holds a single value (its two limits are equal). */
    public boolean singleValue(int k) {
        return breaks[k] == breaks[k + 1];
    }

    /** Number of classes. */
    public int classes() {
        return colours.length;
    }

    /** The colour of a value; transparent for NaN. Values outside the range take the end colours. */
    public int colourOf(double value) {
        int k = classOf(value);
        return k < 0 ? 0 : colours[k];
    }

    /**
     * The class of a value, 0-based; −1 for NaN. Values outside the range fall in the end classes; a
     * single-value first class (the zero class) holds the values at or below its limit.
     */
    public int classOf(double value) {
        if (Double.isNaN(value)) {
            return -1;
        }
        if (colours.length > 1 && breaks[0] == breaks[1] && value <= breaks[0]) {
            return 0;
        }
        for (int k = 1; k < breaks.length - 1; k++) {
            if (value < breaks[k]) {
                return k - 1;
            }
        }
        return colours.length - 1;
    }

    @Override
    public double[] breaks() {
        return breaks.clone();
    }

    @Override
    public int[] colours() {
        return colours.clone();
    }
}
