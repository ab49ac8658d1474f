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
        double[] offset = offsets(cal, counts.length);
        float[] sv = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            sv[i] = (float) (counts[i] * POWER_UNIT_DB + offset[i]);
        }
        return sv;
    }

    /** The per-sample part of the equation, 20·log10(max(r,1)) + 2αr − constant, for one calibration. */
    private record OffsetKey(double dz, double twoAlpha, double constant, int samples) {
    }

    // Consecutive pings of a channel share their calibration, so the logarithms are computed once per
    // channel and setting rather than once per sample; the cache stays small.
    private static final java.util.concurrent.ConcurrentHashMap<OffsetKey, double[]> OFFSETS = new java.util.concurrent.ConcurrentHashMap<>();

    private static double[] offsets(CalibrationParameters cal, int samples) {
        OffsetKey key = new OffsetKey(cal.sampleThicknessM(), 2 * cal.absorptionDbPerM(), cal.systemGainTermDb() + 2 * cal.saCorrectionDb(), samples);
        double[] cached = OFFSETS.get(key);
        if (cached != null) {
            return cached;
        }
        double[] offset = new double[samples];
        for (int i = 0; i < samples; i++) {
            double r = tvgRangeM(i, key.dz());
            offset[i] = 20 * Math.log10(Math.max(r, 1.0)) + key.twoAlpha() * r - key.constant();
        }
        if (OFFSETS.size() > 256) {
            OFFSETS.clear();
        }
        OFFSETS.put(key, offset);
        return offset;
    }
}
