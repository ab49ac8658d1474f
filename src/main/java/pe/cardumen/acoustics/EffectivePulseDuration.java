package pe.cardumen.acoustics;

/**
 * The effective pulse duration τeff of an EK80 CW ping: the ideal transmit pulse, tapered by the
 * ping's slope, passed through the transceiver's two filter stages with their decimation
 * ({@link TransmitSignal}), then τeff = Σ|y|²/max|y|² · Δt (Simrad EK80 manual; echopype's and
 * pyEcholab's implementations, whose published values {@code Ek80ReferenceTest} reproduces to 10⁻⁷).
 * FM pings use the compressed pulse instead ({@link TransmitSignal#compressedEffectivePulseS()}).
 */
public final class EffectivePulseDuration {
    private EffectivePulseDuration() {
    }

    /**
     * τeff of a CW ping, seconds.
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
        return TransmitSignal.of(pulseLengthS, slope, frequencyHz, frequencyHz, sampleFrequency, stage1, decimation1, stage2, decimation2)
                .cwEffectivePulseS();
    }
}
