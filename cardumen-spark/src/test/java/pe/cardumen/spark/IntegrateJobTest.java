package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;

/**
 * {@code archive integrate} in Spark local mode on the bundled real EK60 file (NOAA DY1201, with its
 * {@code .bot}): the cells equal those of the desktop's integrator on the same files, a corrupt file
 * among good ones is recorded and the rest complete, a second run skips everything, and a survey
 * folder's consecutive files continue their distance intervals as the desktop does over both.
 */
class IntegrateJobTest {
    static final Path RAW = Path.of("sample-data/echosounder/DY1201_EK60-D20120214-T231011.raw");
    static final Path BOT = Path.of("sample-data/echosounder/DY1201_EK60-D20120214-T231011.bot");
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("IntegrateJobTest").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        spark.close();
    }

    static IntegrateOptions options(boolean byFolder) {
        return new IntegrateOptions(38, null, false, null, null, false, null, null, null, null, byFolder);
    }

    /** The desktop's cells for the files, as {@code cardumen sonar integrate} computes them. */
    static List<IntegrationCell> desktop(List<Path> files) throws Exception {
        return new RawFileIntegrator().integrate(files, 38, IntegrationSettings.DEFAULT, CalibrationOverrides.NONE, IntegrateTask.zones(),
                ProgressListener.NONE, CancellationToken.NONE).cells();
    }

    static List<Row> sparkCells(Path out, String survey) {
        return spark.read().parquet(out.resolve("nasc").toString()).where("survey = '" + survey + "'")
                .orderBy("file", "interval", "layer").collectAsList();
    }

    static void assertSameCells(List<Row> rows, List<IntegrationCell> expected) {
        assertThat(rows).hasSize(expected.size());
        List<IntegrationCell> sorted = expected.stream().sorted(Comparator.comparingInt(IntegrationCell::interval).thenComparingInt(IntegrationCell::layer))
                .toList();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            IntegrationCell c = sorted.get(i);
            assertThat(r.<Integer>getAs("interval")).isEqualTo(c.interval());
            assertThat(r.<Integer>getAs("layer")).isEqualTo(c.layer());
            assertThat(r.<Integer>getAs("n_pings")).isEqualTo(c.pings());
            assertThat(r.<Long>getAs("n_samples")).isEqualTo(c.samples());
            // Parquet timestamps hold microseconds; Simrad's clock ticks are 100 ns
            assertThat(r.<java.sql.Timestamp>getAs("time_start_utc").toInstant()).isEqualTo(c.timeStart().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(r.<java.sql.Timestamp>getAs("time_end_utc").toInstant()).isEqualTo(c.timeEnd().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(r.<String>getAs("zone")).isEqualTo(c.zone());
            double nasc = r.getAs("nasc_m2_per_nmi2");
            assertThat(nasc).isCloseTo(c.nascM2PerNmi2(), within(1e-9 * Math.max(1, Math.abs(c.nascM2PerNmi2()))));
            assertThat(r.<Double>getAs("lat")).isEqualTo(c.lat());
            assertThat(r.<Double>getAs("depth_min_m")).isEqualTo(c.depthMinM());
        }
    }

    @Test
    void cellsEqualTheDesktopsAndACorruptFileIsRecordedWhileTheRestCompleteThenASecondRunSkipsEverything(@TempDir Path tmp) throws Exception {
        Path survey = Files.createDirectories(tmp.resolve("archive/dy1201"));
        Files.copy(RAW, survey.resolve(RAW.getFileName()));
        Files.copy(BOT, survey.resolve(BOT.getFileName()));
        byte[] garbage = new byte[50_000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(survey.resolve("garbage-D20120215-T000000.raw"), garbage);
        Path out = tmp.resolve("out");

        IntegrateJob.Summary first = IntegrateJob.run(spark, List.of(tmp.resolve("archive").toString()), out.toString(), options(false));

        assertThat(first.files()).isEqualTo(2);
        assertThat(first.ok()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        Row bad = first.status().stream().filter(r -> r.getString(0).contains("garbage")).findFirst().orElseThrow();
        assertThat(bad.getString(5)).isEqualTo("failed");
        assertThat(bad.getString(6)).contains("garbage-D20120215-T000000.raw").doesNotContain("cardumen-archive-");
        assertThat(bad.getString(3)).isEqualTo(pe.cardumen.io.FileDigest.sha256(survey.resolve("garbage-D20120215-T000000.raw")));
        Row good = first.status().stream().filter(r -> r.getString(0).contains("DY1201")).findFirst().orElseThrow();
        assertThat(good.getString(3)).isEqualTo(pe.cardumen.io.FileDigest.sha256(RAW));
        assertThat(good.getLong(1)).isEqualTo(Files.size(RAW));

        List<IntegrationCell> expected = desktop(List.of(RAW));
        assertThat(expected).isNotEmpty();
        assertSameCells(sparkCells(out, "dy1201"), expected);

        IntegrateJob.Summary second = IntegrateJob.run(spark, List.of(tmp.resolve("archive").toString()), out.toString(), options(false));
        assertThat(second.ok()).isZero();
        assertThat(second.skipped()).isEqualTo(1);
        assertThat(second.failed()).isEqualTo(1); // a corrupt file stays corrupt: tried again, recorded again
        assertThat(second.cells()).isZero();
        assertThat(sparkCells(out, "dy1201")).hasSize(expected.size());

        // other settings are another integration of the same bytes: not skipped
        IntegrateOptions coarser = new IntegrateOptions(38, "2nmi", false, null, null, false, null, null, null, "dy1201-2nmi", false);
        IntegrateJob.Summary third = IntegrateJob.run(spark, List.of(survey.resolve(RAW.getFileName()).toString()), out.toString(), coarser);
        assertThat(third.ok()).isEqualTo(1);
        assertThat(sparkCells(out, "dy1201-2nmi")).hasSize(new RawFileIntegrator().integrate(List.of(RAW), 38,
                IntegrationSettings.DEFAULT.withInterval(2), CalibrationOverrides.NONE, IntegrateTask.zones(), ProgressListener.NONE,
                CancellationToken.NONE).cells().size());
    }

    @Test
    void aRenamedCopyOfAFileDoneBeforeIsRecognisedByItsSha256AfterItsOnePassAndSkipped(@TempDir Path tmp) throws Exception {
        Path survey = Files.createDirectories(tmp.resolve("archive/dy1201"));
        Files.copy(RAW, survey.resolve(RAW.getFileName()));
        Path out = tmp.resolve("out");
        IntegrateJob.Summary first = IntegrateJob.run(spark, List.of(survey.toString()), out.toString(), options(false));
        assertThat(first.ok()).isEqualTo(1);
        long cells = sparkCells(out, "dy1201").size();
        assertThat(cells).isPositive();

        // the same bytes under another name are not known by name, so they are integrated, hashed in that
        // pass, found done, and their cells dropped
        Path renamed = Files.createDirectories(tmp.resolve("again/dy1201"));
        Files.copy(RAW, renamed.resolve("DY1201_EK60-D20120214-T231011-copy.raw"));
        IntegrateJob.Summary second = IntegrateJob.run(spark, List.of(renamed.toString()), out.toString(), options(false));
        assertThat(second.skipped()).isEqualTo(1);
        assertThat(second.ok()).isZero();
        assertThat(second.cells()).isZero();
        Row row = second.status().get(0);
        assertThat(row.getString(0)).endsWith("-copy.raw");
        assertThat(row.getString(3)).isEqualTo(pe.cardumen.io.FileDigest.sha256(RAW));
        assertThat(sparkCells(out, "dy1201")).hasSize((int) cells);
    }

    @Test
    void aSurveyFoldersConsecutiveFilesContinueTheirDistanceIntervalsAsTheDesktopDoesOverBoth(@TempDir Path tmp) throws Exception {
        Path survey = Files.createDirectories(tmp.resolve("2012-1"));
        Path[] halves = split(RAW, survey.resolve("DY1201_EK60-D20120214-T231011.raw"), survey.resolve("DY1201_EK60-D20120214-T233000.raw"));
        Path out = tmp.resolve("out");

        IntegrateJob.Summary s = IntegrateJob.run(spark, List.of(survey.toUri().toString()), out.toString(), options(true));

        assertThat(s.ok()).isEqualTo(2);
        List<IntegrationCell> overBoth = desktop(List.of(halves));
        List<Row> rows = sparkCells(out, "2012-1");
        assertSameCells(rows, overBoth);
        // one interval sequence over both files, not two restarting at 0
        long intervalsPerFile = desktop(List.of(halves[0])).stream().mapToInt(IntegrationCell::interval).distinct().count()
                + desktop(List.of(halves[1])).stream().mapToInt(IntegrationCell::interval).distinct().count();
        assertThat(rows.stream().mapToInt(r -> r.<Integer>getAs("interval")).distinct().count()).isLessThan(intervalsPerFile);
    }

    @Test
    void filesOfOtherFileSystemsAreCopiedThroughHadoopWithTheirSha256(@TempDir Path tmp) throws Exception {
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
        ArchiveFiles.LocalCopy c = ArchiveFiles.copy(RAW.toAbsolutePath().toUri(), tmp, conf);
        assertThat(c.path()).startsWith(tmp).hasSameBinaryContentAs(RAW);
        assertThat(c.bytes()).isEqualTo(Files.size(RAW));
        assertThat(c.sha256()).isEqualTo(pe.cardumen.io.FileDigest.sha256(RAW));
        assertThat(ArchiveFiles.copyIfExists(tmp.resolve("none.bot").toUri(), tmp, conf)).isNull();
        // a file: URI is read where it is, not copied and not hashed here: the integration's own pass hashes it
        ArchiveFiles.LocalCopy here = ArchiveFiles.local(RAW.toAbsolutePath().toUri(), tmp, conf);
        assertThat(here.path()).isEqualTo(RAW.toAbsolutePath());
        assertThat(here.bytes()).isEqualTo(Files.size(RAW));
        assertThat(here.sha256()).isNull();
    }

    @Test
    void badInputIsOneLineAndExitOne(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        int code = ArchiveMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "integrate",
                tmp.resolve("nowhere").toString(), "--out", tmp.resolve("out").toString(), "--channel", "38");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("cardumen-archive: ").contains("nowhere").contains("no such file or folder")
                .doesNotContain("\n").doesNotContain("Exception");

        err.getBuffer().setLength(0);
        code = ArchiveMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "integrate", RAW.toString(),
                "--out", tmp.resolve("out").toString(), "--channel", "38", "--layers", "10-250");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("cardumen-archive: layers '10-250' must be top:bottom:thickness in metres, e.g. 10:250:10");
    }

    @Test
    void aChannelNoFileHasIsRecordedPerFile(@TempDir Path tmp) throws Exception {
        IntegrateOptions o = new IntegrateOptions(333, null, false, null, null, false, null, null, null, "x", false);
        IntegrateJob.Summary s = IntegrateJob.run(spark, List.of(RAW.toString()), tmp.resolve("out").toString(), o);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.status().get(0).getString(6)).contains("has no 333 kHz channel");
    }

    @Test
    void aChannelNoFileHasIsOneLineAndExitOneFromTheCommand(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        int code = ArchiveMain.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "integrate", RAW.toString(), "--out",
                tmp.resolve("out").toString(), "--channel", "333");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("cardumen-archive: no file has a 333 kHz channel (e.g. ").endsWith("choose --channel among theirs")
                .contains("has no 333 kHz channel; it has [").doesNotContain("\n");
    }

    /**
     * Splits a raw file into two at a ping boundary near its middle: the first keeps the header and
     * the first pings, the second gets the same configuration datagram and the rest (as a sounder
     * starting a new file does).
     */
    static Path[] split(Path raw, Path first, Path second) throws Exception {
        byte[] b = Files.readAllBytes(raw);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        int configEnd = -1;
        int cut = -1;
        byte[] lastPingTime = null;
        while (pos + 4 <= b.length) {
            int len = buf.getInt(pos);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (configEnd < 0) {
                configEnd = pos + len + 8;
            }
            if (type.startsWith("RAW")) {
                byte[] time = Arrays.copyOfRange(b, pos + 8, pos + 16);
                if (pos > b.length / 2 && lastPingTime != null && !Arrays.equals(time, lastPingTime)) {
                    cut = pos;
                    break;
                }
                lastPingTime = time;
            }
            pos += len + 8;
        }
        assertThat(cut).isPositive();
        Files.write(first, Arrays.copyOfRange(b, 0, cut));
        byte[] rest = new byte[configEnd + b.length - cut];
        System.arraycopy(b, 0, rest, 0, configEnd);
        System.arraycopy(b, cut, rest, configEnd, b.length - cut);
        Files.write(second, rest);
        return new Path[] {first, second};
    }
}
