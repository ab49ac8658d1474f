package pe.cardumen.domain;

/**
 * The code of an IMARPE área isoparalitoral (AIP), {@code DDLLP} (DOMAIN.md §2).
 *
 * <ul>
 *   <li>{@code DD} — distance class 1…30: the cell lies {@code (DD−1)·10} to {@code DD·10} nautical
 *       miles from the coast; written with one digit when below 10 ({@code 1030});</li>
 *   <li>{@code LL} — whole degrees of south latitude, 3…18;</li>
 *   <li>{@code P} — 0 for the half-degree band LL°00′–LL°30′S, 3 for LL°30′–(LL+1)°00′S.</li>
 * </ul>
 * Examples: {@code 1030} is 0–10 nmi, 3°00′–3°30′S; {@code 30073} is 290–300 nmi, 7°30′–8°00′S.
 *
 * @param distanceClass 1…99, the outer edge of the distance band in tens of nautical miles
 * @param degreesSouth  whole degrees south of the band's northern edge, 0…89
 * @param southernHalf  {@code true} for the LL°30′–(LL+1)°00′ half ({@code P = 3})
 */
public record ZoneCode(int distanceClass, int degreesSouth, boolean southernHalf) implements Comparable<ZoneCode> {

    /** Width of one distance band, nautical miles. */
    public static final double DISTANCE_BAND_NMI = 10.0;
    /** Height of one latitude band, degrees (30′). */
    public static final double LATITUDE_BAND_DEGREES = 0.5;

    public ZoneCode {
        if (distanceClass < 1 || distanceClass > 99) {
            throw new IllegalArgumentException("distance class must be 1..99, was " + distanceClass);
        }
        if (degreesSouth < 0 || degreesSouth > 89) {
            throw new IllegalArgumentException("degrees south must be 0..89, was " + degreesSouth);
        }
    }

    /**
     * Parses a code such as {@code 1030}, {@code 20153} or {@code 30073}.
     *
     * @throws IllegalArgumentException if the text is not 4 or 5 digits ending in 0 or 3 with a valid
     *                                  distance class
     */
    public static ZoneCode parse(String text) {
        String t = text.trim();
        if (!t.matches("\\d{4,5}")) {
            throw new IllegalArgumentException("AIP code '" + text + "' is not 4 or 5 digits (DDLLP)");
        }
        char p = t.charAt(t.length() - 1);
        if (p != '0' && p != '3') {
            throw new IllegalArgumentException("AIP code '" + text + "' must end in 0 or 3 (the half-degree)");
        }
        int ll = Integer.parseInt(t.substring(t.length() - 3, t.length() - 1));
        int dd = Integer.parseInt(t.substring(0, t.length() - 3));
        try {
            return new ZoneCode(dd, ll, p == '3');
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AIP code '" + text + "': " + e.getMessage(), e);
        }
    }

    /** Whether {@code text} is a well-formed code. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The code of the cell whose latitude band contains {@code northEdgeLatitude} just south of it.
     *
     * @param distanceClass     1…99
     * @param northEdgeDegrees  northern edge of the half-degree band, degrees (negative south), a
     *                          multiple of 0.5
     */
    public static ZoneCode of(int distanceClass, double northEdgeDegrees) {
        double south = -northEdgeDegrees;
        int whole = (int) Math.floor(south + 1e-9);
        boolean half = south - whole > 0.25;
        return new ZoneCode(distanceClass, whole, half);
    }

    /** Northern edge of the latitude band, degrees (negative south). */
    public double latitudeNorthDegrees() {
        return -(degreesSouth + (southernHalf ? 0.5 : 0.0));
    }

    /** Southern edge of the latitude band, degrees (negative south). */
    public double latitudeSouthDegrees() {
        return latitudeNorthDegrees() - LATITUDE_BAND_DEGREES;
    }

    /** Inner edge of the distance band, nautical miles from the coast. */
    public double distanceMinNmi() {
        return (distanceClass - 1) * DISTANCE_BAND_NMI;
    }

    /** Outer edge of the distance band, nautical miles from the coast. */
    public double distanceMaxNmi() {
        return distanceClass * DISTANCE_BAND_NMI;
    }

    /** The code as IMARPE writes it, e.g. {@code 1030} or {@code 30073}. */
    @Override
    public String toString() {
        return distanceClass + String.format("%02d", degreesSouth) + (southernHalf ? "3" : "0");
    }

    /** Orders north to south, then coast to offshore. */
    @Override
    public int compareTo(ZoneCode o) {
        int c = Integer.compare(degreesSouth * 2 + (southernHalf ? 1 : 0), o.degreesSouth * 2 + (o.southernHalf ? 1 : 0));
        return c != 0 ? c : Integer.compare(distanceClass, o.distanceClass);
    }
}
