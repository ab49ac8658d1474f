package pe.cardumen.ui.sonar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.CalibrationParameters;
import pe.cardumen.io.sonar.EcsCalibrationReader;

/** The calibration form's logic, without a toolkit. */
class CalibrationFormTest {
    private static final CalibrationParameters FILE = new CalibrationParameters(38000, 22.88, -0.61, -20.77, 1445.8, 0.009515318, 2000, 0.001024,
            0.000256, 9.15);

    @Test
    void showsTheFilesValuesAsHintsAndKeepsThemForEmptyFields() {
        CalibrationForm form = new CalibrationForm(FILE, CalibrationOverrides.NONE);
        assertThat(form.hint(CalibrationForm.GAIN)).isEqualTo("22.8800");
        assertThat(form.hint(CalibrationForm.ABSORPTION)).isEqualTo("0.0095153");
        assertThat(form.text(CalibrationForm.GAIN)).isEmpty();
        assertThat(form.overrides().isEmpty()).isTrue();
        form.setText(CalibrationForm.GAIN, " 23,5 ");
        form.setText(CalibrationForm.SOUND_SPEED, "1500");
        CalibrationOverrides o = form.overrides();
        assertThat(o.gainDb()).isEqualTo(23.5);
        assertThat(o.soundSpeedMPerS()).isEqualTo(1500.0);
        assertThat(o.saCorrectionDb()).isNull();
    }

    @Test
    void spanishWindowShowsSpanishDecimalsThatReadBack() {
        pe.cardumen.ui.Formats.use(java.util.Locale.forLanguageTag("es-PE"));
        try {
            CalibrationForm form = new CalibrationForm(FILE, new CalibrationOverrides(null, null, null, 1480.5, null));
            assertThat(form.hint(CalibrationForm.GAIN)).isEqualTo("22,8800");
            assertThat(form.hint(CalibrationForm.SOUND_SPEED)).isEqualTo("1445,8000");
            assertThat(form.text(CalibrationForm.SOUND_SPEED)).isEqualTo("1480,5000");
            assertThat(form.overrides().soundSpeedMPerS()).isEqualTo(1480.5);
        } finally {
            pe.cardumen.ui.Formats.use(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void rejectsNonNumbersAndImplausibleUnitsNamingTheField() {
        CalibrationForm form = new CalibrationForm(FILE, CalibrationOverrides.NONE);
        form.setText(CalibrationForm.EBA, "wide");
        assertThatThrownBy(form::overrides).hasMessageContaining("Equivalent beam angle (dB): \"wide\" is not a number");
        form.setText(CalibrationForm.EBA, "");
        form.setText(CalibrationForm.ABSORPTION, "9.5");
        assertThatThrownBy(form::overrides).hasMessageContaining("Absorption (dB/m): 9.5 is outside 0 … 0.3 dB/m");
    }

    /** An Sa correction of 1e9 dB was accepted and blanked the echogram: values no instrument can have are refused, with the reason, in the window's language. */
    @Test
    void refusesImplausibleGainAndSaCorrectionWithTheReason() {
        CalibrationForm form = new CalibrationForm(FILE, CalibrationOverrides.NONE);
        form.setText(CalibrationForm.SA, "1e9");
        assertThatThrownBy(form::overrides).hasMessageContaining("Sa correction (dB): 1e9 is outside -3 … 3 dB")
                .hasMessageContaining("fraction of a decibel");
        form.setText(CalibrationForm.SA, "-0.7");
        form.setText(CalibrationForm.GAIN, "250");
        assertThatThrownBy(form::overrides).hasMessageContaining("Transducer gain (dB): 250 is outside 10 … 40 dB");
        form.setText(CalibrationForm.GAIN, "NaN");
        assertThatThrownBy(form::overrides).hasMessageContaining("Transducer gain (dB): NaN is outside");
        form.setText(CalibrationForm.GAIN, "24.1");
        assertThat(form.overrides().saCorrectionDb()).isEqualTo(-0.7);
        CalibrationForm es = new CalibrationForm(FILE, CalibrationOverrides.NONE, new pe.cardumen.ui.WindowTexts(java.util.Locale.forLanguageTag("es-PE")));
        es.setText(CalibrationForm.SA, "1e9");
        assertThatThrownBy(es::overrides).hasMessageContaining("Corrección Sa (dB): 1e9 está fuera de -3 … 3 dB").hasMessageContaining("fracción de decibelio");
        // and the domain refuses it too, whoever builds the overrides
        assertThatThrownBy(() -> new CalibrationOverrides(null, 1e9, null, null, null)).hasMessageContaining("Sa correction 1.0E9 dB is outside");
    }

    @Test
    void fillsFromAnEchoviewFileForTheChannel() throws Exception {
        CalibrationForm form = new CalibrationForm(FILE, new CalibrationOverrides(null, null, null, null, 0.01));
        form.fillFrom(new EcsCalibrationReader().read(Path.of("src/test/resources/fixtures/acoustic/dy1201-recal.ecs")), 2, 38000);
        CalibrationOverrides o = form.overrides();
        assertThat(o.gainDb()).isEqualTo(23.88);
        assertThat(o.saCorrectionDb()).isEqualTo(-0.61);
        assertThat(o.soundSpeedMPerS()).isEqualTo(1480.0);
        assertThat(o.absorptionDbPerM()).isEqualTo(0.0095153);
    }
}
