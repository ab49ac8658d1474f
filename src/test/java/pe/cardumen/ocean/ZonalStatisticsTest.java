package pe.cardumen.ocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import pe.cardumen.TestData;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.grid.CfGrid;

class ZonalStatisticsTest {
    private static Zone box(String code, double lonMin, double lonMax, double latMin, double latMax) {
        var g = new GeometryFactory().toGeometry(new Envelope(lonMin, lonMax, latMin, latMax));
        var c = g.getCentroid();
        return new Zone(code, Stock.NORTH_CENTRE, latMin, latMax, Double.NaN, Double.NaN, 1, c.getX(), c.getY(), g);
    }

    /**
     * A 3 × 3 grid at 1° spacing (centres −79, −78, −77 °E; −11, −10, −9 °N) with values 1…9 lat-major,
     * the centre one missing. Zone A covers the centres of the two west columns of the two south rows:
     * values 1, 2, 4 and 5 (missing) → mean 7/3, min 1, max 4, std √(14/9), 3 valid of 4 cells.
     */
    @Test
    void handComputedZones() {
        double[] lat = {-11, -10, -9};
        double[] lon = {-79, -78, -77};
        float[] values = {1, 2, 3, 4, Float.NaN, 6, 7, 8, 9};
        ZoneLayer layer = new ZoneLayer("test", List.of(
                box("A", -79.5, -77.5, -11.5, -9.5),
                box("SMALL", -77.2, -77.1, -9.2, -9.1),
                box("AWAY", -70.5, -69.5, -20.5, -19.5)));
        ZonalStatistics zs = new ZonalStatistics(layer, lat, lon);
        List<ZonalStatistics.ZoneStat> s = zs.compute(values);
        ZonalStatistics.ZoneStat a = s.get(0);
        assertThat(a.nValid()).isEqualTo(3);
        assertThat(a.mean()).isCloseTo(7.0 / 3, within(1e-12));
        assertThat(a.min()).isEqualTo(1);
        assertThat(a.max()).isEqualTo(4);
        assertThat(a.std()).isCloseTo(Math.sqrt(14.0 / 9), within(1e-9));
        assertThat(a.validFraction()).isEqualTo(0.75);
        assertThat(a.nearestCell()).isFalse();
        // a zone smaller than a cell takes the nearest cell: (−77, −9) holds 9
        assertThat(s.get(1).nearestCell()).isTrue();
        assertThat(s.get(1).mean()).isEqualTo(9);
        // a zone outside the grid has no cells
        assertThat(s.get(2).nValid()).isZero();
        assertThat(s.get(2).validFraction()).isZero();
        assertThat(s.get(2).mean()).isNaN();
    }

    /** On the real OISST grid and the AIP zones: the per-zone counts add up to the valid cells inside zones. */
    @Test
    void oisstOverTheAipGrid() throws Exception {
        ZoneLayer zones = TestData.fullGrid();
        try (CfGrid g = CfGrid.open(TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"), null)) {
            ZonalStatistics zs = new ZonalStatistics(zones, g.latitudes(), g.longitudes());
            float[] day = g.step(14);
            var stats = zs.compute(day);
            long inZones = stats.stream().filter(z -> !z.nearestCell()).mapToLong(ZonalStatistics.ZoneStat::nValid).sum();
            // independent count: valid cells whose centre lies in some zone
            double[] lat = g.latitudes();
            double[] lon = g.longitudes();
            long expected = 0;
            for (int i = 0; i < lat.length; i++) {
                for (int j = 0; j < lon.length; j++) {
                    if (!Float.isNaN(day[i * lon.length + j]) && zones.zoneAt(lon[j], lat[i]).isPresent()) {
                        expected++;
                    }
                }
            }
            assertThat(inZones).isEqualTo(expected).isGreaterThan(300);
            // coastal upwelling: the 0–10 nmi zone off Pisco (13°30′–14°S) is colder than the 190–200 nmi one
            var coastal = stats.stream().filter(z -> z.zone().equals("1133")).findFirst().orElseThrow();
            var offshore = stats.stream().filter(z -> z.zone().equals("20133")).findFirst().orElseThrow();
            assertThat(coastal.mean()).isLessThan(offshore.mean());
        }
    }
}
