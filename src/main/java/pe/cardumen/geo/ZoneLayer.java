package pe.cardumen.geo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import pe.cardumen.domain.Zone;

/**
 * An immutable set of zones with unique codes and a spatial index for point look-ups.
 *
 * <p>Thread-safe once built.
 */
public final class ZoneLayer {
    private final String source;
    private final List<Zone> zones;
    private final Map<String, Zone> byCode;
    private final STRtree index = new STRtree();
    private final GeometryFactory factory = new GeometryFactory();

    /**
     * @param source  where the zones come from, for display and provenance: {@code "generated AIP grid"}
     *                or an imported file's name
     * @param zones   zones with unique codes
     * @throws IllegalArgumentException when two zones share a code
     */
    public ZoneLayer(String source, List<Zone> zones) {
        this.source = source;
        this.zones = List.copyOf(zones);
        Map<String, Zone> map = new LinkedHashMap<>();
        for (Zone z : this.zones) {
            if (map.put(z.code(), z) != null) {
                throw new IllegalArgumentException("duplicate zone code " + z.code());
            }
            index.insert(z.geometry().getEnvelopeInternal(), new Indexed(z, PreparedGeometryFactory.prepare(z.geometry())));
        }
        this.byCode = Collections.unmodifiableMap(map);
        index.build();
    }

    private record Indexed(Zone zone, PreparedGeometry prepared) {
    }

    /** Where the zones come from. */
    public String source() {
        return source;
    }

    /** The zones, north to south and coast to offshore for a generated grid; file order for an import. */
    public List<Zone> zones() {
        return zones;
    }

    /** Number of zones. */
    public int size() {
        return zones.size();
    }

    /** The zone with that code. */
    public Optional<Zone> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim()));
    }

    /**
     * The zone containing the point, if any.
     *
     * @param lon longitude, degrees east
     * @param lat latitude, degrees north
     */
    public Optional<Zone> zoneAt(double lon, double lat) {
        Point p = factory.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = index.query(new Envelope(lon, lon, lat, lat));
        for (Indexed c : candidates) {
            if (c.prepared().covers(p)) {
                return Optional.of(c.zone());
            }
        }
        return Optional.empty();
    }

    /** The bounding box of all zones, lon/lat degrees; empty when there are none. */
    public Envelope envelope() {
        Envelope e = new Envelope();
        for (Zone z : zones) {
            e.expandToInclude(z.geometry().getEnvelopeInternal());
        }
        return e;
    }

    /** Total area of all zones, square nautical miles. */
    public double totalAreaNmi2() {
        double sum = 0;
        for (Zone z : zones) {
            sum += z.areaNmi2();
        }
        return sum;
    }

    /** The zones sorted by code order (north to south, coast to offshore) where codes are AIP codes. */
    public List<Zone> sortedByCode() {
        List<Zone> copy = new ArrayList<>(zones);
        copy.sort((a, b) -> {
            if (a.aipCode().isPresent() && b.aipCode().isPresent()) {
                return a.aipCode().get().compareTo(b.aipCode().get());
            }
            return a.code().compareTo(b.code());
        });
        return copy;
    }
}
