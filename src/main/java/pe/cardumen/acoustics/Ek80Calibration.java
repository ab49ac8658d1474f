package pe.cardumen.acoustics;

import pe.cardumen.domain.sonar.Ping;

/**
 * Calibrated power and Sv from EK80 pings, CW (complex or "reduced" power) and FM (Simrad EK80 reference
 * manual; Andersen et al. 2021 for FM; the conventions of pyEcholab and echopype, against which {@code
 * Ek80ReferenceTest} and {@code Ek80FmReferenceTest} check it):
 *
 * <pre>
 *   complex:  P = n_sectors·|mean over sectors(y)|²/(2√2)²·((Zer + Zet)/Zer)²/Zet      W (Zet = 75 Ω)
 *   FM:       the same with y replaced by the pulse-compressed y_pc ({@link PulseCompression})
 *   reduced:  P = count·10·log10(2)/256                                                dB re 1 W
 *   r(i)  = i·dz − c·τ/4                                                               m
 *   Sv(i) = 10·log10(P) + 20·log10(r) + 2αr − 10·log10(Pt·λ²·c·τeff·ψ·G0²/(32π²)) − 2·Sa  (r &gt; 0; NaN otherwise)
 * </pre>
 * τeff comes from the ideal transmit pulse filtered by the file's own filters ({@link
 * EffectivePulseDuration}); α from Francois &amp; Garrison with the file's environment ({@link
 * Absorption}). For an FM ping every frequency-dependent term is taken at the centre of the sweep fc,
 * τeff is that of the compressed pulse and there is no Sa correction (Andersen et al. 2021, eq. 25):
 * {@code base} then holds f = fc, G0(fc), ψ(fc) = ψ(fn)·(fn/fc)², α(fc) and Sa = 0, as {@link
 * SvCalibrator} builds it.
 *
 * @param base                   frequency, gain and Sa at the pulse length, ψ, c, α, Pt, τ, τs, transducer depth
 * @param effectivePulseS        τeff, s
 * @param receiverImpedanceOhm   Zer, Ω
 * @param transducerImpedanceOhm Zet, Ω
 * @param compression            the matched filter of an FM ping; {@code null} for CW
 */
public record Ek80Calibration(CalibrationParameters base, double effectivePulseS, double receiverImpedanceOhm, double transducerImpedanceOhm,
                              PulseCompression compression) {

    /** A CW calibration with the nominal transducer impedance. */
    public Ek80Calibration(CalibrationParameters base, double effectivePulseS, double receiverImpedanceOhm) {
        this(base, effectivePulseS, receiverImpedanceOhm, TRANSDUCER_IMPEDANCE_OHM, null);
    }

    /** Nominal transducer impedance Zet, Ω. */
    public static final double TRANSDUCER_IMPEDANCE_OHM = 75;
    private static final double POWER_UNIT_DB = 10 * Math.log10(2) / 256;

    /** TVG range of sample i: i·dz − c·τ/4, m (may be ≤ 0 inside the transmit pulse). */
    public double rangeM(int i) {
        return i * base.sampleThicknessM() - base.soundSpeedMPerS() * base.pulseLengthS() / 4;
    }

    /** 10·log10(Pt·λ²·c·τeff·ψ·G0²/(32π²)), dB. */
    public double systemGainTermDb() {
        double g = Math.pow(10, base.gainDb() / 10);
        double psi = Math.pow(10, base.equivalentBeamAngleDb() / 10);
        double lambda = base.wavelengthM();
        return 10 * Math.log10(base.transmitPowerW() * lambda * lambda * base.soundSpeedMPerS() * effectivePulseS * psi * g * g
                / (32 * Math.PI * Math.PI));
    }

    /** Received power per sample, dB re 1 W. */
    public float[] powerDb(Ping ping) {
        if (ping.power() != null) {
            short[] counts = ping.power();
            float[] p = new float[counts.length];
            for (int i = 0; i < counts.length; i++) {
                p[i] = (float) (counts[i] * POWER_UNIT_DB);
            }
            return p;
        }
        float[] y = ping.complex();
        int sectors = ping.sectors();
        if (y == null || sectors == 0) {
            return new float[0];
        }
        double zer = receiverImpedanceOhm;
        double zet = transducerImpedanceOhm;
        double factor = sectors / 8.0 * ((zer + zet) / zer) * ((zer + zet) / zer) / zet;
        if (ping.isFm()) {
            if (compression == null) {
                throw new IllegalStateException("channel " + ping.channel() + ": an FM ping needs its matched filter");
            }
            return power(compression.compress(y, sectors), factor);
        }
        return power(PulseCompression.sectorMean(y, sectors), factor);
    }

    private static float[] power(double[][] signal, double factor) {
        float[] p = new float[signal[0].length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (10 * Math.log10(factor * (signal[0][i] * signal[0][i] + signal[1][i] * signal[1][i])));
        }
        return p;
    }

    /** Sv per sample, dB re 1 m⁻¹; NaN where the range is not positive. */
    public float[] svDb(Ping ping) {
        float[] p = powerDb(ping);
        double constant = systemGainTermDb() + 2 * base.saCorrectionDb();
        double twoAlpha = 2 * base.absorptionDbPerM();
        float[] sv = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            double r = rangeM(i);
            sv[i] = r > 0 ? (float) (p[i] + 20 * Math.log10(r) + twoAlpha * r - constant) : Float.NaN;
        }
        return sv;
    }
}
