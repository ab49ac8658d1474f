package pe.cardumen.report;

import java.util.Locale;

/** Formats positions as degrees and decimal minutes, the way charts and GPS units show them. */
public final class LatLon {
    private LatLon() {
    }

    /** e.g. {@code 12°03.00′S 77°10.20′W}. */
    public static String format(double lat, double lon) {
        return latitude(lat) + " " + longitude(lon);
    }

    /** As {@link #format(double, double)} with the language's decimal separator, e.g. {@code 12°03,00′S 77°10,20′W}. */
    public static String format(double lat, double lon, char decimalSeparator) {
        return latitude(lat, decimalSeparator) + " " + longitude(lon, decimalSeparator);
    }

    /** A latitude with the language's decimal separator in the minutes. */
    public static String latitude(double degrees, char decimalSeparator) {
        return latitude(degrees).replace('.', decimalSeparator);
    }

    /** A longitude with the language's decimal separator in the minutes. */
    public static String longitude(double degrees, char decimalSeparator) {
        return longitude(degrees).replace('.', decimalSeparator);
    }

    /** e.g. {@code 3°30.00′S}. */
    public static String latitude(double degrees) {
        return part(degrees, degrees < 0 ? 'S' : 'N');
    }

    /** e.g. {@code 80°18.00′W}. */
    public static String longitude(double degrees) {
        return part(degrees, degrees < 0 ? 'W' : 'E');
    }

    private static String part(double v, char hemisphere) {
        double a = Math.abs(v);
        int d = (int) Math.floor(a);
        double m = (a - d) * 60;
        if (m >= 59.995) {
            d++;
            m = 0;
        }
        return String.format(Locale.ROOT, "%d°%05.2f′%c", d, m, hemisphere);
    }
}
