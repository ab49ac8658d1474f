package pe.cardumen.acoustics;

/**
 * The ideal transmit signal of an EK80 ping as the receiver sees it: a tapered CW pulse or linear upsweep
 * (chirp), normalised to unit peak, passed through the transceiver's two filter stages with their
 * decimation (Andersen et al. 2021, "Broadband acoustic quantities: pulse compression, TS(f), Sv(f)",
 * eqs. 1–5; Simrad EK80 reference manual). It is the matched filter of pulse compression and gives the
 * effective pulse duration τeff.
 *
 * <p>The pulse: N = ⌊τ·fs⌋ samples of cos(π(f1 − f0)/τ·t² + 2πf0·t), t = i/fs (f0 = f1 for CW); a Hann
 * window of L = round(2·slope·τ·fs) points, its first ⌊L/2⌋ points as the rising edge and the remaining
 * ones but the last as the falling edge, ones in between.
 *
 * @param re                 real part of the filtered, decimated signal
 * @param im                 imaginary part
 * @param sampleFrequencyHz  the decimated sampling frequency fs/(D1·D2), Hz
 */
public record TransmitSignal(double[] re, double[] im, double sampleFrequencyHz) {

    /**
     * The filtered transmit signal of a ping.
     *
     * @param pulseLengthS    nominal pulse duration τ, s
     * @param slope           taper slope, fraction of the pulse
     * @param startHz         f0 (the CW frequency for CW), Hz
     * @param endHz           f1 (the CW frequency for CW), Hz
     * @param sampleFrequency the receiver's sampling frequency fs before filtering, Hz
     * @param stage1          stage-1 filter: complex coefficients as (re, im) pairs
     * @param decimation1     stage-1 decimation factor
     * @param stage2          stage-2 filter coefficients
     * @param decimation2     stage-2 decimation factor
     */
    public static TransmitSignal of(double pulseLengthS, double slope, double startHz, double endHz, double sampleFrequency,
                                    float[] stage1, int decimation1, float[] stage2, int decimation2) {
        int n = (int) Math.floor(pulseLengthS * sampleFrequency);
        if (n < 1) {
            throw new IllegalArgumentException("pulse of " + pulseLengthS + " s is shorter than one sample at " + sampleFrequency + " Hz");
        }
        double[] window = taper(n, (int) Math.round(pulseLengthS * sampleFrequency * slope * 2.0));
        double[] re = new double[n];
        double[] im = new double[n];
        double sweep = Math.PI * (endHz - startHz) / pulseLengthS;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double t = i / sampleFrequency;
            re[i] = Math.cos(sweep * t * t + 2 * Math.PI * startHz * t) * window[i];
            max = Math.max(max, re[i]);
        }
        if (max > 0) {
            for (int i = 0; i < n; i++) {
                re[i] /= max;
            }
        }
        double[][] y1 = filterAndDecimate(re, im, stage1, decimation1);
        double[][] y2 = filterAndDecimate(y1[0], y1[1], stage2, decimation2);
        return new TransmitSignal(y2[0], y2[1], sampleFrequency / (decimation1 * (double) decimation2));
    }

    /** Number of samples. */
    public int length() {
        return re.length;
    }

    /** Energy Σ|y|² (the squared l²-norm). */
    public double energy() {
        double e = 0;
        for (int i = 0; i < re.length; i++) {
            e += re[i] * re[i] + im[i] * im[i];
        }
        return e;
    }

    /** τeff of a CW ping: Σ|y|²/max|y|²/fs_dec, s. */
    public double cwEffectivePulseS() {
        double sum = 0;
        double max = 0;
        for (int i = 0; i < re.length; i++) {
            double p = re[i] * re[i] + im[i] * im[i];
            sum += p;
            max = Math.max(max, p);
        }
        return sum / max / sampleFrequencyHz;
    }

    /**
     * The normalised autocorrelation y_mf,auto(n) = (y ∗ y*(−n))/‖y‖², lags −(M−1) … M−1 as (re, im)
     * arrays of 2M − 1 points, peak 1 at index M − 1 (Andersen et al. 2021, eq. 6).
     */
    public double[][] autocorrelation() {
        int m = re.length;
        double norm = energy();
        double[] ar = new double[2 * m - 1];
        double[] ai = new double[2 * m - 1];
        for (int lag = -(m - 1); lag <= m - 1; lag++) {
            double sr = 0;
            double si = 0;
            for (int k = Math.max(0, -lag); k < m && k + lag < m; k++) {
                // y(k + lag)·conj(y(k))
                double xr = re[k + lag];
                double xi = im[k + lag];
                sr += xr * re[k] + xi * im[k];
                si += xi * re[k] - xr * im[k];
            }
            ar[lag + m - 1] = sr / norm;
            ai[lag + m - 1] = si / norm;
        }
        return new double[][] {ar, ai};
    }

    /** τeff of an FM ping, from the compressed pulse: Σ|y_mf,auto|²/max|y_mf,auto|²/fs_dec, s (eq. 7). */
    public double compressedEffectivePulseS() {
        double[][] a = autocorrelation();
        double sum = 0;
        double max = 0;
        for (int i = 0; i < a[0].length; i++) {
            double p = a[0][i] * a[0][i] + a[1][i] * a[1][i];
            sum += p;
            max = Math.max(max, p);
        }
        return sum / max / sampleFrequencyHz;
    }

    private static double[] taper(int n, int l) {
        double[] window = new double[n];
        java.util.Arrays.fill(window, 1);
        int half = l / 2;
        int rising = Math.min(half, n);
        int falling = Math.max(0, l - 1 - half);
        for (int i = 0; i < rising; i++) {
            window[i] = hann(i, l);
        }
        for (int k = 0; k < falling && k < n; k++) {
            window[n - falling + k] = hann(half + k, l);
        }
        return window;
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
