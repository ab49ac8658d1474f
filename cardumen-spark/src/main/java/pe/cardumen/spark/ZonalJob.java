package pe.cardumen.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.ocean.Log10Field;
import pe.cardumen.ocean.ZonalStatistics;

/**
 * {@code archive zonal}: satellite grids (NetCDF-3/4, GeoTIFF) → statistics per zone and time step as
 * Parquet ({@code OUT/zonal}, partitioned by variable), computed by the desktop's
 * {@link ZonalStatistics} exactly as {@code cardumen satellite zonal} computes them, one task per file;
 * a status table ({@code OUT/zonal-status}) with one row per file. Same SHA-256 and settings as an
 * earlier run: skipped. A file the readers refuse: recorded with its reason, the rest go on.
 */
public final class ZonalJob {
    public static final StructType STATS = new StructType()
            .add("variable", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, false)
            .add("time_utc", DataTypes.TimestampType, true)
            .add("zone", DataTypes.StringType, false)
            .add("mean", DataTypes.DoubleType, false)
            .add("min", DataTypes.DoubleType, false)
            .add("max", DataTypes.DoubleType, false)
            .add("std", DataTypes.DoubleType, false)
            .add("n_valid", DataTypes.IntegerType, false)
            .add("valid_fraction", DataTypes.DoubleType, false)
            .add("unit", DataTypes.StringType, false);

