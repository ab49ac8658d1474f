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

    /** Reads a number typed in the window's language. */
    public static double parse(String text) {
        return numbers.parse(text);
    }
}
