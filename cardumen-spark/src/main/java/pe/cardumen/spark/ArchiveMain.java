package pe.cardumen.spark;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cardumen-archive}: Cardumen's jobs over archives on Apache Spark. The same command runs in
 * embedded local mode ({@code --master local[*]}, the default without spark-submit), under
 * {@code spark-submit} on a standalone or YARN cluster, and on Kubernetes (the master comes from
 * spark-submit then). Errors are one line on standard error and exit 1; Spark logs warnings only.
 */
@Command(name = "cardumen-archive", mixinStandardHelpOptions = true, version = "cardumen-archive 0.1.0",
        description = "Cardumen's jobs over national archives on Apache Spark.",
        subcommands = {ArchiveMain.Integrate.class, ArchiveMain.Zonal.class, ArchiveMain.Features.class, ArchiveMain.ImportArchiveCommand.class, ArchiveMain.Tune.class})
public final class ArchiveMain implements Callable<Integer> {
    @Option(names = "--master", scope = CommandLine.ScopeType.INHERIT,
            description = "Spark master, e.g. local[*], local[2], spark://host:7077 (default: spark-submit's, else local[*]).")
    String master;

    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        ArchiveMain main = new ArchiveMain();
        main.out = out;
        main.err = err;
        return new CommandLine(main).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("cardumen-archive: " + oneLine(e));
                    return 1;
                })
                .setExitCodeExceptionMapper(e -> 1)
                .execute(args);
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof org.apache.spark.SparkException)) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 0;
    }

    SparkSession session(String app) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder b = SparkSession.builder().appName(app);
        if (master != null) {
            b.master(master);
        } else if (!conf.contains("spark.master")) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    @Command(name = "integrate", mixinStandardHelpOptions = true,
            description = "Echo-integrate an archive of Simrad EK60/EK80 CW .raw files (with their .bot files) into NASC cells: "
                    + "OUT/nasc (Parquet, by survey and channel, with each cell's zone) and OUT/status (one row per file). "
                    + "Files done before under OUT with the same SHA-256 and settings are skipped; corrupt files are recorded and skipped.")
    static final class Integrate implements Callable<Integer> {
        @CommandLine.ParentCommand
        ArchiveMain parent;

        @Parameters(arity = "1..*", description = "Folders (searched recursively), globs or .raw files, by Hadoop URI (file://, hdfs://, s3a://) or local path.")
        List<String> inputs;

        @Option(names = "--out", required = true, description = "Output folder (Hadoop URI or local path).")
        String out;

        @Option(names = "--channel", required = true, description = "Channel frequency in kHz, e.g. 38.")
        double channelKhz;

        @Option(names = "--survey", description = "The survey every file belongs to (default: the name of each file's folder).")
        String survey;

        @Option(names = "--group", defaultValue = "file",
                description = "file: one task per file (intervals restart in each file); folder: one task per folder, its files in name order, "
                        + "distance intervals continuing across them (default ${DEFAULT-VALUE}).")
        String group;

        @Option(names = "--interval", description = "Interval length along the track, e.g. 1nmi or 0.5nmi (default 1nmi).")
        String interval;

        @Option(names = "--per-ping", description = "One interval per ping instead of distance intervals.")
        boolean perPing;

        @Option(names = "--layers", description = "Depth layers top:bottom:thickness in metres (default 10:250:10).")
        String layers;

        @Option(names = "--threshold", description = "Sv threshold, dB re 1 m⁻¹ (default −70).")
        Double threshold;

        @Option(names = "--no-bottom", description = "Do not exclude samples below the bottom.")
        boolean noBottom;

        @Option(names = "--near-field", description = "Exclude samples closer than this to the transducer, m (default 2).")
        Double nearField;

        @Option(names = "--surface", description = "Exclude samples shallower than this depth, m (default 0).")
        Double surface;

        @Option(names = "--ecs", description = "An Echoview calibration file (.ecs, local) to use instead of the files' own calibration.")
        Path ecs;

        @Override
        public Integer call() throws Exception {
            if (!group.equals("file") && !group.equals("folder")) {
                throw new IllegalArgumentException("--group '" + group + "' must be file or folder");
            }
            if (ecs != null && !Files.isRegularFile(ecs)) {
                throw new IllegalArgumentException(ecs + ": no such .ecs file");
            }
            IntegrateOptions o = new IntegrateOptions(channelKhz, interval, perPing, layers, threshold, noBottom, nearField, surface,
                    ecs == null ? null : Files.readAllBytes(ecs), survey, group.equals("folder"));
            o.settings();
            boolean shared = SparkSession.getDefaultSession().isDefined();
            SparkSession spark = parent.session("cardumen archive integrate");
            try {
                IntegrateJob.Summary s = IntegrateJob.run(spark, inputs, out, o);
                String noChannel = String.format(Locale.ROOT, "has no %.0f kHz channel", channelKhz);
                if (s.ok() == 0 && s.skipped() == 0 && !s.status().isEmpty() && s.status().stream().allMatch(r -> r.getString(5).equals("failed")
                        && r.getString(6) != null && r.getString(6).contains(noChannel))) {
                    String m = s.status().get(0).getString(6);
                    throw new IllegalArgumentException("no file has a " + String.format(Locale.ROOT, "%.0f", channelKhz) + " kHz channel (e.g. "
                            + m.substring(0, Math.min(m.length(), 200)) + "); choose --channel among theirs");
                }
                for (var r : s.status()) {
                    if (r.getString(5).equals("failed")) {
                        parent.err.println("failed: " + r.getString(0) + ": " + r.getString(6));
                    }
                }
                parent.out.printf(Locale.ROOT, "%d files: %d integrated, %d skipped (done before), %d failed; %d NASC cells; %.1f MB in %.1f s (%.1f MB/s)%n",
                        s.files(), s.ok(), s.skipped(), s.failed(), s.cells(), s.bytes() / 1e6, s.seconds(), s.megabytesPerSecond());
            } finally {
                if (!shared) {
                    spark.close();
                }
            }
            return 0;
        }
    }

    @Command(name = "zonal", mixinStandardHelpOptions = true,
            description = "Statistics per zone and time step of an archive of satellite grids (NetCDF-3/4, GeoTIFF), the same numbers as "
                    + "'cardumen satellite zonal': OUT/zonal (Parquet, by variable) and OUT/zonal-status (one row per file). "
                    + "A single-band GeoTIFF's date is read from its name (yyyy-MM-dd or yyyyMMdd).")
    static final class Zonal implements Callable<Integer> {
        @CommandLine.ParentCommand
        ArchiveMain parent;

        @Parameters(arity = "1..*", description = "Folders (searched recursively), globs or grid files, by Hadoop URI or local path.")
        List<String> inputs;

        @Option(names = "--out", required = true, description = "Output folder (Hadoop URI or local path).")
        String out;

        @Option(names = "--variable", description = "The variable (default: each file's SST or chlorophyll variable).")
        String variable;

        @Option(names = "--log10", description = "Statistics of log10 of the values (for chlorophyll; zero and negative values count as missing).")
        boolean log10;

        @Override
        public Integer call() throws Exception {
            boolean shared = SparkSession.getDefaultSession().isDefined();
            SparkSession spark = parent.session("cardumen archive zonal");
            try {
                ZonalJob.Summary s = ZonalJob.run(spark, inputs, out, new ZonalJob.Options(variable, log10));
                for (var r : s.status()) {
                    if (r.getString(5).equals("failed")) {
                        parent.err.println("failed: " + r.getString(0) + ": " + r.getString(6));
                    }
                }
                parent.out.printf(Locale.ROOT, "%d files: %d computed, %d skipped (done before), %d failed; %d zone statistics%n", s.files(), s.ok(),
                        s.skipped(), s.failed(), s.rows());
            } finally {
                if (!shared) {
                    spark.close();
                }
            }
            return 0;
        }
    }

    @Command(name = "features", mixinStandardHelpOptions = true,
            description = "The zone × period feature table from an archive's zonal Parquet ('archive zonal') and a workspace's survey biomass runs, "
                    + "built by the same code as 'cardumen features': OUT/features.csv (for 'cardumen train --features') and OUT/features (Parquet).")
    static final class Features implements Callable<Integer> {
        @CommandLine.ParentCommand
        ArchiveMain parent;

        @Option(names = "--zonal", required = true, description = "The zonal Parquet folder written by 'archive zonal' (its OUT/zonal).")
        String zonal;

        @Option(names = "--workspace", required = true, description = "The workspace (local file) whose surveys' latest biomass runs are the targets.")
        Path workspace;

        @Option(names = "--out", required = true, description = "Output folder (Hadoop URI or local path).")
        String out;

        @Option(names = "--periods", defaultValue = "surveys", description = "surveys (one period per survey, the default) or months.")
        String periods;

        @Option(names = "--from", description = "First month, YYYY-MM (months only).")
        String from;

        @Option(names = "--to", description = "Last month, YYYY-MM (months only).")
        String to;

        @Option(names = "--nino", description = "A CPC Niño-regions file (local; default the bundled one).")
        Path nino;

        @Option(names = "--oni", description = "A CPC ONI file (local; default the bundled one).")
        Path oni;

        @Override
        public Integer call() throws Exception {
            pe.cardumen.app.FeatureBuilder.Periods p = switch (periods.trim().toLowerCase(Locale.ROOT)) {
                case "surveys", "survey" -> pe.cardumen.app.FeatureBuilder.Periods.SURVEYS;
                case "months", "month" -> pe.cardumen.app.FeatureBuilder.Periods.MONTHS;
                default -> throw new IllegalArgumentException("--periods must be surveys or months, not '" + periods + "'");
            };
            if (!Files.isRegularFile(workspace)) {
                throw new IllegalArgumentException(workspace + ": no such workspace file");
            }
            boolean shared = SparkSession.getDefaultSession().isDefined();
            SparkSession spark = parent.session("cardumen archive features");
            try {
                var built = FeaturesJob.run(spark, zonal, workspace, p, month(from, "--from"), month(to, "--to"), nino, oni, out);
                built.computed().forEach(s -> parent.err.println("computed and stored the biomass of survey " + s + " (default parameter set)"));
                parent.out.printf(Locale.ROOT, "%d rows (%d surveys); SST from %s, chlorophyll from %s%n", built.rows().size(), built.surveys().size(),
                        built.sstVariable() == null ? "nothing" : built.sstVariable(), built.chlVariable() == null ? "nothing" : built.chlVariable());
            } finally {
                if (!shared) {
                    spark.close();
                }
            }
            return 0;
        }

        private static java.time.YearMonth month(String text, String option) {
            if (text == null) {
                return null;
            }
            try {
                return java.time.YearMonth.parse(text.trim());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(option + " must be YYYY-MM, not '" + text + "'");
            }
        }
    }

    @Command(name = "import-archive", mixinStandardHelpOptions = true,
            description = "Bring one survey's NASC cells of an 'archive integrate' run into a desktop workspace (one import per source file, "
                    + "with its SHA-256; the same run imported again is skipped).")
    static final class ImportArchiveCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        ArchiveMain parent;

        @Option(names = "--archive", required = true, description = "The --out folder of 'archive integrate' (Hadoop URI or local path).")
        String archive;

        @Option(names = "--survey", required = true, description = "The survey to import, as the run filed it.")
        String survey;

        @Option(names = "--channel", required = true, description = "Channel frequency in kHz, e.g. 38.")
        double channelKhz;

        @Option(names = "--workspace", required = true, description = "The workspace file (local).")
        Path workspace;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(workspace)) {
                throw new IllegalArgumentException(workspace + ": no such workspace file (create one with 'cardumen workspace create')");
            }
            boolean shared = SparkSession.getDefaultSession().isDefined();
            SparkSession spark = parent.session("cardumen import-archive");
            try {
                ImportArchive.Summary s = ImportArchive.run(spark, archive, survey, channelKhz, workspace);
                parent.out.printf(Locale.ROOT, "survey %s: %d sources, %d imported, %d skipped (imported before); %d NASC cells%n", survey, s.sources(),
                        s.imported(), s.skipped(), s.cells());
            } finally {
                if (!shared) {
                    spark.close();
                }
            }
            return 0;
        }
    }

    @Command(name = "tune", mixinStandardHelpOptions = true,
            description = "Distributed hyper-parameter search: the training configuration's grid spread over the executors (one trial per task, "
                    + "TensorFlow Java, each with the seed 'cardumen train' gives it); the best by validation loss exported with the same card, "
                    + "checksums and verification as 'cardumen train', every trial in the card.")
    static final class Tune implements Callable<Integer> {
        @CommandLine.ParentCommand
        ArchiveMain parent;

        @Option(names = "--features", required = true, description = "The feature-table CSV (Hadoop URI or local path).")
        String features;

        @Option(names = "--config", required = true, description = "The training configuration (JSON, local; see models/README.md).")
        Path config;

        @Option(names = "--out", required = true, description = "The version's folder (local), e.g. models/<id>/<version>; must not exist or be empty.")
        Path out;

        @Option(names = "--quiet", description = "Print no per-trial progress.")
        boolean quiet;

        @Override
        public Integer call() throws Exception {
            pe.cardumen.model.TrainingConfig c = pe.cardumen.model.TrainingConfig.read(config);
            boolean shared = SparkSession.getDefaultSession().isDefined();
            SparkSession spark = parent.session("cardumen archive tune");
            try {
                var r = TuneJob.run(spark, features, c, out, (m, f) -> {
                    if (!quiet) {
                        parent.err.println(m);
                    }
                });
                parent.out.printf(Locale.ROOT, "trained %s → %s (sha256 %s)%n", r.version().ref(), out, r.version().sha256());
                parent.out.printf(Locale.ROOT, "chosen %s, learning rate %s; rows: %d train, %d validation, %d test%n", r.chosen().layers(),
                        r.chosen().learningRate(), r.trainRows(), r.validationRows(), r.testRows());
            } finally {
                if (!shared) {
                    spark.close();
                }
            }
            return 0;
        }
    }
}