    public static final StructType STATUS = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, true)
            .add("time_steps", DataTypes.IntegerType, true)
            .add("sha256", DataTypes.StringType, true)
            .add("settings", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true)
            .add("run_at", DataTypes.TimestampType, false);

    /**
     * Options of {@code archive zonal}.
     *
     * @param variable the variable, or {@code null} for the file's SST or chlorophyll variable
     * @param log10    statistics of log10 of the values (chlorophyll)
     */
    public record Options(String variable, boolean log10) implements Serializable {
        String key() {
            return "variable=" + (variable == null ? "default" : variable) + ";log10=" + log10;
        }
    }

    /** What a run did. */
    public record Summary(int files, int ok, int failed, int skipped, long rows, List<Row> status) {
    }

    private record Result(List<Row> stats, Row status) implements Serializable {
    }

    private ZonalJob() {
    }

    public static Summary run(SparkSession spark, List<String> inputs, String out, Options options) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<URI> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String input : inputs) {
            List<URI> found = new ArrayList<>();
            for (String suffix : List.of(".nc", ".tif", ".tiff")) {
                try {
                    found.addAll(ArchiveFiles.list(List.of(input), suffix, conf));
                } catch (IllegalArgumentException e) {
                    if (e.getMessage().contains("no such file")) {
                        throw e;
                    }
                }
            }
            if (found.isEmpty()) {
                missing.add(input);
            }
            files.addAll(found);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", missing) + ": holds no .nc, .tif or .tiff file");
        }
        files = files.stream().distinct().sorted().toList();
        String statusPath = new org.apache.hadoop.fs.Path(out, "zonal-status").toString();
        Set<String> done = new HashSet<>();
        org.apache.hadoop.fs.Path sp = new org.apache.hadoop.fs.Path(statusPath);
        if (sp.getFileSystem(conf).exists(sp)) {
            Dataset<Row> prior = spark.read().schema(STATUS).parquet(statusPath).where("status <> 'failed' AND sha256 IS NOT NULL");
            for (Row r : prior.select("sha256", "settings").distinct().collectAsList()) {
                done.add(r.getString(0) + "|" + r.getString(1));
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Set<String>> doneB = jsc.broadcast(done);
        long runAt = System.currentTimeMillis();
        int slices = Math.max(1, Math.min(files.size(), 4 * spark.sparkContext().defaultParallelism()));
        CollectionAccumulator<Row> statusAcc = spark.sparkContext().collectionAccumulator("cardumen zonal status");
        LongAccumulator rowAcc = spark.sparkContext().longAccumulator("cardumen zonal rows");
        JavaRDD<Row> stats = jsc.parallelize(files, slices).flatMap(f -> {
            Result r = task(f, options, doneB.value(), runAt);
            statusAcc.add(r.status());
            rowAcc.add(r.stats().size());
            return r.stats().iterator();
        });
        try {
            spark.createDataFrame(stats, STATS).write().mode(SaveMode.Append).partitionBy("variable")
                    .parquet(new org.apache.hadoop.fs.Path(out, "zonal").toString());
            List<Row> status = new ArrayList<>(statusAcc.value());
            status.sort(Comparator.comparing(r -> r.getString(0)));
            spark.createDataFrame(status, STATUS).coalesce(1).write().mode(SaveMode.Append).parquet(statusPath);
            int ok = (int) status.stream().filter(r -> r.getString(5).equals("ok")).count();
            int failed = (int) status.stream().filter(r -> r.getString(5).equals("failed")).count();
            return new Summary(status.size(), ok, failed, status.size() - ok - failed, rowAcc.value(), status);
        } finally {
            doneB.destroy();
        }
    }

    /** yyyy-MM-dd or yyyyMMdd in a GeoTIFF's name: the date of its one band. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})-?(\\d{2})(?!\\d)");

    /** The date of a single-band GeoTIFF from its name (noon UTC, as {@code satellite zonal --dates} takes a date), or {@code null}. */
    static List<Instant> datesFromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".tif") || lower.endsWith(".tiff"))) {
            return null;
        }
        Matcher m = DATE.matcher(name);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.parse(m.group(1) + m.group(2) + m.group(3), DateTimeFormatter.BASIC_ISO_DATE);
                return List.of(d.atTime(12, 0).toInstant(ZoneOffset.UTC));
            } catch (java.time.format.DateTimeParseException ignored) {
                // not a date; look further along the name
            }
        }
        return null;
    }

    /** Zonal statistics per grid geometry, kept per executor JVM (an archive's grids share a few). */
    private static final Map<Integer, ZonalStatistics> BY_GRID = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ZonalStatistics> e) {
            return size() > 8;
        }
    });

    private static ZonalStatistics statistics(double[] lat, double[] lon) throws IOException, FileFormatException {
        int key = 31 * Arrays.hashCode(lat) + Arrays.hashCode(lon);
        ZonalStatistics s = BY_GRID.get(key);
        if (s == null) {
            s = new ZonalStatistics(IntegrateTask.zones(), lat, lon);
            BY_GRID.put(key, s);
        }
        return s;
    }

    private static Result task(URI file, Options o, Set<String> done, long runAtMillis) throws IOException {
        Timestamp runAt = new Timestamp(runAtMillis);
        Path dir = Files.createTempDirectory("cardumen-archive-");
        List<Row> rows = new ArrayList<>();
        ArchiveFiles.LocalCopy c = null;
        try {
            c = ArchiveFiles.copy(file, dir, new Configuration());
            if (done.contains(c.sha256() + "|" + o.key())) {
                return new Result(rows, RowFactory.create(file.toString(), c.bytes(), null, c.sha256(), o.key(), "skipped",
                        "done before with the same SHA-256 and settings", runAt));
            }
            try (CfGrid g = CfGrid.open(c.path(), o.variable(), datesFromName(c.path().getFileName().toString()))) {
                ZonalStatistics stats = statistics(g.latitudes(), g.longitudes());
                Instant[] times = g.times();
                String unit = o.log10() ? Log10Field.UNIT : g.unit();
                String variable = o.log10() ? "log10_" + g.variableName() : g.variableName();
                for (int t = 0; t < times.length; t++) {
                    float[] step = o.log10() ? Log10Field.of(g.step(t)) : g.step(t);
                    for (ZonalStatistics.ZoneStat s : stats.compute(step)) {
                        rows.add(RowFactory.create(variable, file.toString(), times[t] == null ? null : Timestamp.from(times[t]), s.zone(), s.mean(), s.min(),
                                s.max(), s.std(), s.nValid(), s.validFraction(), unit));
                    }
                }
                return new Result(rows, RowFactory.create(file.toString(), c.bytes(), times.length, c.sha256(), o.key(), "ok",
                        g.skippedRows() > 0 ? g.skippedRows() + " rows skipped" : "", runAt));
            }
        } catch (FileFormatException | IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace(dir.toString() + "/", "");
            return new Result(List.of(), RowFactory.create(file.toString(), c == null ? null : c.bytes(), null, c == null ? null : c.sha256(), o.key(),
                    "failed", m, runAt));
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
