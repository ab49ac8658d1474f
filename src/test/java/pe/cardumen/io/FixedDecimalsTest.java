package pe.cardumen.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast fixed-decimal text is character for character the JDK's {@code %.Nf}. */
class FixedDecimalsTest {
    private static String jdk(double v, int d) {
        return String.format(Locale.ROOT, "%." + d + "f", v);
    }

    private static String fast(double v, int d) {
        return FixedDecimals.append(new StringBuilder(), v, d).toString();
    }

    @Test
    void equalsTheJdkOnRandomAndEdgeValues() {
        long seed = 20261207;
        System.out.println("FixedDecimalsTest seed " + seed);
        Random r = new Random(seed);
        for (int k = 0; k < 400_000; k++) {
            int d = r.nextInt(9);
            double v = switch (k % 5) {
                case 0 -> (float) (-120 + 110 * r.nextDouble()); // Sv in dB, as floats
                case 1 -> r.nextDouble() * 1000; // ranges and depths
                case 2 -> (r.nextInt(2_000_001) - 1_000_000 + 0.5) / Math.pow(10, d); // exact decimal ties
                case 3 -> r.nextGaussian() * Math.pow(10, r.nextInt(12) - 4);
                default -> Double.longBitsToDouble(r.nextLong());
            };
            assertThat(fast(v, d)).as("%s with %d decimals", v, d).isEqualTo(jdk(v, d));
        }
        for (double v : new double[] {0, -0.0, 0.00004, -0.00004, 0.00005, -0.00005, 0.15, 0.25, 2.5, 1e8, 1e9, 9.99995, -65.3f, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 123456.78905}) {
            for (int d = 0; d <= 8; d++) {
                assertThat(fast(v, d)).as("%s with %d decimals", v, d).isEqualTo(jdk(v, d));
            }
        }
    }
}
