package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.workspace.Workspace;

/**
 * {@code cardumen features} on a workspace holding three simulated years (2020–2022): one row per zone and
 * survey; targets are the stored biomass densities; the previous-survey feature is the previous
 * survey's target; ICEN is missing (flagged) once the bundled Niño file ends.
 */
class FeaturesCliTest {
    private static Path ws;

    @BeforeAll
    static void history() throws Exception {
        ws = CliRunner.simulatedWorkspace("features-cli", 2020, 2022, "2021-1:9.88e6", 5, 10);
    }

    private static List<Map<String, String>> table(String out) {
        List<String> lines = out.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        return lines.subList(1, lines.size()).stream().map(l -> {
            String[] f = l.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), f[i]);
            }
            return m;
        }).toList();
    }

    @Test
    void oneRowPerZoneAndSurveyWithStoredTargetsAndTheirPredecessors() throws Exception {
        CliTest.Run r = CliTest.run("features", "--workspace", ws.toString(), "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", FeatureTable.COLUMNS));
        List<Map<String, String>> rows = table(r.out());
        assertThat(rows).hasSize(6 * 930);
        assertThat(r.err()).contains("5580 rows (6 surveys, 5580 with a target)").contains("SST from sst, chlorophyll from log10_chlor_a")
                .contains("SIMULATED");

        Map<String, Double> stored2021 = new HashMap<>();
        try (Workspace w = Workspace.open(ws)) {
            var run = w.biomassRuns().stream().filter(x -> "2021-1".equals(x.survey())).findFirst().orElseThrow();
            w.biomass(run.id()).forEach(b -> stored2021.put(b.zone(), b.densityTPerNmi2()));
        }
        Map<String, Map<String, String>> bySurveyZone = new HashMap<>();
        rows.forEach(x -> bySurveyZone.put(x.get("survey") + "|" + x.get("zone"), x));
        for (var e : stored2021.entrySet()) {
            Map<String, String> row = bySurveyZone.get("2021-1|" + e.getKey());
            assertThat(Double.parseDouble(row.get("target_density_t_per_nmi2"))).isCloseTo(e.getValue(), within(1e-6));
            // the next survey's previous-survey feature is this target
            Map<String, String> next = bySurveyZone.get("2021-2|" + e.getKey());
            assertThat(Double.parseDouble(next.get("prev_density_t_per_nmi2"))).isCloseTo(e.getValue(), within(1e-6));
        }
        Map<String, String> first = bySurveyZone.get("2020-1|2120");
        assertThat(first.get("period")).isEqualTo("2020-03");
        assertThat(first.get("missing_prev")).isEqualTo("1");
        assertThat(first.get("prev_density_t_per_nmi2")).isEqualTo("NaN");
        assertThat(first.get("simulated")).isEqualTo("1");
        assertThat(first.get("missing_sst")).isEqualTo("0");
        // ICEN needs the month after (a centred 3-month mean); the bundled Niño file ends 2021-09
        assertThat(bySurveyZone.get("2021-1|2120").get("missing_icen")).isEqualTo("0");
        assertThat(bySurveyZone.get("2021-2|2120").get("missing_icen")).isEqualTo("1");
        assertThat(bySurveyZone.get("2021-2|2120").get("icen_lag0_c")).isEqualTo("NaN");
        assertThat(bySurveyZone.get("2021-2|2120").get("icen_lag1_c")).isNotEqualTo("NaN");
        // ICEN of 2021-03 = mean of the Niño 1+2 anomalies of 2021-02..04 in the file
        assertThat(Double.parseDouble(bySurveyZone.get("2021-1|2120").get("icen_lag0_c"))).isCloseTo(icenOf2021March(), within(0.0006));
    }

    private static double icenOf2021March() throws Exception {
        double sum = 0;
        for (String line : Files.readAllLines(TestData.sampleData().resolve("indices/ersst5.nino.mth.91-20.ascii"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[0].equals("2021") && (f[1].equals("2") || f[1].equals("3") || f[1].equals("4"))) {
                sum += Double.parseDouble(f[3]);
            }
        }
        return sum / 3;
    }

    @Test
    void monthlyPeriodsCarryTargetsOnlyInSurveyMonths() throws Exception {
        Path out = ws.resolveSibling("months.csv");
        CliTest.Run r = CliTest.run("features", "--workspace", ws.toString(), "--periods", "months", "--from", "2021-01", "--to", "2021-12",
                "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<Map<String, String>> rows = table(Files.readString(out));
        assertThat(rows).hasSize(12 * 930);
        assertThat(rows.stream().filter(x -> x.get("missing_target").equals("0")).map(x -> x.get("period")).distinct().sorted().toList())
                .containsExactly("2021-03", "2021-09");
        // December's previous survey is September's
        Map<String, String> dec = rows.stream().filter(x -> x.get("period").equals("2021-12") && x.get("zone").equals("2120")).findFirst().orElseThrow();
        Map<String, String> sep = rows.stream().filter(x -> x.get("period").equals("2021-09") && x.get("zone").equals("2120")).findFirst().orElseThrow();
        assertThat(dec.get("prev_density_t_per_nmi2")).isEqualTo(sep.get("target_density_t_per_nmi2"));
        assertThat(dec.get("sst_mean_c")).isEqualTo("NaN"); // no grid step in December
        assertThat(dec.get("missing_sst")).isEqualTo("1");
    }

    @Test
    void badOptionsAreNamed() {
        CliTest.Run r = CliTest.run("features", "--workspace", ws.toString(), "--periods", "weeks");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--periods must be surveys or months");
        CliTest.Run m = CliTest.run("features", "--workspace", ws.toString(), "--periods", "months", "--from", "2021-13");
        assertThat(m.err()).contains("--from must be YYYY-MM");
    }
}
