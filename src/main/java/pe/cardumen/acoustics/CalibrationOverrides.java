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

    private static void check(String name, Double v, double min, double max, String unit) {
        if (v != null && !(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " " + v + " " + unit + " is outside " + min + "…" + max + " " + unit
                    + "; check the units (" + unit + ")");
        }
    }
}
