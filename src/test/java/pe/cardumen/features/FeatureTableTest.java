package pe.cardumen.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.Zone;

/**
 * The feature table on a hand-made case: three zones of 12°S (0–10, 10–20 and 20–30 nmi of 12°00′–12°30′)
 * and the 10–20 nmi zone of 12°30′–13°00′, two surveys, SST for some months, indices for some months.
 */
class FeatureTableTest {
    private static List<Zone> zones() throws Exception {
        List<Zone> out = new ArrayList<>();
        for (String code : new String[] {"1120", "2120", "3120", "2123"}) {
            out.add(TestData.fullGrid().byCode(code).orElseThrow());
        }
        return out;
    }

    @Test
    void rowsOfAHandMadeCase() throws Exception {
        List<Zone> zones = zones();
        var s1 = new FeatureTable.SurveyDensity("2020-1", YearMonth.of(2020, 3), Map.of("1120", 10.0, "2120", 20.0, "3120", 0.0), true);
        var s2 = new FeatureTable.SurveyDensity("2020-2", YearMonth.of(2020, 9), Map.of("1120", 5.0, "2120", 7.0, "3120", 1.0, "2123", 3.0), true);
        Map<String, Map<YearMonth, Double>> sst = new HashMap<>();
        sst.put("2120", Map.of(YearMonth.of(2020, 3), 19.5, YearMonth.of(2020, 9), 16.0));
        Map<String, double[]> clim = new HashMap<>();
        double[] c = new double[13];
        java.util.Arrays.fill(c, Double.NaN);
        c[3] = 19.0;
        c[9] = 16.5;
        clim.put("2120", c);
        Map<YearMonth, Double> icen = new HashMap<>();
        icen.put(YearMonth.of(2020, 9), 0.1);
        icen.put(YearMonth.of(2020, 8), 0.2);
        icen.put(YearMonth.of(2020, 7), 0.3);
        icen.put(YearMonth.of(2020, 6), 0.4);
        Map<YearMonth, Double> oni = Map.of(YearMonth.of(2020, 9), -0.6);
        var in = new FeatureTable.Inputs(zones, List.of(s2, s1), sst, clim, Map.of(), icen, oni);

        List<FeatureTable.Row> rows = FeatureTable.build(in, List.of(YearMonth.of(2020, 9), YearMonth.of(2020, 3), YearMonth.of(2020, 12)));
        assertThat(rows).hasSize(3 * 4);
        assertThat(rows).extracting(FeatureTable.Row::period).startsWith(YearMonth.of(2020, 3));

        FeatureTable.Row march2120 = rows.get(1);
        assertThat(march2120.zone()).isEqualTo("2120");
        assertThat(march2120.survey()).isEqualTo("2020-1");
        assertThat(march2120.target()).isEqualTo(20.0);
        assertThat(march2120.prevDensity()).isNaN(); // no earlier survey
        assertThat(march2120.sstAnomalyC()).isCloseTo(0.5, within(1e-12));
        assertThat(march2120.season()).isEqualTo("autumn");
        // March: angle 2π·2/12
        assertThat(march2120.monthSin()).isCloseTo(Math.sin(Math.PI / 3), within(1e-12));
        assertThat(march2120.monthCos()).isCloseTo(0.5, within(1e-12));

        FeatureTable.Row sept2120 = rows.get(5);
        assertThat(sept2120.period()).isEqualTo(YearMonth.of(2020, 9));
        assertThat(sept2120.target()).isEqualTo(7.0);
        assertThat(sept2120.prevDensity()).isEqualTo(20.0);
        // neighbours of 2120: 1120 (10), 3120 (0) and 2123 (not sampled in March): mean 5
        assertThat(sept2120.prevNeighbourMean()).isEqualTo(5.0);
        assertThat(sept2120.sstAnomalyC()).isCloseTo(-0.5, within(1e-12));
        assertThat(sept2120.icen()).containsExactly(0.1, 0.2, 0.3, 0.4);
        assertThat(sept2120.oni()[0]).isEqualTo(-0.6);
        assertThat(sept2120.oni()[1]).isNaN();

        FeatureTable.Row sept2123 = rows.get(7);
        assertThat(sept2123.zone()).isEqualTo("2123");
        assertThat(sept2123.prevDensity()).isNaN(); // not sampled in the previous survey
        assertThat(sept2123.prevNeighbourMean()).isEqualTo(20.0); // only 2120 of its neighbours was
        assertThat(sept2123.sstC()).isNaN();

        FeatureTable.Row dec1120 = rows.get(8);
        assertThat(dec1120.survey()).isEmpty();
        assertThat(dec1120.target()).isNaN();
        assertThat(dec1120.prevDensity()).isEqualTo(5.0); // the September survey
        assertThat(dec1120.season()).isEqualTo("summer");

        StringWriter w = new StringWriter();
        FeatureTable.writeCsv(rows, w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(FeatureTable.COLUMNS);
        assertThat(lines).hasSize(13);
        String[] sep2123 = lines.get(8).split(",");
        Map<String, String> cell = new HashMap<>();
        for (int i = 0; i < FeatureTable.COLUMNS.size(); i++) {
            cell.put(FeatureTable.COLUMNS.get(i), sep2123[i]);
        }
        assertThat(cell.get("zone")).isEqualTo("2123");
        assertThat(cell.get("sst_mean_c")).isEqualTo("NaN");
        assertThat(cell.get("missing_sst")).isEqualTo("1");
        assertThat(cell.get("missing_prev")).isEqualTo("1");
        assertThat(cell.get("missing_neighbours")).isEqualTo("0");
        assertThat(cell.get("missing_icen")).isEqualTo("0");
        assertThat(cell.get("missing_oni")).isEqualTo("1");
        assertThat(cell.get("missing_target")).isEqualTo("0");
        assertThat(cell.get("target_density_t_per_nmi2")).isEqualTo("3.000000");
        assertThat(cell.get("simulated")).isEqualTo("1");
    }

    /**
     * On the generated grid, every neighbour by the AIP code rule also shares an edge (the rule of imported
     * layers); the edge rule adds only the cell diagonally across a half-degree line where the bands, which
     * follow the coast, are offset.
     */
    @Test
    void neighboursByCodeAndByGeometryAgreeOffshore() throws Exception {
        List<Zone> offshore = TestData.fullGrid().zones().stream().filter(z -> z.distMinNmi() >= 100 && z.latMaxDegrees() <= -6 && z.latMinDegrees() >= -9)
                .toList();
        Map<String, List<String>> byCode = ZoneNeighbours.of(offshore);
        List<Zone> renamed = offshore.stream().map(z -> new Zone("Z" + z.code(), z.stock(), z.latMinDegrees(), z.latMaxDegrees(), z.distMinNmi(),
                z.distMaxNmi(), z.areaNmi2(), z.centroidLon(), z.centroidLat(), z.geometry())).toList();
        Map<String, List<String>> byGeometry = ZoneNeighbours.of(renamed);
        assertThat(offshore).hasSizeGreaterThan(50);
        for (Zone z : offshore) {
            List<String> edge = byGeometry.get("Z" + z.code()).stream().map(s -> s.substring(1)).toList();
            assertThat(edge).as(z.code()).containsAll(byCode.get(z.code()));
            pe.cardumen.domain.ZoneCode c = pe.cardumen.domain.ZoneCode.parse(z.code());
            for (String extra : edge.stream().filter(e -> !byCode.get(z.code()).contains(e)).toList()) {
                pe.cardumen.domain.ZoneCode x = pe.cardumen.domain.ZoneCode.parse(extra);
                assertThat(Math.abs(x.distanceClass() - c.distanceClass())).as(z.code() + " ~ " + extra).isEqualTo(1);
                assertThat(Math.abs(x.latitudeNorthDegrees() - c.latitudeNorthDegrees())).as(z.code() + " ~ " + extra).isCloseTo(0.5, within(1e-9));
            }
        }
        // an interior cell has four
        assertThat(byCode.get("15073")).containsExactlyInAnyOrder("14073", "16073", "15070", "15080");
    }
}
