package pe.cardumen.ocean;

/**
 * Chlorophyll-a is roughly log-normal: models and statistics use log10 of the concentration
 * (O'Reilly et al. 1998; Campbell 1995). The zonal statistics of the log10 field give, per zone, the
 * mean of log10(chl) — whose power of ten is the geometric mean concentration.
 */
public final class Log10Field {
    /** The unit of a log10 chlorophyll field. */
    public static final String UNIT = "log10(mg m⁻³)";
    /** The prefix of a log10 variable's name in the workspace ({@code log10_chla}). */
    public static final String PREFIX = "log10_";

    private Log10Field() {
    }

    /** log10 of each value; NaN where the value is missing, zero or negative (no logarithm). */
    public static float[] of(float[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            float v = values[k];
            out[k] = v > 0 ? (float) Math.log10(v) : Float.NaN;
        }
        return out;
    }
}
