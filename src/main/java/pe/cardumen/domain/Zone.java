package pe.cardumen.domain;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One spatial unit of the assessment: a generated AIP cell or a polygon from an official layer.
 *
 * @param code            the zone's code; for AIP cells the {@code DDLLP} code
 * @param stock           the stock the zone's centroid belongs to
 * @param latMinDegrees   southern-most latitude of the zone's band, degrees (negative south)
 * @param latMaxDegrees   northern-most latitude of the zone's band, degrees
 * @param distMinNmi      inner edge of the distance band, nautical miles; NaN when unknown
 *                        (an imported zone whose code is not an AIP code)
 * @param distMaxNmi      outer edge of the distance band, nautical miles; NaN when unknown
 * @param areaNmi2        geodesic area on the WGS 84 ellipsoid, square nautical miles
 * @param centroidLon     longitude of the area centroid, degrees east
 * @param centroidLat     latitude of the area centroid, degrees north
 * @param geometry        polygon or multipolygon in WGS 84 longitude/latitude degrees; never mutated
 */
public record Zone(
        String code,
        Stock stock,
        double latMinDegrees,
        double latMaxDegrees,
        double distMinNmi,
        double distMaxNmi,
        double areaNmi2,
        double centroidLon,
        double centroidLat,
        Geometry geometry) {

    public Zone {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(geometry, "geometry");
        if (code.isBlank()) {
            throw new IllegalArgumentException("zone code is blank");
        }
        if (!(latMinDegrees <= latMaxDegrees)) {
            throw new IllegalArgumentException("zone " + code + ": lat_min " + latMinDegrees + " > lat_max " + latMaxDegrees);
        }
        if (!(areaNmi2 >= 0)) {
            throw new IllegalArgumentException("zone " + code + ": area must be >= 0 nmi², was " + areaNmi2);
        }
    }

    /** The parsed AIP code, when {@link #code()} is one. */
    public Optional<ZoneCode> aipCode() {
        return ZoneCode.isValid(code) ? Optional.of(ZoneCode.parse(code)) : Optional.empty();
    }

    /** Whether the distance band is known (always for generated AIP cells). */
    public boolean hasDistanceBand() {
        return !Double.isNaN(distMinNmi) && !Double.isNaN(distMaxNmi);
    }
}
