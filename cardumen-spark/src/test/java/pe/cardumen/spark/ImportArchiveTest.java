package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.app.Importer;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.workspace.Workspace;

/**
 * {@code import-archive}: a survey of an archive run brought into a workspace holds the same cells as
 * the desktop's own import of the same raw file; importing it again is skipped.
 */
class ImportArchiveTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ImportArchiveTest").config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        spark.close();
    }

    static Path workspace(Path file) throws Exception {
        try (Workspace w = Workspace.create(file)) {
            w.replaceZones("generated AIP grid", IntegrateTask.zones().zones(), CancellationToken.NONE);
        }
        return file;
    }

    @Test
    void theSurveysCellsEqualTheDesktopsImportOfTheSameFileAndASecondImportIsSkipped(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("archive/dy1201"));
        Files.copy(IntegrateJobTest.RAW, dir.resolve(IntegrateJobTest.RAW.getFileName()));
        Files.copy(IntegrateJobTest.BOT, dir.resolve(IntegrateJobTest.BOT.getFileName()));
        Path out = tmp.resolve("out");
        IntegrateJob.run(spark, List.of(tmp.resolve("archive").toString()), out.toString(), IntegrateJobTest.options(false));

        Path fromArchive = workspace(tmp.resolve("a.cardumen.gpkg"));
        ImportArchive.Summary s = ImportArchive.run(spark, out.toString(), "dy1201", 38, fromArchive);
        assertThat(s.imported()).isEqualTo(1);

        Path fromDesktop = workspace(tmp.resolve("d.cardumen.gpkg"));
        try (Workspace w = Workspace.open(fromDesktop)) {
            new Importer(38, IntegrationSettings.DEFAULT).inSurvey("dy1201").importAll(w, new pe.cardumen.geo.ZoneLayer("zones", w.zones()),
                    List.of(dir.resolve(IntegrateJobTest.RAW.getFileName())), ProgressListener.NONE, CancellationToken.NONE);
        }
        List<NascCell> a;
        List<NascCell> d;
        try (Workspace w = Workspace.open(fromArchive)) {
            a = w.nascCells("dy1201").stream().sorted(Comparator.comparingInt(NascCell::interval).thenComparingInt(NascCell::layer)).toList();
        }
        try (Workspace w = Workspace.open(fromDesktop)) {
            d = w.nascCells("dy1201").stream().sorted(Comparator.comparingInt(NascCell::interval).thenComparingInt(NascCell::layer)).toList();
        }
        assertThat(a).hasSameSizeAs(d).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).interval()).isEqualTo(d.get(i).interval());
            assertThat(a.get(i).layer()).isEqualTo(d.get(i).layer());
            assertThat(a.get(i).time().truncatedTo(ChronoUnit.MICROS)).isEqualTo(d.get(i).time().truncatedTo(ChronoUnit.MICROS));
            assertThat(a.get(i).nascM2PerNmi2()).isCloseTo(d.get(i).nascM2PerNmi2(), within(1e-9 * Math.max(1, d.get(i).nascM2PerNmi2())));
            assertThat(a.get(i).source()).isEqualTo(d.get(i).source());
        }

        ImportArchive.Summary again = ImportArchive.run(spark, out.toString(), "dy1201", 38, fromArchive);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).isEqualTo(1);
    }

    @Test
    void aSurveyTheRunDoesNotHaveIsNamedWithWhatItHas(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("archive/dy1201"));
        Files.copy(IntegrateJobTest.RAW, dir.resolve(IntegrateJobTest.RAW.getFileName()));
        Path out = tmp.resolve("out");
        IntegrateJob.run(spark, List.of(dir.toString()), out.toString(), IntegrateJobTest.options(false));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = ArchiveMain.execute(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), "import-archive",
                "--archive", out.toString(), "--survey", "2024-1", "--channel", "38", "--workspace", workspace(tmp.resolve("w.cardumen.gpkg")).toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("cardumen-archive: " + out + " has no cells of survey 2024-1 at 38.0 kHz; it has [dy1201 at 38.0 kHz]");
    }

    @Test
    void aDamagedParquetFileIsOneLineAndExitOne(@TempDir Path tmp) throws Exception {
        Path part = Files.createDirectories(tmp.resolve("out/nasc/survey=dy1201/channel_khz=38.0")).resolve("part-00000-x.snappy.parquet");
        Files.write(part, "PAR1 this is not a Parquet file PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.StringWriter err = new java.io.StringWriter();
        int code = ArchiveMain.execute(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), "import-archive",
                "--archive", tmp.resolve("out").toString(), "--survey", "dy1201", "--channel", "38", "--workspace",
                workspace(tmp.resolve("w.cardumen.gpkg")).toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("cardumen-archive: ").doesNotContain("\n").doesNotContain("\tat ");
    }
}
