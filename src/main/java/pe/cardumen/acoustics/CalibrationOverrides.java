package pe.cardumen.acoustics;

/**
 * A user's corrections to a channel's calibration (from a calibration report, an Echoview {@code .ecs}
 * file or the UI form). A {@code null} field keeps the value recorded in the raw file.
 *
 * @param gainDb                transducer gain, dB
 * @param saCorrectionDb        Sa correction, dB
 * @param equivalentBeamAngleDb two-way equivalent beam angle, dB re 1 sr
 * @param soundSpeedMPerS       sound speed, m/s
 * @param absorptionDbPerM      absorption coefficient, dB/m
 */
public record CalibrationOverrides(Double gainDb, Double saCorrectionDb, Double equivalentBeamAngleDb, Double soundSpeedMPerS,
                                   Double absorptionDbPerM) {
    /** No overrides: the file's calibration. */
    public static final CalibrationOverrides NONE = new CalibrationOverrides(null, null, null, null, null);

    /**
     * What a correction may be, from what the instruments can have: outside these ranges a value is a
     * typing or unit mistake, never a calibration. Transducer gain of Simrad split-beam transducers
     * (ES18 to ES333) lies between about 18 and 30 dB, and an Sa correction is a fraction of a dB
     * (typically −1 to +0.5 dB; Demer et al. 2015, ICES Cooperative Research Report 326, Table 3);
     * equivalent beam angles run from about −31 dB (2° beams) to −11 dB (wide beams); sound speed in
     * sea water lies between about 1400 and 1600 m/s (Mackenzie 1981, 0–40 °C, 25–40 PSU); absorption is
     * at most about 0.15 dB/m up to 500 kHz (Francois &amp; Garrison 1982). The ranges are a little wider.
     */
    public enum Limit {
        GAIN("gain", 10, 40, "dB"),
        SA_CORRECTION("Sa correction", -3, 3, "dB"),
        EQUIVALENT_BEAM_ANGLE("equivalent beam angle", -40, -5, "dB"),
        SOUND_SPEED("sound speed", 1400, 1600, "m/s"),
        ABSORPTION("absorption", 0, 0.3, "dB/m");

        private final String label;
        private final double min;
        private final double max;
        private final String unit;

        Limit(String label, double min, double max, String unit) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.unit = unit;
        }

        public double min() {
            return min;
        }

        public double max() {
            return max;
        }

        public String unit() {
            return unit;
        }

        /** Whether a value (NaN-safe) lies within the range. */
        public boolean allows(double v) {
            return v >= min && v <= max;
        }
    }

    public CalibrationOverrides {
        check(Limit.GAIN, gainDb);
        check(Limit.SA_CORRECTION, saCorrectionDb);
        check(Limit.EQUIVALENT_BEAM_ANGLE, equivalentBeamAngleDb);
        check(Limit.SOUND_SPEED, soundSpeedMPerS);
        check(Limit.ABSORPTION, absorptionDbPerM);
    }

    /**
     * The overrides an Echoview {@code .ecs} file gives a channel: its {@code SourceCal} section (matched
     * by the section's Frequency when it has one, else by transducer number = channel number) over the
     * file's {@code FileSet} defaults.
     */
    public static CalibrationOverrides fromEcs(pe.cardumen.io.sonar.EcsCalibrationReader.EcsFile ecs, int channelNumber, double frequencyHz) {
        java.util.Map<String, Double> v = new java.util.HashMap<>(ecs.fileSet().values());
        pe.cardumen.io.sonar.EcsCalibrationReader.Section match = null;
        for (var s : ecs.sources()) {
            Double khz = s.values().get("frequency_khz");
            if (khz != null ? Math.abs(khz * 1000 - frequencyHz) < 500 : s.transducer() == channelNumber) {
                match = s;
                break;
            }
        }
        if (match != null) {
            v.putAll(match.values());
        }
        return new CalibrationOverrides(v.get("gain_db"), v.get("sa_correction_db"), v.get("eba_db"), v.get("sound_speed"), v.get("absorption"));
    }

    /** Whether nothing is overridden. */
    /**
     * The overrides per channel: an Echoview {@code .ecs} file's values for each channel (when {@code ecs}
     * is given), replaced by any of {@code explicit} that are set.
     */
    public static java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, CalibrationOverrides> perChannel(java.nio.file.Path ecs,
            CalibrationOverrides explicit) throws java.io.IOException, pe.cardumen.io.FileFormatException {
        if (ecs == null) {
            return c -> explicit;
        }
        pe.cardumen.io.sonar.EcsCalibrationReader.EcsFile file = new pe.cardumen.io.sonar.EcsCalibrationReader().read(ecs);
        return c -> {
            CalibrationOverrides e = fromEcs(file, c.number(), c.frequencyHz());
            return new CalibrationOverrides(pick(explicit.gainDb(), e.gainDb()), pick(explicit.saCorrectionDb(), e.saCorrectionDb()),
                    pick(explicit.equivalentBeamAngleDb(), e.equivalentBeamAngleDb()), pick(explicit.soundSpeedMPerS(), e.soundSpeedMPerS()),
                    pick(explicit.absorptionDbPerM(), e.absorptionDbPerM()));
        };
    }

    private static Double pick(Double a, Double b) {
        return a != null ? a : b;
    }

    public boolean isEmpty() {
        return gainDb == null && saCorrectionDb == null && equivalentBeamAngleDb == null && soundSpeedMPerS == null && absorptionDbPerM == null;
    }

    private static void check(Limit limit, Double v) {
        if (v != null && !limit.allows(v)) {
            throw new IllegalArgumentException(limit.label + " " + v + " " + limit.unit + " is outside " + limit.min + "…" + limit.max + " " + limit.unit
                    + ", the range the instruments can have; check the value and its unit (" + limit.unit + ")");
        }
    }
}
