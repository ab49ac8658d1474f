package pe.cardumen.domain;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as a language writes them, the same in the app and on paper: Spanish groups thousands with
 * a point and separates decimals with a comma ({@code 4.200.000}, {@code 0,35}) whatever the country
 * (Java's {@code es-PE} data would print {@code 4,200,000.00}), English the other way round
 * ({@code 4,200,000}, {@code 0.35}). Immutable and thread-safe.
 */
public final class LanguageNumbers {
    /** English conventions. */
    public static final LanguageNumbers ENGLISH = new LanguageNumbers(DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    /** Spanish conventions. */
    public static final LanguageNumbers SPANISH = new LanguageNumbers(DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es")));

    private final DecimalFormatSymbols symbols;

    private LanguageNumbers(DecimalFormatSymbols symbols) {
        this.symbols = symbols;
    }

    /** The conventions of a language: Spanish for {@code es-*}, else English. */
    public static LanguageNumbers of(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? SPANISH : ENGLISH;
    }

    /** The decimal separator. */
    public char decimalSeparator() {
        return symbols.getDecimalSeparator();
    }

    /** A number with thousands grouped and {@code decimals} decimals; "—" for NaN. */
    public String number(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        // halves of the number as written round away from zero, as printf did (0.2345 → 0.235, not the binary 0.23449…)
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return Double.isInfinite(v) ? f.format(v) : f.format(java.math.BigDecimal.valueOf(v));
    }

    /**
     * A number for a field the user edits: {@code decimals} decimals, the language's decimal separator,
     * no thousands grouping (so that "1445,8000" reads back whether the user types a point or a comma).
     */
    public String plain(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), symbols);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return Double.isInfinite(v) ? f.format(v) : f.format(java.math.BigDecimal.valueOf(v));
    }

    /** A small number with {@code digits} significant digits ({@code 0,0034}); "—" for NaN. */
    public String significant(double v, int digits) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(digits)).stripTrailingZeros();
        return number(d.doubleValue(), Math.max(0, d.scale()));
    }

    /** Tonnes, whole. */
    public String tonnes(double t) {
        return number(t, 0);
    }

    /** A fraction (0.1) as a percentage with {@code decimals} decimals, without the sign ("10"). */
    public String percent(double fraction, int decimals) {
        return number(100 * fraction, decimals);
    }

    /**
     * Reads a number typed in the language's convention (or with a point for the decimals), thousands
     * separators ignored when unambiguous.
     *
     * @throws NumberFormatException when the text is not a number
     */
    public double parse(String text) {
        String t = text.strip().replace(" ", "").replace("\u00a0", "");
        if (t.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        if (symbols.getDecimalSeparator() == ',') {
            // "4.200.000" and "0,35": points group, the comma is the decimal; a lone point is a decimal ("0.35")
            if (t.indexOf(',') >= 0 || t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
                t = t.replace(".", "").replace(',', '.');
            }
        } else {
            t = t.replace(",", "");
        }
        return Double.parseDouble(t);
    }
}
