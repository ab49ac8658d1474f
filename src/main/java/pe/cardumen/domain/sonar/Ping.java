package pe.cardumen.domain.sonar;

/**
 * One ping of one channel with its raw samples, as recorded (EK60 {@code RAW0}; EK80 {@code RAW3} with
 * the environment and parameters from {@code XML0}).
 *
 * @param channel               1-based channel number
 * @param index                 0-based ping number within the channel
 * @param timeTicks             FILETIME of the ping (see {@link SonarTime})
 * @param transducerDepthM      transducer depth below the surface, metres
 * @param frequencyHz           frequency, Hz; for an FM ping the centre of its sweep, (start + end)/2
 * @param transmitPowerW        transmit power, watts
 * @param pulseLengthS          nominal pulse duration, seconds
 * @param bandwidthHz           receiver bandwidth, Hz
 * @param sampleIntervalS       sample interval, seconds
 * @param soundSpeedMPerS       sound speed, m/s
 * @param absorptionDbPerM      absorption coefficient, dB/m
 * @param heaveM                heave, metres
 * @param rollDeg               roll, degrees
 * @param pitchDeg              pitch, degrees
 * @param temperatureC          water temperature, °C
 * @param sampleOffset          index of the first sample relative to the transmit pulse
 * @param power                 EK60 power samples in the file's units (int16, 10·log10(2)/256 dB per
 *                              unit), or {@code null} when the ping has none
 * @param angles                EK60 angle pairs (along, athwart) as raw int8, or {@code null}
 * @param complex               EK80 complex samples, {@code sectors} interleaved (re, im) pairs per
 *                              sample, or {@code null}
 * @param sectors               number of transducer sectors of the complex samples (0 when none)
 * @param slope                 EK80 taper slope of the transmit pulse (fraction of the pulse), NaN for EK60
 * @param pulseForm             EK80 pulse form: 0 CW, 1 FM (broadband); 0 for EK60
 * @param frequencyStartHz      start of an FM ping's linear sweep, Hz (the CW frequency otherwise)
 * @param frequencyEndHz        end of an FM ping's linear sweep, Hz (the CW frequency otherwise)
 */
public record Ping(int channel, int index, long timeTicks, double transducerDepthM, double frequencyHz, double transmitPowerW,
                   double pulseLengthS, double bandwidthHz, double sampleIntervalS, double soundSpeedMPerS,
                   double absorptionDbPerM, double heaveM, double rollDeg, double pitchDeg, double temperatureC,
                   int sampleOffset, short[] power, byte[] angles, float[] complex, int sectors, double slope, int pulseForm,
                   double frequencyStartHz, double frequencyEndHz) {

    /** Whether the ping is EK80 frequency-modulated (broadband); CW otherwise. */
    public boolean isFm() {
        return pulseForm > 0;
    }

    /** Number of samples. */
    public int sampleCount() {
        if (power != null) {
            return power.length;
        }
        if (complex != null && sectors > 0) {
            return complex.length / (2 * sectors);
        }
        return angles == null ? 0 : angles.length / 2;
    }

    /** The ping's time. */
    public java.time.Instant time() {
        return SonarTime.toInstant(timeTicks);
    }

    /** Sample thickness c·τs/2, metres. */
    public double sampleThicknessM() {
        return soundSpeedMPerS * sampleIntervalS / 2;
    }
}
