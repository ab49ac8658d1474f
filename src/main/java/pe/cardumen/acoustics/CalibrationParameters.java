package pe.cardumen.acoustics;

import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;

/**
 * Everything the Sv equation needs for one ping of one channel, in SI units and dB.
 *
 * @param frequencyHz           f, Hz
 * @param gainDb                G0 at the ping's pulse length, dB
 * @param saCorrectionDb        Sa correction at the ping's pulse length, dB
 * @param equivalentBeamAngleDb ψ, dB re 1 sr
 * @param soundSpeedMPerS       c, m/s
 * @param absorptionDbPerM      α, dB/m
 * @param transmitPowerW        Pt, W
 * @param pulseLengthS          τ, s
 * @param sampleIntervalS       τs, s
 * @param transducerDepthM      transducer depth, m
 */
public record CalibrationParameters(double frequencyHz, double gainDb, double saCorrectionDb, double equivalentBeamAngleDb,
                                    double soundSpeedMPerS, double absorptionDbPerM, double transmitPowerW, double pulseLengthS,
                                    double sampleIntervalS, double transducerDepthM) {

    /**
     * The file's own calibration for an EK60 ping: gain and Sa correction from the {@code CON0} tables
     * at the ping's pulse length, ψ from {@code CON0}, everything else from {@code RAW0}.
     */
    public static CalibrationParameters ek60(SonarChannel channel, Ping ping) {
        return new CalibrationParameters(ping.frequencyHz(), channel.gainDbAt(ping.pulseLengthS()), channel.saCorrectionDbAt(ping.pulseLengthS()),
                channel.equivalentBeamAngleDb(), ping.soundSpeedMPerS(), ping.absorptionDbPerM(), ping.transmitPowerW(),
                ping.pulseLengthS(), ping.sampleIntervalS(), ping.transducerDepthM());
    }

    /** The same parameters with the user's overrides applied (fields left {@code null} keep the file's value). */
    public CalibrationParameters with(CalibrationOverrides o) {
        return new CalibrationParameters(frequencyHz, pick(o.gainDb(), gainDb), pick(o.saCorrectionDb(), saCorrectionDb),
                pick(o.equivalentBeamAngleDb(), equivalentBeamAngleDb), pick(o.soundSpeedMPerS(), soundSpeedMPerS),
                pick(o.absorptionDbPerM(), absorptionDbPerM), transmitPowerW, pulseLengthS, sampleIntervalS, transducerDepthM);
    }

    private static double pick(Double override, double value) {
        return override == null ? value : override;
    }

    /** λ = c/f, metres. */
    public double wavelengthM() {
        return soundSpeedMPerS / frequencyHz;
    }

    /** Sample thickness dz = c·τs/2, metres. */
    public double sampleThicknessM() {
        return soundSpeedMPerS * sampleIntervalS / 2;
    }

    /** The constant term 10·log10(Pt·G0²·λ²·c·τ·ψ/(32π²)) of the Sv equation, dB (G0 and ψ linear). */
    public double systemGainTermDb() {
        double g = Math.pow(10, gainDb / 10);
        double psi = Math.pow(10, equivalentBeamAngleDb / 10);
        double lambda = wavelengthM();
        return 10 * Math.log10(transmitPowerW * g * g * lambda * lambda * soundSpeedMPerS * pulseLengthS * psi / (32 * Math.PI * Math.PI));
    }
}
