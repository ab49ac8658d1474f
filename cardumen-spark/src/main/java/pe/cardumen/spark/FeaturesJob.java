package pe.cardumen.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.Services;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.workspace.Workspace;

/**
 * {@code archive features}: the zone × period feature table from an archive's zonal Parquet (the
 * output of {@code archive zonal}) and the surveys' biomass runs of a workspace, built by the desktop's
 * {@link FeatureBuilder} — the same code as {@code cardumen features}, fed with monthly sums that Spark
 * reduces from the archive's (possibly billions of) zonal rows. Written as CSV
 * ({@code OUT/features.csv}, what {@code cardumen train --features} and the DVC pipeline read) and as
 * Parquet ({@code OUT/features}).
 */
public final class FeaturesJob {
    private static final Set<String> TEXT = Set.of("zone", "period", "survey", "stock", "season");

    private FeaturesJob() {
    }

    /** The feature table's columns with their Parquet types: text, 0/1 flags as integers, the rest doubles. */
    public static StructType schema() {
        StructType s = new StructType();
        for (String c : FeatureTable.COLUMNS) {
            DataType t = TEXT.contains(c) ? DataTypes.StringType : c.startsWith("missing_") || c.equals("simulated") ? DataTypes.IntegerType
                    : DataTypes.DoubleType;
            s = s.add(c, t, true);
        }
        return s;
    }

    /**
     * Builds and writes the table.
     *
     * @param zonal     the zonal Parquet folder ({@code archive zonal}'s {@code OUT/zonal})
     * @param workspace the workspace whose surveys' latest biomass runs give the targets (a survey
     *                  without one is computed and stored in it first, as {@code cardumen features} does)
     * @return what was built
     */
    public static FeatureBuilder.Built run(SparkSession spark, String zonal, Path workspace, FeatureBuilder.Periods periods, YearMonth from,
                                           YearMonth to, Path nino, Path oni, String out) throws Exception {
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        org.apache.hadoop.fs.Path zp = new org.apache.hadoop.fs.Path(zonal);
        if (!zp.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(zp)) {
            throw new IllegalArgumentException(zonal + ": not a zonal Parquet folder of 'archive zonal' (there is no such folder)");
        }
        Dataset<Row> rows;
        try {
            rows = spark.read().schema(ZonalJob.STATS).parquet(zonal);
            rows.first();
        } catch (Exception e) { // Spark's AnalysisException (thrown unchecked from Scala), or no row at all
            throw new IllegalArgumentException(zonal + ": not a zonal Parquet folder of 'archive zonal' (" + ArchiveMain.oneLine(e) + ")");
        }
        List<String> variables = rows.select("variable").distinct().orderBy("variable").collectAsList().stream().map(r -> r.getString(0)).toList();
        String sstVar = FeatureBuilder.sstVariable(variables);
        String chlVar = FeatureBuilder.chlorophyllVariable(variables);
        FeatureBuilder.Built built;
        Services services = Services.standard();
        try (Workspace ws = Workspace.open(workspace)) {
            ZoneLayer zones = new ZoneLayer(ws.zoneSource(), ws.zones());
            List<String> computed = new ArrayList<>();
            var densities = FeatureBuilder.densities(ws, zones, computed);
            built = new FeatureBuilder(services).build(zones, densities, computed, sstVar, sums(rows, sstVar), chlVar, sums(rows, chlVar), periods, from, to,
                    nino, oni);
        }
        org.apache.hadoop.fs.Path csv = new org.apache.hadoop.fs.Path(out, "features.csv");
        FileSystem fs = csv.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (Writer w = new OutputStreamWriter(fs.create(csv, true), StandardCharsets.UTF_8)) {
            FeatureTable.writeCsv(built.rows(), w);
        }
        // the Parquet copy holds the CSV's values (the same rounding), so that both readers see one table
        spark.read().schema(schema()).option("header", "true").option("nanValue", "NaN").csv(csv.toString()).coalesce(1).write()
                .mode(SaveMode.Overwrite).parquet(new org.apache.hadoop.fs.Path(out, "features").toString());
        return built;
    }

    /** A variable's zonal means summed per zone and month by Spark, handed to the desktop's table builder. */
    private static FeatureBuilder.MonthlySums sums(Dataset<Row> rows, String variable) {
        FeatureBuilder.MonthlySums s = new FeatureBuilder.MonthlySums();
        if (variable == null) {
            return s;
        }
        Dataset<Row> monthly = rows.where(col("variable").equalTo(variable).and(col("time_utc").isNotNull()).and(isnan(col("mean")).unary_$bang()))
                .groupBy(col("zone"), date_format(col("time_utc"), "yyyy-MM").as("month"))
                .agg(sum("mean").as("sum"), count("mean").as("n"))
                .orderBy("zone", "month");
        for (Row r : monthly.collectAsList()) {
            s.add(r.getString(0), YearMonth.parse(r.getString(1)), r.getDouble(2), r.getLong(3));
        }
        return s;
    }
}
