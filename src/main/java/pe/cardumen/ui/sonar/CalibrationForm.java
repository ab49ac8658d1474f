package pe.cardumen.ui.sonar;

import java.util.Locale;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.CalibrationParameters;
import pe.cardumen.io.sonar.EcsCalibrationReader;

/**
 * The state of the calibration form, without any Node: the five fields as text, the file's values
 * shown as hints, parsing into {@link CalibrationOverrides} (an empty field keeps the file's value) and
 * filling from an Echoview .ecs file.
 */
public final class CalibrationForm {
    /** The fields in display order: gain, Sa correction, ψ, c, α. */
    public static final int GAIN = 0;
    public static final int SA = 1;
    public static final int EBA = 2;
    public static final int SOUND_SPEED = 3;
    public static final int ABSORPTION = 4;
    private static final String[] KEYS = {"calibration.gain", "calibration.sa", "calibration.eba", "calibration.soundSpeed", "calibration.absorption"};
    private static final CalibrationOverrides.Limit[] LIMITS = CalibrationOverrides.Limit.values();

    private final String[] text = new String[5];
    private final String[] hints = new String[5];
    private final java.util.ResourceBundle texts;

    /** The form in English (tests, the command line's wording). */
    public CalibrationForm(CalibrationParameters file, CalibrationOverrides current) {
        this(file, current, java.util.ResourceBundle.getBundle("pe.cardumen.ui.messages", Locale.ROOT));
    }

    /**
     * @param file    the channel's own calibration (hints); may be {@code null}
     * @param current the overrides in force (pre-filled)
     * @param texts   the window's texts, for the labels and the reasons a value is refused
     */
    public CalibrationForm(CalibrationParameters file, CalibrationOverrides current, java.util.ResourceBundle texts) {
        this.texts = texts;
        double[] values = file == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {file.gainDb(), file.saCorrectionDb(), file.equivalentBeamAngleDb(), file.soundSpeedMPerS(), file.absorptionDbPerM()};
        Double[] set = {current.gainDb(), current.saCorrectionDb(), current.equivalentBeamAngleDb(), current.soundSpeedMPerS(), current.absorptionDbPerM()};
        for (int i = 0; i < 5; i++) {
            hints[i] = Double.isNaN(values[i]) ? "" : format(values[i], i);
            text[i] = set[i] == null ? "" : format(set[i], i);
        }
    }

    private static String format(double v, int field) {
        return pe.cardumen.ui.Formats.plain(v, field == ABSORPTION ? 7 : 4);
    }

    public String text(int field) {
        return text[field];
    }

    public void setText(int field, String value) {
        text[field] = value == null ? "" : value.trim();
    }

    /** The file's value of a field, shown as the field's hint. */
    public String hint(int field) {
        return hints[field];
    }

    /** The field's label, with its unit. */
    public String name(int field) {
        return texts.getString(KEYS[field]);
    }

    /**
     * The overrides the fields say.
     *
     * @throws IllegalArgumentException naming the field when a value is not a number or out of range
     */
    public CalibrationOverrides overrides() {
        Double[] v = new Double[5];
        for (int i = 0; i < 5; i++) {
            if (!text[i].isEmpty()) {
                try {
                    v[i] = Double.parseDouble(text[i].replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(java.text.MessageFormat.format(texts.getString("calibration.notNumber"), name(i), text[i]));
                }
                CalibrationOverrides.Limit limit = LIMITS[i];
                if (!limit.allows(v[i])) {
                    // an Sa correction of 1e9 dB blanked the echogram: a value no instrument can have is refused, with the reason
                    throw new IllegalArgumentException(java.text.MessageFormat.format(texts.getString("calibration.outOfRange"), name(i), text[i],
                            pe.cardumen.ui.Formats.significant(limit.min(), 4), pe.cardumen.ui.Formats.significant(limit.max(), 4), limit.unit(),
                            texts.getString(KEYS[i] + ".why")));
                }
            }
        }
        return new CalibrationOverrides(v[GAIN], v[SA], v[EBA], v[SOUND_SPEED], v[ABSORPTION]);
    }

    /** Fills the fields from an .ecs file's values for the channel (fields the file does not set keep theirs). */
    public void fillFrom(EcsCalibrationReader.EcsFile ecs, int channelNumber, double frequencyHz) {
        CalibrationOverrides o = CalibrationOverrides.fromEcs(ecs, channelNumber, frequencyHz);
        Double[] v = {o.gainDb(), o.saCorrectionDb(), o.equivalentBeamAngleDb(), o.soundSpeedMPerS(), o.absorptionDbPerM()};
        for (int i = 0; i < 5; i++) {
            if (v[i] != null) {
                text[i] = format(v[i], i);
            }
        }
    }
}
