package pe.cardumen.domain.sonar;

import java.util.Objects;

/**
 * One transceiver channel's installation and calibration as the sounder recorded it (EK60 {@code CON0};
 * EK80 {@code XML0} configuration). Angles in degrees, gains in dB.
 *
 * @param number                      1-based channel number in the file
 * @param channelId                   the sounder's channel id, e.g. {@code GPT  38 kHz 009072033fa2 1-1 ES38B}
 * @param beamType                    0 single beam, 1 split beam (EK60 codes)
 * @param frequencyHz                 nominal frequency, Hz
 * @param gainDb                      transducer gain G0, dB
 * @param equivalentBeamAngleDb       two-way equivalent beam angle ψ, dB re 1 sr
 * @param beamWidthAlongshipDeg       −3 dB beam width along ship, degrees
 * @param beamWidthAthwartshipDeg     −3 dB beam width athwart ship, degrees
 * @param angleSensitivityAlongship   electrical/mechanical angle sensitivity along ship
 * @param angleSensitivityAthwartship electrical/mechanical angle sensitivity athwart ship
 * @param angleOffsetAlongshipDeg     angle offset along ship, degrees
 * @param angleOffsetAthwartshipDeg   angle offset athwart ship, degrees
 * @param pulseLengthTableS           the pulse lengths the gain and Sa tables refer to, seconds
 * @param gainTableDb                 gain per pulse length, dB
 * @param saCorrectionTableDb         Sa correction per pulse length, dB
 * @param broadband                   the EK80 broadband calibration (gain per frequency), {@link
 *                                    FrequencyCalibration#NONE} when there is none (always for EK60)
 */
public record SonarChannel(int number, String channelId, int beamType, double frequencyHz, double gainDb,
                           double equivalentBeamAngleDb, double beamWidthAlongshipDeg, double beamWidthAthwartshipDeg,
                           double angleSensitivityAlongship, double angleSensitivityAthwartship,
                           double angleOffsetAlongshipDeg, double angleOffsetAthwartshipDeg,
                           double[] pulseLengthTableS, double[] gainTableDb, double[] saCorrectionTableDb,
                           FrequencyCalibration broadband) {
    public SonarChannel {
        Objects.requireNonNull(channelId, "channelId");
        broadband = broadband == null ? FrequencyCalibration.NONE : broadband;
        pulseLengthTableS = pulseLengthTableS.clone();
        gainTableDb = gainTableDb.clone();
        saCorrectionTableDb = saCorrectionTableDb.clone();
        if (pulseLengthTableS.length != gainTableDb.length || gainTableDb.length != saCorrectionTableDb.length) {
            throw new IllegalArgumentException("channel " + number + ": pulse-length, gain and Sa tables differ in length");
        }
    }

    /** Whether the channel's nominal frequency is {@code khz} kHz (to the nearest kHz). */
    public boolean isNominally(double khz) {
        return Math.abs(frequencyHz / 1000 - khz) < 0.5;
    }

    /** Index of the table entry for a pulse length (the closest one), or −1 when the tables are empty. */
    public int tableIndex(double pulseLengthS) {
        int best = -1;
        double bestDiff = Double.MAX_VALUE;
        for (int i = 0; i < pulseLengthTableS.length; i++) {
            double d = Math.abs(pulseLengthTableS[i] - pulseLengthS);
            if (d < bestDiff) {
                bestDiff = d;
                best = i;
            }
        }
        return best;
    }

    /** The gain for a pulse length: the table's entry when there is one, else {@link #gainDb()}. */
    public double gainDbAt(double pulseLengthS) {
        int i = tableIndex(pulseLengthS);
        return i < 0 ? gainDb : gainTableDb[i];
    }

    /** The Sa correction for a pulse length (0 dB when the tables are empty). */
    public double saCorrectionDbAt(double pulseLengthS) {
        int i = tableIndex(pulseLengthS);
        return i < 0 ? 0 : saCorrectionTableDb[i];
    }

    @Override
    public double[] pulseLengthTableS() {
        return pulseLengthTableS.clone();
    }

    @Override
    public double[] gainTableDb() {
        return gainTableDb.clone();
    }

    @Override
    public double[] saCorrectionTableDb() {
        return saCorrectionTableDb.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SonarChannel && ((SonarChannel) o).number == number && ((SonarChannel) o).channelId.equals(channelId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, channelId);
    }
}
