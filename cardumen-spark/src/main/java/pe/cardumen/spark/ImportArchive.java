package pe.cardumen.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.workspace.Workspace;

/**
 * {@code import-archive}: one survey's NASC cells of an {@code archive integrate} run into a desktop
 * workspace, one import per source (file or folder group) with its SHA-256, so that a manager opens
 * what the cluster computed; importing the same run again is skipped, as a second desktop import of
 * the same file is (the workspace's duplicate rule).
 */
public final class ImportArchive {
    /** What was imported. */
    public record Summary(int sources, int imported, int skipped, long cells) {
    }

    private ImportArchive() {
    }

    public static Summary run(SparkSession spark, String archive, String survey, double channelKhz, Path workspace) throws Exception {
        org.apache.hadoop.fs.Path nasc = new org.apache.hadoop.fs.Path(archive, "nasc");
        if (!nasc.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(nasc)) {
            throw new IllegalArgumentException(archive + ": holds no nasc/ folder; is it the --out of 'archive integrate'?");
        }
        List<Row> rows = spark.read().schema(IntegrateJob.CELLS).parquet(nasc.toString())
                .where(org.apache.spark.sql.functions.col("survey").equalTo(survey).and(org.apache.spark.sql.functions.col("channel_khz").equalTo(channelKhz)))
                .orderBy("file", "interval", "layer").collectAsList();
        if (rows.isEmpty()) {
            List<String> have = spark.read().schema(IntegrateJob.CELLS).parquet(nasc.toString()).select("survey", "channel_khz").distinct()
                    .orderBy("survey", "channel_khz").collectAsList().stream().map(r -> r.getString(0) + " at " + r.getDouble(1) + " kHz").toList();
            throw new IllegalArgumentException(archive + " has no cells of survey " + survey + " at " + channelKhz + " kHz; it has " + have);
        }
        Map<String, List<Row>> bySource = new LinkedHashMap<>();
        for (Row r : rows) {
            bySource.computeIfAbsent(r.<String>getAs("file") + "|" + r.<String>getAs("source_sha256") + "|" + r.<String>getAs("settings"),
                    k -> new ArrayList<>()).add(r);
        }
        int imported = 0;
        int skipped = 0;
        String channel = String.format(Locale.ROOT, "%.0f kHz", channelKhz);
        try (Workspace ws = Workspace.open(workspace)) {
            for (List<Row> source : bySource.values()) {
                Row first = source.get(0);
                String file = first.getAs("file");
                String name = new org.apache.hadoop.fs.Path(file.replace(" …", "")).getName() + (file.endsWith(" …") ? " …" : "");
                List<NascCell> cells = new ArrayList<>();
                List<String> zones = new ArrayList<>();
                for (Row r : source) {
                    cells.add(new NascCell(name, channel, "", r.<Integer>getAs("interval"), r.<Integer>getAs("layer"),
                            r.<java.sql.Timestamp>getAs("time_start_utc").toInstant(), r.<Double>getAs("lat"), r.<Double>getAs("lon"), r.<Double>getAs("depth_min_m"),
                            r.<Double>getAs("depth_max_m"), r.<Double>getAs("sv_mean_db"), r.<Double>getAs("nasc_m2_per_nmi2")));
                    zones.add(r.getAs("zone"));
                }
                Provenance p = new Provenance(name, first.<Long>getAs("source_bytes"), first.getAs("source_sha256"), "cardumen-spark archive integrate",
                        AppInfo.version(), Instant.now());
                var stored = ws.importNasc("sonar", p, first.<String>getAs("settings") + ";archive=" + archive, cells, zones, List.of(), 0, survey);
                if (stored.skipped()) {
                    skipped++;
                } else {
                    imported++;
                }
            }
        }
        return new Summary(bySource.size(), imported, skipped, rows.size());
    }
}
