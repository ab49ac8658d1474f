package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.Stock;
import pe.cardumen.workspace.BiomassRun;
import pe.cardumen.workspace.Workspace;

/**
 * {@code cardumen simulate-history --workspace}: the history goes through the ordinary importers and the
 * ordinary biomass computation, and each survey's stored biomass per stock is within 1 % of the
 * manifest's targets; the grids arrive as zonal statistics.
 */
class SimulateHistoryCliTest {
    @Test
    void theImportedHistoryReproducesItsTargetsThroughTheBiomassPipeline() throws Exception {
        Path dir = TestData.tempDir("simulate-cli");
        Path params = dir.resolve("p.properties");
        Files.writeString(params, "years.first=2014\nyears.last=2016\ntarget.anchors=2015-1:9.0e6\n");
        Path ws = dir.resolve("h.cardumen.gpkg");
        CliTest.Run r = CliTest.run("simulate-history", "--seed", "3", "--out", dir.resolve("out").toString(), "--parameters", params.toString(),
                "--workspace", ws.toString(), "--replicates", "20");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 6 SIMULATED surveys (2014-1 to 2016-2) over 930 zones").contains("imported 6 surveys (14 files)");

        List<String> manifest = Files.readAllLines(dir.resolve("out/surveys.csv"));
        List<String> header = List.of(manifest.get(0).split(","));
        Map<String, double[]> targets = new HashMap<>();
        for (String line : manifest.subList(1, manifest.size())) {
            String[] f = line.split(",");
            assertThat(f[header.indexOf("data")]).isEqualTo("SIMULATED");
            targets.put(f[0], new double[] {Double.parseDouble(f[header.indexOf("target_north_centre_t")]),
                Double.parseDouble(f[header.indexOf("target_south_t")])});
        }
        assertThat(targets.get("2015-1")[0]).isEqualTo(9.0e6);
        try (Workspace w = Workspace.open(ws)) {
            Map<String, Stock> stock = new HashMap<>();
            w.zones().forEach(z -> stock.put(z.code(), z.stock()));
            assertThat(w.surveys()).hasSize(6);
            assertThat(w.biomassRuns()).hasSize(6);
            for (BiomassRun run : w.biomassRuns()) {
                double north = 0;
                double south = 0;
                for (var row : w.biomass(run.id())) {
                    if (stock.get(row.zone()) == Stock.SOUTH) {
                        south += row.biomassT();
                    } else {
                        north += row.biomassT();
                    }
                }
                assertThat(north / targets.get(run.survey())[0]).as(run.survey()).isCloseTo(1, within(0.01));
                assertThat(south / targets.get(run.survey())[1]).as(run.survey()).isCloseTo(1, within(0.01));
                assertThat(run.cv()).as("two intervals per zone with fish give the bootstrap a spread").isPositive();
            }
            assertThat(w.zonal("sst")).hasSize(6 * 930);
            assertThat(w.zonal("log10_chlor_a")).isNotEmpty();
        }
    }

    @Test
    void aMissingHistoryFolderIsNamed() throws Exception {
        Path dir = TestData.tempDir("simulate-cli-bad");
        Path ws = dir.resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), pe.cardumen.domain.CancellationToken.NONE);
            var e = org.assertj.core.api.Assertions.catchThrowable(() -> TestData.services().surveyHistory().importInto(w, dir.resolve("nothing"), 10, 1,
                    pe.cardumen.domain.ProgressListener.NONE, pe.cardumen.domain.CancellationToken.NONE));
            assertThat(e).hasMessageContaining("nothing").hasMessageContaining("surveys.csv");
        }
    }
}
