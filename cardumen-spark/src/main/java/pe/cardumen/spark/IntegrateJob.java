package pe.cardumen.spark;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code archive integrate}: raw files → NASC cells as Parquet ({@code OUT/nasc}, partitioned by
 * survey and channel, with each cell's zone) and a status table ({@code OUT/status}: file, bytes,
 * pings, SHA-256, settings, status, message). Files go to executors one per task, or one survey
 * folder per task so that distance intervals continue across its files. A file already done under
 * {@code OUT} with the same SHA-256 and settings is skipped, so a re-run resumes an interrupted one
 * and a second run over the same files writes nothing new. A corrupt file is recorded and skipped.
 */
public final class IntegrateJob {
    /**
     * The NASC table's columns: {@code sonar integrate}'s CSV columns plus survey, channel, the source
     * (the file, or a folder group's first file followed by "…"), its SHA-256 (of the file; of a group,
     * the SHA-256 of its files' SHA-256 in order), its bytes and the integration settings.
     */
    public static final StructType CELLS = new StructType()
            .add("survey", DataTypes.StringType, false)
            .add("channel_khz", DataTypes.DoubleType, false)
            .add("file", DataTypes.StringType, false)
            .add("source_sha256", DataTypes.StringType, false)
            .add("source_bytes", DataTypes.LongType, false)
            .add("settings", DataTypes.StringType, false)
            .add("interval", DataTypes.IntegerType, false)
            .add("layer", DataTypes.IntegerType, false)
            .add("time_start_utc", DataTypes.TimestampType, false)
            .add("time_end_utc", DataTypes.TimestampType, false)
            .add("lat", DataTypes.DoubleType, false)
            .add("lon", DataTypes.DoubleType, false)
            .add("depth_min_m", DataTypes.DoubleType, false)
            .add("depth_max_m", DataTypes.DoubleType, false)
            .add("sv_mean_db", DataTypes.DoubleType, false)
            .add("nasc_m2_per_nmi2", DataTypes.DoubleType, false)
            .add("n_pings", DataTypes.IntegerType, false)
            .add("n_samples", DataTypes.LongType, false)
            .add("zone", DataTypes.StringType, false);

    /** The status table's columns; {@code pings} is the pings of the file's task (its folder's in folder mode). */
    public static final StructType STATUS = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("bytes", DataTypes.LongType, true)
            .add("pings", DataTypes.IntegerType, true)
            .add("sha256", DataTypes.StringType, true)
            .add("settings", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true)
            .add("survey", DataTypes.StringType, false)
            .add("run_at", DataTypes.TimestampType, false);

    /** What a run did, for the summary line. */
    public record Summary(int files, int ok, int failed, int skipped, long cells, long bytes, double seconds, List<Row> status) {
        public double megabytesPerSecond() {
            return seconds > 0 ? bytes / 1e6 / seconds : 0;
        }
    }

    private IntegrateJob() {
    }

    /**
     * Runs the job.
     *
     * @param inputs folders, globs or files by Hadoop URI
     * @param out    the output folder (Hadoop URI)
     * @throws IllegalArgumentException naming an input that holds no raw file
     */
    public static Summary run(SparkSession spark, List<String> inputs, String out, IntegrateOptions options) throws IOException {
        long start = System.nanoTime();
        options.settings(); // options that do not parse fail here, on the driver, in one line
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<URI> files = ArchiveFiles.list(inputs, ".raw", conf);
        List<IntegrateTask.Group> groups = groups(files, options);
        String statusPath = new Path(out, "status").toString();
        Set<String> done = done(spark, statusPath, conf);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Set<String>> doneB = jsc.broadcast(done);
        long runAt = System.currentTimeMillis();
        // one pass: each task integrates its groups one after the other and streams their cells to its
        // Parquet writer; the status rows come back through an accumulator (applied once per successful
        // task). A few tasks per core, not one per file: a writer costs more to open than a file to integrate.
        int slices = Math.max(1, Math.min(groups.size(), 4 * spark.sparkContext().defaultParallelism()));
        CollectionAccumulator<Row> statusAcc = spark.sparkContext().collectionAccumulator("cardumen status");
        LongAccumulator cellAcc = spark.sparkContext().longAccumulator("cardumen cells");
        JavaRDD<Row> cells = jsc.parallelize(groups, slices).flatMap(g -> {
            IntegrateTask.Result r = IntegrateTask.run(g, options, doneB.value(), runAt);
            r.status().forEach(statusAcc::add);
            cellAcc.add(r.cells().size());
            return r.cells().iterator();
        });
        try {
            spark.createDataFrame(cells, CELLS).write().mode(SaveMode.Append).partitionBy("survey", "channel_khz")
                    .parquet(new Path(out, "nasc").toString());
            List<Row> status = new ArrayList<>(statusAcc.value());
            status.sort(java.util.Comparator.comparing(r -> r.getString(0)));
            spark.createDataFrame(status, STATUS).coalesce(1).write().mode(SaveMode.Append).parquet(statusPath);
            int ok = 0;
            int failed = 0;
            int skipped = 0;
            long bytes = 0;
            for (Row r : status) {
                switch (r.getString(5)) {
                    case "ok" -> ok++;
                    case "failed" -> failed++;
                    default -> skipped++;
                }
                if (!r.getString(5).equals("skipped") && !r.isNullAt(1)) {
                    bytes += r.getLong(1);
                }
            }
            return new Summary(status.size(), ok, failed, skipped, cellAcc.value(), bytes, (System.nanoTime() - start) / 1e9, status);
        } finally {
            doneB.destroy();
        }
    }

    /** One group per file, or per folder (files in name order) when the options say so; survey from the options or the folder's name. */
    static List<IntegrateTask.Group> groups(List<URI> files, IntegrateOptions o) {
        Map<String, List<URI>> byFolder = new LinkedHashMap<>();
        for (URI f : files) {
            String folder = new Path(f).getParent().toString();
            byFolder.computeIfAbsent(o.byFolder() ? folder : f.toString(), k -> new ArrayList<>()).add(f);
        }
        List<IntegrateTask.Group> groups = new ArrayList<>();
        for (List<URI> g : byFolder.values()) {
            String survey = o.survey() != null ? o.survey() : new Path(g.get(0)).getParent().getName();
            groups.add(new IntegrateTask.Group(survey, List.copyOf(g)));
        }
        return groups;
    }

    /**
     * "sha256|settings" of every file an earlier run under the same output did (or found done), and
     * "file|bytes|settings" of the same rows, by which a task knows which files to hash before integrating.
     */
    private static Set<String> done(SparkSession spark, String statusPath, Configuration conf) throws IOException {
        Set<String> done = new HashSet<>();
        Path p = new Path(statusPath);
        if (!p.getFileSystem(conf).exists(p)) {
            return done;
        }
        Dataset<Row> prior = spark.read().schema(STATUS).parquet(statusPath).where("status <> 'failed' AND sha256 IS NOT NULL")
                .select("sha256", "settings", "file", "bytes").distinct();
        for (Row r : prior.collectAsList()) {
            done.add(r.getString(0) + "|" + r.getString(1));
            if (!r.isNullAt(3)) {
                done.add(IntegrateTask.byName(URI.create(r.getString(2)), r.getLong(3), r.getString(1)));
            }
        }
        return done;
    }
}
