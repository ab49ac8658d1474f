package pe.cardumen.io;

import java.util.Locale;

/**
 * Numbers with a fixed count of decimals for text output, the same characters as
 * {@code String.format(Locale.ROOT, "%.Nf", v)} at a small fraction of its cost (the JDK's formatter
 * parses the pattern and builds a decimal expansion per call: about a microsecond, most of the time of
 * writing Sv as CSV). Values away from a rounding tie are rounded here; the rare value within 10⁻⁶ of a
 * tie, and very large or non-finite values, are left to the JDK so that the output is identical.
 */
public final class FixedDecimals {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};
    /** Scaled magnitudes below this keep a double's error under 10⁻⁷ of a unit in the last decimal. */
    private static final double MAX_SCALED = 1e9;
    private static final double TIE_WINDOW = 1e-6;

    private FixedDecimals() {
    }

    /** Appends {@code v} with {@code decimals} decimals (0–8), as {@code %.Nf} in {@link Locale#ROOT} writes it. */
    public static StringBuilder append(StringBuilder b, double v, int decimals) {
        if (decimals < 0 || decimals >= POW10.length) {
            throw new IllegalArgumentException("decimals must be 0–8, was " + decimals);
        }
        double scaled = Math.abs(v) * POW10[decimals];
        if (!(scaled < MAX_SCALED)) {
            return jdk(b, v, decimals); // NaN, infinite, huge
        }
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < TIE_WINDOW) {
            return jdk(b, v, decimals);
        }
        long units = (long) floor + (frac > 0.5 ? 1 : 0);
        if (Double.doubleToRawLongBits(v) < 0) {
            b.append('-'); // as the JDK writes it, "-0.0000" for a small negative value
        }
        long scale = POW10[decimals];
        b.append(units / scale);
        if (decimals > 0) {
            b.append('.');
            long part = units % scale;
            for (long p = scale / 10; p > 1 && part < p; p /= 10) {
                b.append('0');
            }
            b.append(part);
        }
        return b;
    }

    private static StringBuilder jdk(StringBuilder b, double v, int decimals) {
        return b.append(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }
}
