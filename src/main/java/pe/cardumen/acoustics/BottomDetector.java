package pe.cardumen.acoustics;

/**
 * A simple bottom detector for pings without a recorded bottom line (Echoview's "maximum Sv" algorithm
 * in its plainest form; MacLennan &amp; Simmonds 1992):
 * <ol>
 *   <li>find the sample with the largest Sv more than {@code minDepthM} below the transducer (so
 *       that the transmit pulse and near field are never taken for the seabed);</li>
 *   <li>if it is weaker than {@code minPeakDb}, the ping has no detectable bottom;</li>
 *   <li>else walk up from it while Sv stays within {@code backstepDb} of the peak; the bottom is the
 *       depth of the shallowest sample of that run (the leading edge of the bottom echo).</li>
 * </ol>
 *
 * @param minDepthM  smallest distance below the transducer at which a bottom is accepted, m
 * @param minPeakDb  weakest peak Sv accepted as bottom, dB
 * @param backstepDb how far below the peak the leading edge is taken, dB
 */
public record BottomDetector(double minDepthM, double minPeakDb, double backstepDb) {
    /** Defaults: bottom more than 5 m below the transducer, peak Sv ≥ −40 dB, leading edge at peak − 10 dB. */
    public static final BottomDetector DEFAULT = new BottomDetector(5, -40, 10);

    /**
     * The bottom depth of a ping, m; NaN when none is detected.
     *
     * @param svDb   Sv per sample
     * @param depthM depth of each sample
     */
    public double detect(float[] svDb, double[] depthM) {
        return detect(svDb, depthM, 0);
    }

    /**
     * The bottom depth of a ping, m; NaN when none is detected.
     *
     * @param svDb             Sv per sample
     * @param depthM           depth of each sample
     * @param transducerDepthM the transducer's depth, m
     */
    public double detect(float[] svDb, double[] depthM, double transducerDepthM) {
        return detect(svDb, i -> depthM[i], transducerDepthM);
    }

    /**
     * The bottom depth of a ping whose samples are evenly spaced, m; NaN when none is detected. The
     * same detection as {@link #detect(float[], double[], double)} with sample {@code i} at depth
     * {@code firstDepthM + i·dzM}, without an array of depths.
     */
    public double detect(float[] svDb, double firstDepthM, double dzM, double transducerDepthM) {
        return detect(svDb, i -> firstDepthM + i * dzM, transducerDepthM);
    }

    private double detect(float[] svDb, java.util.function.IntToDoubleFunction depthM, double transducerDepthM) {
        double shallowest = transducerDepthM + minDepthM;
        int peak = -1;
        for (int i = 0; i < svDb.length; i++) {
            if (depthM.applyAsDouble(i) >= shallowest && !Float.isNaN(svDb[i]) && (peak < 0 || svDb[i] > svDb[peak])) {
                peak = i;
            }
        }
        if (peak < 0 || svDb[peak] < minPeakDb) {
            return Double.NaN;
        }
        int edge = peak;
        while (edge > 0 && depthM.applyAsDouble(edge - 1) >= shallowest && svDb[edge - 1] >= svDb[peak] - backstepDb) {
            edge--;
        }
        return depthM.applyAsDouble(edge);
    }
}
