package pe.cardumen.acoustics;

/**
 * Echo-integration of Sv into area backscattering (MacLennan, Fernandes &amp; Dalen 2002):
 *
 * <pre>
 *   sv   = 10^(Sv/10), set to 0 where Sv &lt; threshold          (m⁻¹)
 *   sa   = Σ sv(i)·dz over the samples whose depth lies in the layer   (m² m⁻²)
 *   NASC = 4π·1852²·sa                                            (m² nmi⁻²)
 * </pre>
 *
 * A sample belongs to the layer when its depth, {@link Ek60Calibration#depthM}, lies in
 * [top, bottom] (both inclusive).
 */
public final class EchoIntegrator {
    /** 4π·1852², the factor from sa (m² m⁻²) to NASC (m² nmi⁻²). */
    public static final double NASC_PER_SA = 4 * Math.PI * 1852.0 * 1852.0;

    private EchoIntegrator() {
    }

    /**
     * NASC of one ping in a depth layer.
     *
     * @param svDb             Sv per sample, dB re 1 m⁻¹
     * @param dzM              sample thickness, m
     * @param transducerDepthM transducer depth, m
     * @param topM             layer top, depth in m
     * @param bottomM          layer bottom, depth in m
     * @param thresholdDb      samples below this Sv count as zero, dB (−∞ for no threshold)
     * @return NASC, m² nmi⁻²
     */
    public static double nasc(float[] svDb, double dzM, double transducerDepthM, double topM, double bottomM, double thresholdDb) {
        double sa = 0;
        for (int i = 0; i < svDb.length; i++) {
            double depth = Ek60Calibration.depthM(i, dzM, transducerDepthM);
            if (depth >= topM && depth <= bottomM && svDb[i] >= thresholdDb) {
                sa += Math.pow(10, svDb[i] / 10.0) * dzM;
            }
        }
        return NASC_PER_SA * sa;
    }
}
