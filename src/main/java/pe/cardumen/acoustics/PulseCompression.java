package pe.cardumen.acoustics;

/**
 * Pulse compression (matched filtering) of EK80 FM complex samples with the filtered ideal transmit
 * signal (Andersen et al. 2021, eqs. 8–9): y_pc(n) = (y_rx ∗ y_mf*(−n))(n)/‖y_mf‖², aligned so that
 * y_pc(n) = Σₖ y_rx(n + k)·y_mf*(k)/‖y_mf‖² (samples past the end of the ping count as zero), and
 * averaged over the transducer sectors. Because the filter is linear, the sectors are averaged first
 * and one signal is compressed, which is the same result at 1/sectors of the cost.
 */
public final class PulseCompression {
    private final TransmitSignal replica;
    private final double[] cr;
    private final double[] ci;
    private double effectivePulseS = Double.NaN;

    public PulseCompression(TransmitSignal replica) {
        this.replica = replica;
        double norm = replica.energy();
        int m = replica.length();
        cr = new double[m];
        ci = new double[m];
        for (int k = 0; k < m; k++) {
            // the conjugate, pre-divided by the norm
            cr[k] = replica.re()[k] / norm;
            ci[k] = -replica.im()[k] / norm;
        }
    }

    /** τeff of the compressed pulse ({@link TransmitSignal#compressedEffectivePulseS()}), computed once. */
    public double effectivePulseS() {
        if (Double.isNaN(effectivePulseS)) {
            effectivePulseS = replica.compressedEffectivePulseS();
        }
        return effectivePulseS;
    }

    /** The matched filter. */
    public TransmitSignal replica() {
        return replica;
    }

    /**
     * The compressed, sector-averaged signal of one ping.
     *
     * @param complex the ping's samples, {@code sectors} interleaved (re, im) pairs per sample
     * @param sectors number of sectors
     * @return (re, im) arrays, one value per sample
     */
    public double[][] compress(float[] complex, int sectors) {
        double[][] mean = sectorMean(complex, sectors);
        return compress(mean[0], mean[1]);
    }

    /**
     * The mean over the transducer sectors of each sample (the signal whose power the Sv equation uses).
     *
     * @param complex {@code sectors} interleaved (re, im) pairs per sample
     * @return (re, im) arrays, one value per sample
     */
    public static double[][] sectorMean(float[] complex, int sectors) {
        int n = complex.length / (2 * sectors);
        double[] xr = new double[n];
        double[] xi = new double[n];
        for (int i = 0; i < n; i++) {
            double re = 0;
            double im = 0;
            int at = 2 * sectors * i;
            for (int s = 0; s < sectors; s++) {
                re += complex[at + 2 * s];
                im += complex[at + 2 * s + 1];
            }
            xr[i] = re / sectors;
            xi[i] = im / sectors;
        }
        return new double[][] {xr, xi};
    }

    /** y_pc of one (sector-averaged) complex signal. */
    public double[][] compress(double[] xr, double[] xi) {
        int n = xr.length;
        int m = cr.length;
        double[] or = new double[n];
        double[] oi = new double[n];
        for (int i = 0; i < n; i++) {
            double sr = 0;
            double si = 0;
            int kTo = Math.min(m, n - i);
            for (int k = 0; k < kTo; k++) {
                double ar = xr[i + k];
                double ai = xi[i + k];
                sr += ar * cr[k] - ai * ci[k];
                si += ar * ci[k] + ai * cr[k];
            }
            or[i] = sr;
            oi[i] = si;
        }
        return new double[][] {or, oi};
    }
}
