package pe.cardumen.acoustics;

/**
 * The effective pulse duration τeff of an EK80 CW ping: the ideal transmit pulse, tapered by the
 * ping's slope, passed through the transceiver's two filter stages with their decimation, then
 * τeff = Σ|y|²/max|y|² · Δt (Simrad EK80 manual; echopype's and pyEcholab's implementations, whose
 * published values {@code Ek80ReferenceTest} reproduces to 10⁻⁷).
 *
 * <p>The pulse: N = ⌊τ·fs⌋ samples of cos(2πft) at the receiver's sampling frequency fs; a Hann window
 * of L = round(2·slope·τ·fs) points, its first ⌊L/2⌋ points as the rising edge and the remaining ones but
 * the last as the falling edge, ones in between.
 */
public final class EffectivePulseDuration {
    private EffectivePulseDuration() {
    }

    /**
     * τeff, seconds.
     *
     * @param pulseLengthS    nominal pulse duration τ, s
     * @param slope           taper slope, fraction of the pulse
     * @param frequencyHz     CW frequency, Hz
     * @param sampleFrequency receiver sampling frequency fs before filtering, Hz
     * @param stage1          stage-1 filter: complex coefficients as (re, im) pairs
     * @param decimation1     stage-1 decimation factor
     * @param stage2          stage-2 filter coefficients
     * @param decimation2     stage-2 decimation factor
     */
    public static double compute(double pulseLengthS, double slope, double frequencyHz, double sampleFrequency,
                                 float[] stage1, int decimation1, float[] stage2, int decimation2) {
        int n = (int) Math.floor(pulseLengthS * sampleFrequency);
        int l = (int) Math.round(pulseLengthS * sampleFrequency * slope * 2.0);
        double[] window = new double[n];
        int half = l / 2;
        int rising = Math.min(half, n);
        int falling = Math.max(0, l - 1 - half);
        for (int i = 0; i < n; i++) {
            window[i] = 1;
        }
        for (int i = 0; i < rising; i++) {
            window[i] = hann(i, l);
        }
        for (int k = 0; k < falling && k < n; k++) {
            window[n - falling + k] = hann(half + k, l);
        }
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * frequencyHz * i / sampleFrequency) * window[i];
        }
        double[][] y1 = filterAndDecimate(re, im, stage1, decimation1);
        double[][] y2 = filterAndDecimate(y1[0], y1[1], stage2, decimation2);
        double sum = 0;
        double max = 0;
        for (int i = 0; i < y2[0].length; i++) {
            double p = y2[0][i] * y2[0][i] + y2[1][i] * y2[1][i];
            sum += p;
            max = Math.max(max, p);
        }
        return sum / max * (decimation1 * (double) decimation2) / sampleFrequency;
    }

    private static double hann(int i, int l) {
        return 0.5 * (1 - Math.cos(2 * Math.PI * i / (l - 1)));
    }

    /** Full convolution with complex coefficients, then every decimation-th sample from the first. */
    static double[][] filterAndDecimate(double[] re, double[] im, float[] h, int decimation) {
        int taps = h.length / 2;
        int full = re.length + taps - 1;
        int out = (full + decimation - 1) / decimation;
        double[] ore = new double[out];
        double[] oim = new double[out];
        for (int k = 0; k < out; k++) {
            int i = k * decimation;
            double sr = 0;
            double si = 0;
            int jFrom = Math.max(0, i - re.length + 1);
            int jTo = Math.min(taps - 1, i);
            for (int j = jFrom; j <= jTo; j++) {
                double hr = h[2 * j];
                double hi = h[2 * j + 1];
                double xr = re[i - j];
                double xi = im[i - j];
                sr += hr * xr - hi * xi;
                si += hr * xi + hi * xr;
            }
            ore[k] = sr;
            oim[k] = si;
        }
        return new double[][] {ore, oim};
    }
}
