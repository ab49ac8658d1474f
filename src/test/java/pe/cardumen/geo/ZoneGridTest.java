package pe.cardumen.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import pe.cardumen.TestData;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.domain.ZoneCode;

/** Properties of the generated AIP grid over the whole Peruvian coast. */
class ZoneGridTest {
    private static ZoneLayer grid;
    private static Coastline coast;

    @BeforeAll
    static void generate() throws Exception {
        coast = TestData.coastline();
        grid = TestData.fullGrid();
    }

    @Test
    void coversThirtyOneLatitudeBandsAndThirtyDistanceBands() {
        Map<String, Set<Integer>> classesByBand = new HashMap<>();
        for (Zone z : grid.zones()) {
            ZoneCode c = z.aipCode().orElseThrow();
            classesByBand.computeIfAbsent(c.degreesSouth() + (c.southernHalf() ? ".5" : ".0"), k -> new TreeSet<>()).add(c.distanceClass());
        }
        // 3°23′33″S (the first band, clipped at the Ecuador boundary) to 18°30′S: 31 bands of 30′
        assertThat(classesByBand).hasSize(31);
        Set<Integer> all = new TreeSet<>();
        for (int k = 1; k <= 30; k++) {
            all.add(k);
        }
        // distance is continuous over each band's connected sea, so every band has classes 1..30 without gaps
        classesByBand.forEach((band, classes) -> assertThat(classes).as("band " + band).isEqualTo(all));
        assertThat(grid.size()).isEqualTo(31 * 30);
    }

    @Test
    void codesAreUniqueAndMatchTheirBands() {
        Set<String> codes = new HashSet<>();
        for (Zone z : grid.zones()) {
            assertThat(codes.add(z.code())).as("duplicate " + z.code()).isTrue();
            ZoneCode c = ZoneCode.parse(z.code());
            assertThat(z.distMinNmi()).isEqualTo(c.distanceMinNmi());
            assertThat(z.distMaxNmi()).isEqualTo(c.distanceMaxNmi());
            assertThat(z.latMaxDegrees()).isLessThanOrEqualTo(c.latitudeNorthDegrees());
            assertThat(z.latMinDegrees()).isEqualTo(c.latitudeSouthDegrees());
            assertThat(z.stock()).isEqualTo(c.latitudeSouthDegrees() >= -16.0 ? Stock.NORTH_CENTRE : Stock.SOUTH);
        }
    }

    @Test
    void eachCellLiesInsideItsLatitudeBand() {
        for (Zone z : grid.zones()) {
            Envelope e = z.geometry().getEnvelopeInternal();
            assertThat(e.getMinY()).as(z.code()).isGreaterThanOrEqualTo(z.latMinDegrees() - 1e-7);
            assertThat(e.getMaxY()).as(z.code()).isLessThanOrEqualTo(z.latMaxDegrees() + 1e-7);
        }
        assertThat(grid.byCode("1030").orElseThrow().latMaxDegrees()).isCloseTo(-(3 + 23.0 / 60 + 33.0 / 3600), within(1e-12));
    }

    @Test
    void cellsDoNotOverlap() {
        STRtree index = new STRtree();
        for (Zone z : grid.zones()) {
            index.insert(z.geometry().getEnvelopeInternal(), z);
        }
        double worst = 0;
        int pairs = 0;
        for (Zone a : grid.zones()) {
            @SuppressWarnings("unchecked")
            List<Zone> near = index.query(a.geometry().getEnvelopeInternal());
            for (Zone b : near) {
                if (a.code().compareTo(b.code()) < 0 && a.geometry().intersects(b.geometry())) {
                    pairs++;
                    double overlap = Geodesy.areaNmi2(a.geometry().intersection(b.geometry()));
                    worst = Math.max(worst, overlap);
                }
            }
        }
        System.out.printf("adjacent cell pairs: %d, largest overlap %.2e nmi²%n", pairs, worst);
        assertThat(pairs).isGreaterThan(1500);
        assertThat(worst).isLessThan(1e-3);
    }

