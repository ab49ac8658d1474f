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

    public CalibrationOverrides {
        check("sound speed", soundSpeedMPerS, 1300, 1800, "m/s");
        check("absorption", absorptionDbPerM, 0, 1, "dB/m");
        check("equivalent beam angle", equivalentBeamAngleDb, -40, 0, "dB");
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
    public boolean isEmpty() {
        return gainDb == null && saCorrectionDb == null && equivalentBeamAngleDb == null && soundSpeedMPerS == null && absorptionDbPerM == null;
    }

    private static void check(String name, Double v, double min, double max, String unit) {
        if (v != null && !(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " " + v + " " + unit + " is outside " + min + "…" + max + " " + unit
                    + "; check the units (" + unit + ")");
        }
    }
}
