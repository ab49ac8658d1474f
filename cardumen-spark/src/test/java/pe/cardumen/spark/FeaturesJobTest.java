package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.features.simulation.HistoryParameters;
import pe.cardumen.workspace.Workspace;

/**
 * {@code archive features} against {@code cardumen features}: a short simulated history (two surveys,
 * their grids) imported into a workspace gives the desktop's table; the same grids through
 * {@code archive zonal} and the same workspace's biomass runs through {@code archive features} give
 * the same CSV, byte for byte, and a Parquet copy with the same rows.
 */
class FeaturesJobTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("FeaturesJobTest").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        spark.close();
    }

    @Test
    void theTableEqualsCardumenFeaturesOnTheSameInputs(@TempDir Path tmp) throws Exception {
        Services services = Services.standard();
        Path params = tmp.resolve("history.properties");
        Files.writeString(params, "years.first=2019\nyears.last=2020\ntarget.anchors=2019-1:9.0e6\n");
        Path history = tmp.resolve("history");
        services.surveyHistory().simulate(history, 3, HistoryParameters.load(params), IntegrateTask.zones(), ProgressListener.NONE, CancellationToken.NONE);
        Path ws = tmp.resolve("h.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", IntegrateTask.zones().zones(), CancellationToken.NONE);
            services.surveyHistory().importInto(w, history, 10, 1, ProgressListener.NONE, CancellationToken.NONE);
        }
        StringWriter desktop = new StringWriter();
        try (Workspace w = Workspace.open(ws)) {
            FeatureTable.writeCsv(new FeatureBuilder(services).build(w, FeatureBuilder.Periods.SURVEYS, null, null, null, null).rows(), desktop);
        }

        Path out = tmp.resolve("archive");
        List<Path> grids;
        try (var s = Files.list(history)) {
            grids = s.filter(p -> p.toString().endsWith(".nc")).sorted().toList();
        }
        assertThat(grids).hasSize(2);
        for (Path g : grids) {
            boolean chl = g.getFileName().toString().contains("chlor");
            assertThat(ZonalJob.run(spark, List.of(g.toString()), out.toString(), new ZonalJob.Options(null, chl)).ok()).isEqualTo(1);
        }
        FeatureBuilder.Built built = FeaturesJob.run(spark, out.resolve("zonal").toString(), ws, FeatureBuilder.Periods.SURVEYS, null, null, null, null,
                out.toString());

        assertThat(built.sstVariable()).isEqualTo("sst");
        assertThat(built.chlVariable()).startsWith("log10_");
        String csv = Files.readString(out.resolve("features.csv"));
        assertThat(csv.lines().count()).isGreaterThan(930);
        assertThat(csv).isEqualTo(desktop.toString());
        List<Row> parquet = spark.read().parquet(out.resolve("features").toString()).collectAsList();
        assertThat(parquet).hasSize((int) csv.lines().count() - 1);
        assertThat(parquet.get(0).schema().fieldNames()).containsExactlyElementsOf(FeatureTable.COLUMNS);
    }

    @Test
    void aFolderThatIsNotZonalParquetIsOneLine(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", IntegrateTask.zones().zones(), CancellationToken.NONE);
        }
        StringWriter err = new StringWriter();
        int code = ArchiveMain.execute(new java.io.PrintWriter(new StringWriter(), true), new java.io.PrintWriter(err, true), "features",
                "--zonal", tmp.resolve("missing").toString(), "--workspace", ws.toString(), "--out", tmp.resolve("o").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("cardumen-archive: " + tmp.resolve("missing") + ": not a zonal Parquet folder").doesNotContain("\n");
    }
}