    /**
     * The cells of a band tile its sea: their union (OverlayNG with snap-rounding to 10⁻⁸°, about a
     * millimetre, since JTS's floating-point union is not robust for thousands of shared edges) has the area of their sum
     * (no overlaps), lies in the band's sea, is one piece and has holes only where islands are. With
     * {@link #pointsFallInTheDistanceBandOfTheirGeodesicDistance()} (every sea point within 300 nmi is in
     * a cell, none beyond) the union is the band's sea out to 300 nmi.
     */
    @Test
    void cellsOfABandTileTheBandsSea() {
        GeometryFactory gf = new GeometryFactory();
        for (double north : new double[] {-5.0, -6.0, -12.0, -17.5}) {
            Geometry bandSea = coast.sea().intersection(gf.toGeometry(new Envelope(-95, -66, north - 0.5, north)));
            List<Geometry> cells = new ArrayList<>();
            double sum = 0;
            for (Zone z : grid.zones()) {
                if (z.latMaxDegrees() == north) {
                    // slivers from the lon/lat ↔ metres round trip (edges straight in one space are slightly
                    // curved in the other) stay below 0.05 % of the cell: metres along its edges
                    assertThat(Geodesy.areaNmi2(z.geometry().difference(bandSea))).as(z.code()).isLessThan(5e-4 * z.areaNmi2());
                    cells.add(z.geometry());
                    sum += z.areaNmi2();
                }
            }
            assertThat(cells).hasSize(30);
            Geometry union = UnaryUnionNG.union(gf.buildGeometry(cells), new PrecisionModel(1e8));
            assertThat(Geodesy.areaNmi2(union)).as("band %s", north).isCloseTo(sum, within(sum * 1e-6));
            assertThat(Geodesy.areaNmi2(OverlayNGRobust.overlay(union, bandSea, OverlayNG.DIFFERENCE))).as("band %s", north).isLessThan(0.5);
            assertThat(union.getNumGeometries()).as("band %s", north).isEqualTo(1);
            Polygon p = (Polygon) union.getGeometryN(0);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                Geometry hole = gf.createPolygon(p.getInteriorRingN(h).getCoordinates());
                assertThat(coast.islands().stream().anyMatch(is -> is.intersects(hole))).as("hole in band " + north).isTrue();
            }
        }
    }

    /**
     * The distance bands agree with true geodesic distances: random sea points of the grid's extent are
     * assigned to the cell whose band contains their geodesic distance to the coast, except within 1 %
     * of a band edge; points beyond 300 nmi (+1 %) are in no cell.
     */
    @Test
    void pointsFallInTheDistanceBandOfTheirGeodesicDistance() {
        long seed = 20261126L;
        System.out.println("pointsFallInTheDistanceBandOfTheirGeodesicDistance seed " + seed);
        Random random = new Random(seed);
        GeodesicCoastDistance reference = new GeodesicCoastDistance(coast.mainland());
        int checked = 0;
        int outside = 0;
        while (checked < 400) {
            double lon = -87 + random.nextDouble() * 17;
            double lat = -18.5 + random.nextDouble() * (18.5 - 3.3926);
            if (!coast.isAtSea(lon, lat)) {
                continue;
            }
            double d = reference.distanceNmi(lon, lat);
            var zone = grid.zoneAt(lon, lat);
            if (d > 300 * 1.01) {
                assertThat(zone).as("%.4f %.4f at %.2f nmi", lon, lat, d).isEmpty();
                outside++;
                continue;
            }
            if (d > 300 * 0.99) {
                continue;
            }
            assertThat(zone).as("%.4f %.4f at %.2f nmi", lon, lat, d).isPresent();
            Zone z = zone.get();
            double edgeTolerance = Math.max(0.01 * d, 0.05);
            boolean nearEdge = Math.abs(d - z.distMinNmi()) < edgeTolerance || Math.abs(d - z.distMaxNmi()) < edgeTolerance;
            if (!nearEdge) {
                assertThat(d).as("zone %s at %.4f %.4f", z.code(), lon, lat).isBetween(z.distMinNmi(), z.distMaxNmi());
            }
            assertThat(lat).isBetween(z.latMinDegrees(), z.latMaxDegrees());
            checked++;
        }
        assertThat(outside).isGreaterThan(0);
    }

    /**
     * Measures the error of the band edges: vertices of the offset arcs (not on a parallel, not on an
     * island) must lie at their band's distance from the coast. Prints the worst relative error, which
     * the README states; the bar is 1 %.
     */
    @Test
    void bandEdgesLieAtTheirNominalGeodesicDistance() {
        GeodesicCoastDistance reference = new GeodesicCoastDistance(coast.mainland());
        GeometryFactory gf = new GeometryFactory();
        Geometry islands = gf.buildGeometry(new ArrayList<>(coast.islands())).buffer(0.001);
        double worst = 0;
        String worstAt = "";
        int measured = 0;
        List<Zone> zones = grid.zones();
        for (int zi = 0; zi < zones.size(); zi += 4) {
            Zone z = zones.get(zi);
            Coordinate[] cs = z.geometry().getCoordinates();
            for (int i = 0; i < cs.length; i += Math.max(1, cs.length / 12)) {
                Coordinate c = cs[i];
                if (Math.abs(c.y - z.latMinDegrees()) < 1e-6 || Math.abs(c.y - z.latMaxDegrees()) < 1e-6
                        || islands.contains(gf.createPoint(c))) {
                    continue;
                }
                double d = reference.distanceNmi(c.x, c.y);
                if (d < 1) {
                    continue; // a vertex of the coast itself
                }
                double edge = Math.abs(d - z.distMaxNmi()) < Math.abs(d - z.distMinNmi()) ? z.distMaxNmi() : z.distMinNmi();
                double rel = Math.abs(d - edge) / edge;
                measured++;
                if (rel > worst) {
                    worst = rel;
                    worstAt = String.format("zone %s vertex %.5f %.5f: %.4f nmi vs %.0f", z.code(), c.x, c.y, d, edge);
                }
            }
        }
        System.out.printf("band edges: %d vertices measured, worst relative error %.4f %% (%s)%n", measured, worst * 100, worstAt);
        assertThat(measured).isGreaterThan(500);
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void areasAreNearTheNominalThreeHundredSquareMiles() {
        // a full-height cell is 30′ of latitude (≈ 29.9 nmi) by 10 nmi; the coast's shape makes real cells
        // vary, but the median over full-height cells must be near nominal
        double[] areas = grid.zones().stream().filter(z -> z.latMaxDegrees() - z.latMinDegrees() > 0.49)
                .mapToDouble(Zone::areaNmi2).sorted().toArray();
        double median = areas[areas.length / 2];
        System.out.printf("median full-height cell area %.1f nmi²%n", median);
        assertThat(median).isBetween(280.0, 420.0);
    }
}
