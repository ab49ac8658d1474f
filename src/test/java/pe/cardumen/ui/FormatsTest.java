package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One number format per language: Spanish 4.200.000 and 0,35; English 4,200,000 and 0.35; both read back. */
class FormatsTest {
    @AfterEach
    void english() {
        Formats.use(Locale.ENGLISH);
    }

    @Test
    void spanishGroupsWithPointsAndDecimalsWithACommaWhateverTheCountry() {
        Formats.use(Locale.forLanguageTag("es-PE"));
        assertThat(Formats.tonnes(4_200_000)).isEqualTo("4.200.000");
        assertThat(Formats.number(0.35, 2)).isEqualTo("0,35");
        assertThat(Formats.percent(0.1, 0)).isEqualTo("10");
        assertThat(Formats.parse("4.200.000")).isEqualTo(4_200_000);
        assertThat(Formats.parse("0,35")).isEqualTo(0.35);
        assertThat(Formats.parse("0.35")).isEqualTo(0.35);
        assertThat(Formats.parse("1.234,5")).isEqualTo(1234.5);
        assertThatThrownBy(() -> Formats.parse("abc")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void englishTheOtherWayRound() {
        Formats.use(Locale.ENGLISH);
        assertThat(Formats.tonnes(4_200_000)).isEqualTo("4,200,000");
        assertThat(Formats.number(0.35, 2)).isEqualTo("0.35");
        assertThat(Formats.parse("4,200,000")).isEqualTo(4_200_000);
        assertThat(Formats.parse("0.35")).isEqualTo(0.35);
        assertThat(Formats.number(Double.NaN, 2)).isEqualTo("—");
    }

    @Test
    void positionsUseTheLanguagesDecimalSeparatorInTheMinutes() {
        Formats.use(Locale.forLanguageTag("es-PE"));
        assertThat(pe.cardumen.report.LatLon.format(-12.0505, -77.17, Formats.decimalSeparator())).isEqualTo("12°03,03′S 77°10,20′W");
        Formats.use(Locale.ENGLISH);
        assertThat(pe.cardumen.report.LatLon.latitude(-3.5, Formats.decimalSeparator())).isEqualTo("3°30.00′S");
    }

    @Test
    void axisTicksCarryTheDecimalsOfTheirOwnValueSoLabelsAreMeasuredAsDrawn() {
        assertThat(Formats.tickDecimals(600)).isZero();
        assertThat(Formats.tickDecimals(2.5)).isEqualTo(1);
        assertThat(Formats.tickDecimals(0.1 + 0.2)).isEqualTo(1);
        assertThat(Formats.tickDecimals(0.025)).isEqualTo(3);
        assertThat(Formats.tickDecimals(-1e-9)).isZero();
        assertThat(Formats.tickDecimals(Double.NaN)).isZero();
        Formats.use(Locale.forLanguageTag("es-PE"));
        javafx.util.StringConverter<Number> ticks = Formats.tickFormatter();
        assertThat(ticks.toString(2.5)).isEqualTo("2,5");
        assertThat(ticks.toString(4_000_000)).isEqualTo("4.000.000");
        assertThat(ticks.fromString("2,5")).isEqualTo(2.5);
    }
}
