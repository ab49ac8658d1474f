package pe.cardumen.io.sonar;

import java.util.Locale;
import java.util.Optional;

/**
 * Positions from NMEA 0183 sentences (GGA, GLL, RMC; any talker id) and speed over ground (VTG, RMC). A sentence with a checksum must
 * match it; sentences without one (older sounders log GGA without) are accepted. Invalid fixes (GGA
 * quality 0, GLL/RMC status V) and malformed fields give no position.
 */
public final class Nmea {
    private Nmea() {
    }

    /** A position fix, degrees (negative south and west). */
    public record Fix(double latDegrees, double lonDegrees) {
    }

    /** Why a sentence gave no position, or the position. */
    public static Optional<Fix> position(String sentence) {
        String s = sentence.trim();
        if (s.length() < 7 || (s.charAt(0) != '$' && s.charAt(0) != '!')) {
            return Optional.empty();
        }
        int star = s.indexOf('*');
        if (star >= 0) {
            if (!checksumMatches(s, star)) {
                return Optional.empty();
            }
            s = s.substring(0, star);
        }
        String[] f = s.split(",", -1);
        String kind = f[0].length() >= 6 ? f[0].substring(3, 6).toUpperCase(Locale.ROOT) : "";
        try {
            switch (kind) {
                case "GGA":
                    if (f.length < 7 || f[6].isEmpty() || f[6].equals("0")) {
                        return Optional.empty();
                    }
                    return fix(f[2], f[3], f[4], f[5]);
                case "GLL":
                    if (f.length > 6 && f[6].equalsIgnoreCase("V")) {
                        return Optional.empty();
                    }
                    return f.length < 5 ? Optional.empty() : fix(f[1], f[2], f[3], f[4]);
                case "RMC":
                    if (f.length < 7 || !f[2].equalsIgnoreCase("A")) {
                        return Optional.empty();
                    }
                    return fix(f[3], f[4], f[5], f[6]);
                default:
                    return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Speed over ground from a VTG sentence (its knots field, else its km/h field converted) or an RMC
     * sentence with status A, knots; empty for other sentences, a bad checksum, a VTG whose mode is N
     * (not valid) or empty fields.
     */
    public static java.util.OptionalDouble speedKnots(String sentence) {
        String s = sentence.trim();
        if (s.length() < 7 || s.charAt(0) != '$') {
            return java.util.OptionalDouble.empty();
        }
        int star = s.indexOf('*');
        if (star >= 0) {
            if (!checksumMatches(s, star)) {
                return java.util.OptionalDouble.empty();
            }
            s = s.substring(0, star);
        }
        String[] f = s.split(",", -1);
        String kind = f[0].length() >= 6 ? f[0].substring(3, 6).toUpperCase(Locale.ROOT) : "";
        try {
            if (kind.equals("VTG")) {
                if (f.length > 9 && f[9].equalsIgnoreCase("N")) {
                    return java.util.OptionalDouble.empty();
                }
                if (f.length > 5 && !f[5].isEmpty()) {
                    return nonNegative(Double.parseDouble(f[5]));
                }
                if (f.length > 7 && !f[7].isEmpty()) {
                    return nonNegative(Double.parseDouble(f[7]) / KM_PER_NMI);
                }
            } else if (kind.equals("RMC") && f.length > 7 && f[2].equalsIgnoreCase("A") && !f[7].isEmpty()) {
                return nonNegative(Double.parseDouble(f[7]));
            }
        } catch (NumberFormatException e) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.empty();
    }

    /** Kilometres per nautical mile (1 kn = 1.852 km/h). */
    private static final double KM_PER_NMI = 1.852;

    private static java.util.OptionalDouble nonNegative(double v) {
        return v >= 0 && Double.isFinite(v) ? java.util.OptionalDouble.of(v) : java.util.OptionalDouble.empty();
    }

    /** Whether the text is a sentence type that carries positions (GGA, GLL, RMC). */
    public static boolean isPositionSentence(String sentence) {
        String s = sentence.trim();
        if (s.length() < 6) {
            return false;
        }
        String kind = s.substring(3, 6).toUpperCase(Locale.ROOT);
        return kind.equals("GGA") || kind.equals("GLL") || kind.equals("RMC");
    }

    private static boolean checksumMatches(String s, int star) {
        if (star + 3 > s.length()) {
            return false;
        }
        int sum = 0;
        for (int i = 1; i < star; i++) {
            sum ^= s.charAt(i);
        }
        try {
            return Integer.parseInt(s.substring(star + 1, star + 3), 16) == sum;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Fix> fix(String lat, String ns, String lon, String ew) {
        if (lat.length() < 4 || lon.length() < 5) {
            return Optional.empty();
        }
        double la = Integer.parseInt(lat.substring(0, 2)) + Double.parseDouble(lat.substring(2)) / 60;
        double lo = Integer.parseInt(lon.substring(0, 3)) + Double.parseDouble(lon.substring(3)) / 60;
        if (ns.equalsIgnoreCase("S")) {
            la = -la;
        } else if (!ns.equalsIgnoreCase("N")) {
            return Optional.empty();
        }
        if (ew.equalsIgnoreCase("W")) {
            lo = -lo;
        } else if (!ew.equalsIgnoreCase("E")) {
            return Optional.empty();
        }
        if (!(Math.abs(la) <= 90 && Math.abs(lo) <= 180)) {
            return Optional.empty();
        }
        return Optional.of(new Fix(la, lo));
    }
}
