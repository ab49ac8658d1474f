package pe.cardumen.domain;

import java.util.Locale;

/**
 * The two Peruvian anchoveta stocks as IMARPE assesses them (DOMAIN.md §1).
 *
 * <p>The boundary between them, 16°00′S, is part of the stock definition, not a tunable
 * parameter: {@link #NORTH_CENTRE} runs from the northern border to 16°S, {@link #SOUTH} from 16°S
 * to the Chilean border.
 */
public enum Stock {
    /** North–centre stock, northern border to 16°00′S. */
    NORTH_CENTRE("north-centre"),
    /** Southern stock, 16°00′S to the Chilean border. */
    SOUTH("south");

    /** Latitude of the boundary between the stocks, degrees (negative = south). */
    public static final double BOUNDARY_LATITUDE_DEGREES = -16.0;

    private final String id;

    Stock(String id) {
        this.id = id;
    }

    /** The identifier used in files and on the command line: {@code north-centre} or {@code south}. */
    public String id() {
        return id;
    }

    /**
     * The stock a point at the given latitude belongs to.
     *
     * @param latitudeDegrees latitude in degrees, negative south; must be finite
     */
    public static Stock atLatitude(double latitudeDegrees) {
        if (!Double.isFinite(latitudeDegrees)) {
            throw new IllegalArgumentException("latitude is not finite: " + latitudeDegrees);
        }
        return latitudeDegrees >= BOUNDARY_LATITUDE_DEGREES ? NORTH_CENTRE : SOUTH;
    }

    /**
     * Parses a stock identifier ({@code north-centre}, {@code south}; case-insensitive, {@code _}
     * accepted for {@code -}).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Stock parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Stock s : values()) {
            if (s.id.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stock '" + text + "': expected north-centre or south");
    }
}
