package pe.cardumen.io.sonar;

import java.util.List;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;

/**
 * Receives a raw file's content as the reader streams through it, in file order. Every method has
 * an empty default so handlers implement only what they need; a handler that keeps nothing keeps the
 * memory bounded whatever the file's size.
 */
public interface RawFileHandler {
    /**
     * The channel configuration ({@code CON0}, or the EK80 {@code XML0} Configuration).
     *
     * @param sounder  the sounder's name and software, e.g. {@code ER60 2.2.1}
     * @param channels channels in file order, numbered from 1
     */
    default void configuration(String sounder, List<SonarChannel> channels) {
    }

    /**
     * Whether the handler wants the pings of a channel. When it does not, the reader still checks and
     * counts them (and warns about them as it would) but neither copies their samples nor calls
     * {@link #ping}: a handler that needs one channel of five saves four fifths of the decoding.
     */
    default boolean wantsPing(int channel) {
        return true;
    }

    /** A ping of one channel. The arrays in {@code ping} belong to the handler from now on. */
    default void ping(Ping ping) {
    }

    /** An NMEA sentence ({@code NME0}), without trailing NULs or line ends. */
    default void nmea(long timeTicks, String sentence) {
    }

    /** An annotation ({@code TAG0}). */
    default void annotation(long timeTicks, String text) {
    }

    /** Bottom depths per channel ({@code BOT0}), metres, in channel order. */
    default void bottom(long timeTicks, double[] depthsM) {
    }

    /** Motion ({@code MRU0}): heave m, roll, pitch and heading in degrees. */
    default void motion(long timeTicks, float heaveM, float rollDeg, float pitchDeg, float headingDeg) {
    }

    /**
     * EK80 transceiver settings of a channel ({@code XML0} Configuration), after {@link #configuration}.
     *
     * @param receiverImpedanceOhm the transceiver's receiver impedance Zer, Ω
     * @param rxSampleFrequencyHz  the receiver's A/D sampling frequency before filtering, Hz
     * @param transducerDepthM     the transducer's installation depth (TransducerOffsetZ), m
     */
    default void ek80Channel(int channel, double receiverImpedanceOhm, double rxSampleFrequencyHz, double transducerDepthM) {
    }

    /**
     * An EK80 filter stage ({@code FIL1}): 1 is the transceiver's filter, 2 the pulse-compression filter.
     *
     * @param coefficients complex coefficients as interleaved (re, im) pairs
     */
    default void filter(int channel, int stage, int decimation, float[] coefficients) {
    }

    /** The EK80 environment ({@code XML0} Environment): °C, PSU, m, pH, m/s. */
    default void environment(double temperatureC, double salinityPsu, double depthM, double acidityPh, double soundSpeedMPerS) {
    }
}
