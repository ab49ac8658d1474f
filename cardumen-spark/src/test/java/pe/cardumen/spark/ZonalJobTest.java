package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.ocean.Log10Field;
import pe.cardumen.ocean.ZonalStatistics;

/**
 * {@code archive zonal} in local mode on the bundled OISST (NetCDF-3 and GeoTIFF) and VIIRS
 * chlorophyll files: every row equals what {@code cardumen satellite zonal} computes from the same
 * file (the desktop's classes called as its command calls them), a corrupt grid is recorded and the
 * rest complete, and a second run skips every file.
 */
class ZonalJobTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ZonalJobTest").config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() throws java.io.IOException {
        spark.close();
    }

    /** {@code satellite zonal}'s rows as "time,zone,mean,min,max,std,n_valid,valid_fraction,unit" strings. */
    static List<String> desktop(Path file, List<Instant> dates, boolean log10) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CfGrid g = CfGrid.open(file, null, dates)) {
            ZonalStatistics stats = new ZonalStatistics(IntegrateTask.zones(), g.latitudes(), g.longitudes());
            Instant[] times = g.times();
            for (int t = 0; t < times.length; t++) {
                float[] step = log10 ? Log10Field.of(g.step(t)) : g.step(t);
                for (ZonalStatistics.ZoneStat s : stats.compute(step)) {
                    rows.add(line(times[t], s.zone(), s.mean(), s.min(), s.max(), s.std(), s.nValid(), s.validFraction(), log10 ? Log10Field.UNIT : g.unit()));
                }
            }
        }
        return rows;
    }

    static String line(Instant t, String zone, double mean, double min, double max, double std, int n, double frac, String unit) {
        return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%d,%s,%s", t, zone, mean, min, max, std, n, frac, unit);
    }

    static List<String> spark(Path out, String file) {
        List<String> rows = new ArrayList<>();
        for (Row r : spark.read().parquet(out.resolve("zonal").toString()).where("file LIKE '%" + file + "'").collectAsList()) {
            java.sql.Timestamp t = r.getAs("time_utc");
            rows.add(line(t == null ? null : t.toInstant(), r.getAs("zone"), r.getAs("mean"), r.getAs("min"), r.getAs("max"), r.getAs("std"),
                    r.<Integer>getAs("n_valid"), r.getAs("valid_fraction"), r.getAs("unit")));
        }
        return rows;
    }

    @Test
    void rowsEqualTheDesktopsForNetcdfAndGeotiffACorruptGridIsRecordedAndASecondRunSkips(@TempDir Path tmp) throws Exception {
        Path grids = Files.createDirectories(tmp.resolve("grids"));
        Path nc = Files.copy(Path.of("sample-data/satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"), grids.resolve("oisst.nc"));
        Path tif = Files.copy(Path.of("sample-data/satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"),
                grids.resolve("oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"));
        Files.write(grids.resolve("broken.nc"), "CDF\u0001 not really".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path out = tmp.resolve("out");

        ZonalJob.Summary s = ZonalJob.run(spark, List.of(grids.toString()), out.toString(), new ZonalJob.Options(null, false));

        assertThat(s.ok()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(s.status().stream().filter(r -> r.getString(5).equals("failed")).findFirst().orElseThrow().getString(6)).contains("broken.nc");
        List<String> ncRows = desktop(nc, null, false);
        assertThat(ncRows).hasSizeGreaterThan(930);
        assertThat(spark(out, "oisst.nc")).containsExactlyInAnyOrderElementsOf(ncRows);
        List<String> tifRows = desktop(tif, List.of(Instant.parse("2026-01-15T12:00:00Z")), false);
        assertThat(spark(out, tif.getFileName().toString())).containsExactlyInAnyOrderElementsOf(tifRows);

        ZonalJob.Summary again = ZonalJob.run(spark, List.of(grids.toString()), out.toString(), new ZonalJob.Options(null, false));
        assertThat(again.skipped()).isEqualTo(2);
        assertThat(again.rows()).isZero();
    }

    @Test
    void chlorophyllAsLog10(@TempDir Path tmp) throws Exception {
        Path chl = Path.of("sample-data/satellite/erddap_viirs_chla_monthly.nc");
        Path out = tmp.resolve("out");
        ZonalJob.Summary s = ZonalJob.run(spark, List.of(chl.toString()), out.toString(), new ZonalJob.Options(null, true));
        assertThat(s.ok()).isEqualTo(1);
        assertThat(spark(out, chl.getFileName().toString())).containsExactlyInAnyOrderElementsOf(desktop(chl, null, true));
        assertThat(spark.read().parquet(out.resolve("zonal").toString()).select("variable").distinct().collectAsList())
                .extracting(r -> r.getString(0)).allMatch(v -> v.startsWith("log10_"));
    }

    @Test
    void aFolderWithoutGridsIsOneLine(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "no grids here");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = ArchiveMain.execute(new java.io.PrintWriter(new java.io.StringWriter(), true), new java.io.PrintWriter(err, true), "zonal",
                tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("cardumen-archive: " + tmp + ": holds no .nc, .tif or .tiff file");
    }
}
