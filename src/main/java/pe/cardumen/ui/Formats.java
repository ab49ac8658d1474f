package pe.cardumen.ui;

import java.util.Locale;
import pe.cardumen.domain.LanguageNumbers;

/**
 * The window's number conventions ({@link LanguageNumbers} of its language), one format everywhere in
 * the app. Set on the JavaFX thread when the language is chosen; read on any thread.
 */
public final class Formats {
    private static volatile LanguageNumbers numbers = LanguageNumbers.ENGLISH;

    private Formats() {
    }

    /** Uses the number conventions of a language. */
    public static void use(Locale locale) {
        numbers = LanguageNumbers.of(locale);
    }

    /** The decimal separator of the window's language. */
    public static char decimalSeparator() {
        return numbers.decimalSeparator();
    }

    /** The window's number conventions. */
    public static LanguageNumbers numbers() {
        return numbers;
    }

    /** A number with thousands grouped and {@code decimals} decimals. */
    public static String number(double v, int decimals) {
        return numbers.number(v, decimals);
    }

    /** A number for an editable field: no grouping, the language's decimal separator. */
    public static String plain(double v, int decimals) {
        return numbers.plain(v, decimals);
    }

    /** A small number with {@code digits} significant digits. */
    public static String significant(double v, int digits) {
        return numbers.significant(v, digits);
    }

    /** Tonnes, whole. */
    public static String tonnes(double t) {
        return numbers.tonnes(t);
    }

    /** A fraction as a percentage, without the sign. */
    public static String percent(double fraction, int decimals) {
        return numbers.percent(fraction, decimals);
    }

    /**
     * Makes a chart axis label its ticks in the window's number format (JavaFX's default follows the
     * operating system's locale, so a Spanish window on an English system showed 4,000,000): as many
     * decimals as each tick value needs.
     */
    public static void axis(javafx.scene.chart.NumberAxis axis) {
        axis.setTickLabelFormatter(tickFormatter());
    }

    /** The tick-label converter of {@link #axis}. */
    static javafx.util.StringConverter<Number> tickFormatter() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return number(n.doubleValue(), tickDecimals(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return parse(s);
            }
        };
    }

    /**
     * The decimals a tick value needs (0 to 6), from the value alone: the axis measures its labels while
     * it chooses the tick unit, so a formatter that read the unit would measure with the previous one
     * (labels then overlap the axis title after the range shrinks).
     */
    static int tickDecimals(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        int scale = java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros().scale();
        return Math.max(0, Math.min(6, scale));
    }

    /** Reads a number typed in the window's language. */
    public static double parse(String text) {
        return numbers.parse(text);
    }
}
