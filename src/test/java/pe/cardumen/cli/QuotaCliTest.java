package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.workspace.Workspace;

/**
 * {@code cardumen quota} on two simulated years: the decision table has a row per scenario and
 * candidate catch with at most one recommendation per scenario inside the thresholds; the allocation
 * shares exactly the recommended catch outside 10 nmi; the supply plan lands it month by month with
 * fishmeal at 4.3 t of fish per tonne.
 */
class QuotaCliTest {
    private static Path ws;

    @BeforeAll
    static void history() throws Exception {
        ws = CliRunner.simulatedWorkspace("quota-cli", 2020, 2021, "2021-1:9.88e6", 8, 20);
    }

    @Test
    void decisionTableAllocationAndSupply() throws Exception {
        HarvestParameters p = HarvestParameters.defaults();
        CliTest.Run d = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--season", "2021-II", "--survey", "2021-1", "--csv");
        assertThat(d.status()).as(d.err()).isZero();
        List<String> rows = d.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("scenario,catch_t,exploitation_rate,remaining_median_t,remaining_p10_t,risk,recommended");
        assertThat(rows).hasSize(1 + p.scenarios().size() * p.catches().length);
        double neutral = Double.NaN;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f[6].equals("1")) {
                assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(0.35);
                assertThat(Double.parseDouble(f[5])).isLessThanOrEqualTo(0.10);
                if (f[0].equals("neutral")) {
                    neutral = Double.parseDouble(f[1]);
                }
            }
        }
        assertThat(rows.stream().filter(l -> l.endsWith(",1")).map(l -> l.split(",")[0]).toList()).doesNotHaveDuplicates();
        assertThat(d.err()).contains("survey 2021-1, SIMULATED").contains("recommended catch, neutral: " + String.format("%.0f", neutral) + " t");

        CliTest.Run a = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--survey", "2021-1", "--table", "allocation");
        List<String> alloc = a.out().lines().toList();
        assertThat(alloc.get(0)).isEqualTo("zone,degree,biomass_t,catch_t,juvenile_pct_number,juvenile_warning");
        double sum = 0;
        try (Workspace w = Workspace.open(ws)) {
            var zones = new java.util.HashMap<String, pe.cardumen.domain.Zone>();
            w.zones().forEach(z -> zones.put(z.code(), z));
            for (String row : alloc.subList(1, alloc.size())) {
                String[] f = row.split(",");
                sum += Double.parseDouble(f[3]);
                assertThat(zones.get(f[0]).distMinNmi()).as("industrial fleet outside 10 nmi").isGreaterThanOrEqualTo(10);
                assertThat(zones.get(f[0]).stock()).isEqualTo(pe.cardumen.domain.Stock.NORTH_CENTRE);
            }
        }
        assertThat(sum).isCloseTo(neutral, within(alloc.size() * 0.1));

        CliTest.Run s = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--survey", "2021-1", "--table", "supply");
        List<String> supply = s.out().lines().toList();
        assertThat(supply).hasSize(1 + p.months().length);
        double landed = 0;
        for (String row : supply.subList(1, supply.size())) {
            String[] f = row.split(",");
            double total = Double.parseDouble(f[4]);
            assertThat(Double.parseDouble(f[1]) + Double.parseDouble(f[2]) + Double.parseDouble(f[3])).isCloseTo(total, within(2.0));
            assertThat(Double.parseDouble(f[5])).isCloseTo(total / 4.3, within(1.0));
            landed += total;
            assertThat(Double.parseDouble(f[7])).isCloseTo(landed, within(2.0));
        }
        assertThat(landed).isCloseTo(neutral, within(4.0));

        // the zone results as GeoJSON read back by the project's own zone importer, results included
        Path geojson = ws.resolveSibling("quota-zones.geojson");
        CliTest.Run z = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--survey", "2021-1", "--zones-out", geojson.toString());
        assertThat(z.status()).as(z.err()).isZero();
        var layer = new pe.cardumen.io.vector.VectorLayerReader().read(geojson, null);
        assertThat(layer.fieldNames()).contains("code", "biomass_t", "density_t_per_nmi2", "allocated_catch_t", "juvenile_warning");
        var zones = new pe.cardumen.geo.ZoneLayerBuilder().build(geojson, layer, "code");
        assertThat(zones.size()).isEqualTo(780);
        double allocated = 0;
        for (var f : layer.result().accepted()) {
            Object v = f.attributes().get("allocated_catch_t");
            allocated += v == null ? 0 : ((Number) v).doubleValue();
        }
        assertThat(allocated).isCloseTo(neutral, within(1.0));
    }

    @Test
    void thresholdsFromTheCommandLineAndBadInput() {
        CliTest.Run strict = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--survey", "2021-1", "--e-max", "0.1");
        assertThat(strict.status()).isZero();
        assertThat(strict.err()).contains("E ≤ 0.10");
        for (String line : strict.out().lines().skip(1).filter(l -> l.endsWith(",1")).toList()) {
            assertThat(Double.parseDouble(line.split(",")[2])).isLessThanOrEqualTo(0.1);
        }
        CliTest.Run bad = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "sardine");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--stock must be north-centre or south");
        CliTest.Run none = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "south", "--survey", "1999-1");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no stored biomass of survey 1999-1");
        CliTest.Run scenario = CliTest.run("quota", "--workspace", ws.toString(), "--stock", "south", "--scenario", "hot");
        assertThat(scenario.err()).contains("no scenario 'hot'");
    }

    /**
     * The basis is kept: a plan on survey 2021-2 keeps that basis for the season; computing an old
     * survey afterwards (exploring history, which adds the newest run) changes neither the next plan
     * nor the report, which both name the basis. Before, both took "the latest run" — the old survey's.
     */
    @Test
    void exploringHistoryNeverChangesTheKeptBasis() throws Exception {
        Path w = CliRunner.simulatedWorkspace("quota-basis", 2020, 2021, "2021-1:9.88e6", 8, 20);
        CliTest.Run kept = CliTest.run("quota", "--workspace", w.toString(), "--stock", "north-centre", "--season", "2022-I", "--survey", "2021-2");
        assertThat(kept.status()).as(kept.err()).isZero();
        long run;
        try (Workspace x = Workspace.open(w)) {
            run = x.biomassRuns().stream().filter(r -> "2021-2".equals(r.survey())).reduce((a, b) -> b).orElseThrow().id();
        }
        assertThat(kept.err()).contains("basis: run " + run + " 2021-2 (kept for north-centre 2022-I)");
        CliTest.Run history = CliTest.run("biomass", "--workspace", w.toString(), "--survey", "2020-1", "--store", "--replicates", "20", "--csv");
        assertThat(history.status()).as(history.err()).isZero();
        try (Workspace x = Workspace.open(w)) {
            var runs = x.biomassRuns();
            assertThat(runs.get(runs.size() - 1).survey()).as("the newest run is the old survey's").isEqualTo("2020-1");
        }
        CliTest.Run again = CliTest.run("quota", "--workspace", w.toString(), "--stock", "north-centre", "--season", "2022-I");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo(kept.out());
        assertThat(again.err()).contains("basis: run " + run + " 2021-2 (the season's kept or proposed basis)");
        Path pdf = w.resolveSibling("basis.pdf");
        CliTest.Run report = CliTest.run("report", "--workspace", w.toString(), "--season", "2022-I", "--lang", "es", "--out", pdf.toString());
        assertThat(report.status()).as(report.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Base: crucero 2021-2, cálculo de biomasa guardado n.º " + run);
        }
        // another season has no kept basis: the latest survey's latest run is proposed, not the newest run
        CliTest.Run other = CliTest.run("quota", "--workspace", w.toString(), "--stock", "north-centre", "--season", "2023-I");
        assertThat(other.err()).contains("basis: run " + run + " 2021-2");
        CliTest.Run gone = CliTest.run("quota", "--workspace", w.toString(), "--stock", "north-centre", "--run", "999");
        assertThat(gone.status()).isEqualTo(1);
        assertThat(gone.err()).contains("no biomass run 999");
    }
}
