package pe.cardumen.acoustics;

import pe.cardumen.domain.sonar.Ping;

/**
 * Calibrated power and volume backscattering strength from EK60 power samples (Simrad EK60 reference
 * manual; Simmonds &amp; MacLennan 2005, eq. 5.23; the conventions of pyEcholab and Echoview):
 *
 * <pre>
 *   P(i)  = count(i) · 10·log10(2)/256                                   dB re 1 W
 *   r(i)  = max(0, (i − 2)·dz),  dz = c·τs/2                            m  (TVG range; two-sample delay)
 *   Sv(i) = P(i) + 20·log10(max(r(i), 1 m)) + 2·α·r(i) − 10·log10(Pt·G0²·λ²·c·τ·ψ/(32π²)) − 2·Sa
 * </pre>
 *
 * Range convention: sample i (0-based) is taken at TVG range (i − 2)·dz for the time-varied gain
 * (Echoview's "EK60 TVG range correction" of two samples); the near field below 1 m keeps a TVG of 0 dB.
 * For depths, {@link #depthM(int, double, double)} uses (i − 1)·dz below the transducer, pyEcholab's
 * convention, which the reference NASC values follow.
 */
public final class Ek60Calibration {
    private static final double POWER_UNIT_DB = 10 * Math.log10(2) / 256;

    private Ek60Calibration() {
    }

    /** Received power per sample, dB re 1 W; empty when the ping has no power samples. */
    public static float[] powerDb(Ping ping) {
        short[] counts = ping.power();
        if (counts == null) {
            return new float[0];
        }
        float[] p = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = (float) (counts[i] * POWER_UNIT_DB);
        }
        return p;
    }

    /** TVG range of sample i, metres. */
    public static double tvgRangeM(int i, double dzM) {
        return Math.max(0, (i - 2) * dzM);
    }

    /** Depth below the surface of sample i, metres: (i − 1)·dz + transducer depth. */
    public static double depthM(int i, double dzM, double transducerDepthM) {
        return (i - 1) * dzM + transducerDepthM;
    }

    /** Sv per sample, dB re 1 m⁻¹; empty when the ping has no power samples. */
    public static float[] svDb(Ping ping, CalibrationParameters cal) {
        short[] counts = ping.power();
        if (counts == null) {
            return new float[0];
        }
        double dz = cal.sampleThicknessM();
        double constant = cal.systemGainTermDb() + 2 * cal.saCorrectionDb();
        double twoAlpha = 2 * cal.absorptionDbPerM();
        float[] sv = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            double r = tvgRangeM(i, dz);
            double tvg = 20 * Math.log10(Math.max(r, 1.0));
            sv[i] = (float) (counts[i] * POWER_UNIT_DB + tvg + twoAlpha * r - constant);
        }
        return sv;
    }
}
