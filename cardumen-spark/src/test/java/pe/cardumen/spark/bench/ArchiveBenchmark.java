package pe.cardumen.spark.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import pe.cardumen.spark.IntegrateJob;

/**
 * The {@code archive integrate} benchmark (a harness, not a test): builds a synthetic archive of real
 * pings — the DY1201 EK60 file's datagrams repeated with their times shifted, its NMEA replaced by GGA
 * fixes moving offshore along one Peruvian transect per file, so that the cells fall into AIP zones —
 * then integrates it {@code -Dbench.jobs} times (3 unless told) with the given master (the first job in
 * the JVM, then the same job again, each into a fresh output) and prints for each MB/s, MB/s per core,
 * the cells inside zones and the tasks' run, CPU and GC seconds, then the JVM's old-generation peak.
 *
 * <p>{@code packaging/archive-benchmark.sh FILES SIZE_MB} runs it with {@code local[1]} and
 * {@code local[2]}, each in its own JVM with a 512 MB heap.
 */
public final class ArchiveBenchmark {
    private ArchiveBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(args[0]);
        long sizeMb = Long.parseLong(args[1]);
        String master = args[2];
        Path archive = Path.of(args.length > 3 ? args[3] : "cardumen-spark/target/bench-archive");
        Path src = Path.of("sample-data/echosounder/DY1201_EK60-D20120214-T231011.raw");
        build(src, archive, files, sizeMb << 20);
        long bytes = 0;
        try (var s = Files.walk(archive)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(p);
            }
        }
        try (SparkSession spark = SparkSession.builder().master(master).appName("ArchiveBenchmark").config("spark.ui.enabled", "false").getOrCreate()) {
            int cores = spark.sparkContext().defaultParallelism();
            TaskTime tasks = new TaskTime();
            spark.sparkContext().addSparkListener(tasks);
            // the first job in a JVM pays for Spark's first job, the first Parquet writer, the AIP zones and
            // the JIT's warm-up; the second, over the same files into a fresh output, is what each further
            // job (and a long job on a cluster) runs at
            int jobs = Integer.getInteger("bench.jobs", 3);
            for (int job = 1; job <= jobs; job++) {
                String run = "job " + job;
                Path out = Files.createTempDirectory("cardumen-archive-bench-");
                try {
                    tasks.reset();
                    java.util.Map<String, Long> before = threadCpu();
                    var options = new pe.cardumen.spark.IntegrateOptions(38, null, false, null, null, false, null, null, null, null, false);
                    IntegrateJob.Summary s = IntegrateJob.run(spark, List.of(archive.toString()), out.toString(), options);
                    long inZones = spark.read().parquet(out.resolve("nasc").toString()).where("zone <> ''").count();
                    System.out.printf(Locale.ROOT, "%s, %s: %d files, %.0f MB in %.2f s = %.0f MB/s, %.0f MB/s per core (%d cores); %d ok, %d failed; "
                                    + "%d NASC cells, %d in AIP zones; tasks: %.1f s running, %.1f s on CPU, %.1f s in GC%n", master, run, s.files(),
                            bytes / 1e6, s.seconds(), s.megabytesPerSecond(), s.megabytesPerSecond() / cores, cores, s.ok(), s.failed(), s.cells(),
                            inZones, tasks.runMs.get() / 1e3, tasks.cpuNs.get() / 1e9, tasks.gcMs.get() / 1e3);
                    System.out.println("  CPU by thread during the job (Linux /proc, s): " + busiest(before, threadCpu()));
                } finally {
                    try (var w = Files.walk(out)) {
                        w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            // what survives collections: the old generation's peak (the young pools' peaks do not add up; they are emptied by each collection)
            long peak = 0;
            String pools = "";
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                        && pool.getPeakUsage() != null) {
                    peak = pool.getPeakUsage().getUsed();
                    pools = pool.getName();
                }
            }
            String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).reduce((a, b) -> a + ", " + b).orElse("?");
            System.out.printf(Locale.ROOT, "%s: heap limit %d MB, %s peak %d MB (collectors: %s)%n", master, Runtime.getRuntime().maxMemory() >> 20, pools,
                    peak >> 20, gc);
        }
    }

    /**
     * CPU seconds of this process's threads by name (digits folded, so that "Executor task launch worker
     * for task 3" and "… task 5" add up), from /proc/self/task; empty where there is no /proc.
     */
    private static java.util.Map<String, Long> threadCpu() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return ticks;
        }
        for (java.io.File t : tasks) {
            try {
                String stat = Files.readString(t.toPath().resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended while being read
            }
        }
        return ticks;
    }

    private static String busiest(java.util.Map<String, Long> before, java.util.Map<String, Long> after) {
        java.util.Map<String, Long> d = new java.util.HashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d.entrySet().stream().filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / 100.0)).reduce((a, b) -> a + ", " + b).orElse("n/a");
    }

    /** Sums the finished tasks' run, CPU and GC times (Spark's task metrics). */
    private static final class TaskTime extends org.apache.spark.scheduler.SparkListener {
        final java.util.concurrent.atomic.AtomicLong runMs = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong cpuNs = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong gcMs = new java.util.concurrent.atomic.AtomicLong();

        void reset() {
            runMs.set(0);
            cpuNs.set(0);
            gcMs.set(0);
        }

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            var m = end.taskMetrics();
            if (m != null) {
                runMs.addAndGet(m.executorRunTime());
                cpuNs.addAndGet(m.executorCpuTime());
                gcMs.addAndGet(m.jvmGCTime());
            }
        }
    }

    /** Builds the archive once (kept between runs when it has the asked-for files and size). */
    static void build(Path src, Path archive, int files, long bytesPerFile) throws Exception {
        Path survey = archive.resolve("2012-1");
        Files.createDirectories(survey);
        byte[] d = Files.readAllBytes(src);
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        List<int[]> datagrams = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int pos = 0; pos < d.length; pos += b.getInt(pos) + 8) {
            datagrams.add(new int[] {pos, b.getInt(pos)});
            long t = time(b, pos);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        long period = last - first + 5_000_000L;
        long repsPerFile = Math.max(1, bytesPerFile / d.length);
        for (int k = 0; k < files; k++) {
            Path out = survey.resolve(String.format(Locale.ROOT, "SYNTH-D2012%04d-T000000.raw", k));
            if (Files.exists(out) && Math.abs(Files.size(out) - bytesPerFile) < d.length) {
                continue;
            }
            // transect k: one latitude between 5° S and 17° S, from near the coast to 90 nmi off it over the file
            double lat = -5.5 - 11.0 * (k % 100) / 100.0;
            double lonCoast = coastLongitude(lat);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                int[] con = datagrams.get(0);
                o.write(d, con[0], con[1] + 8);
                long written = con[1] + 8;
                for (long rep = 0; written < bytesPerFile; rep++) {
                    long shift = ((long) k * repsPerFile + rep) * period;
                    for (int i = 1; i < datagrams.size() && written < bytesPerFile; i++) {
                        int[] dg = datagrams.get(i);
                        String type = new String(d, dg[0] + 4, 4, StandardCharsets.US_ASCII);
                        long t = time(b, dg[0]) + shift;
                        byte[] copy;
                        if (type.equals("NME0")) {
                            double f = Math.min(1, (rep + (double) i / datagrams.size()) / repsPerFile);
                            copy = nmea(t, lat, lonCoast - 0.1 - 1.4 * f);
                        } else {
                            copy = java.util.Arrays.copyOfRange(d, dg[0], dg[0] + dg[1] + 8);
                            ByteBuffer c = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
                            c.putInt(8, (int) t).putInt(12, (int) (t >>> 32));
                        }
                        o.write(copy);
                        written += copy.length;
                    }
                }
            }
        }
    }

    private static long time(ByteBuffer b, int pos) {
        return (b.getInt(pos + 8) & 0xFFFFFFFFL) | ((b.getInt(pos + 12) & 0xFFFFFFFFL) << 32);
    }

    /** Peru's coast, roughly (degrees west at a latitude south), for placing transects offshore. */
    static double coastLongitude(double lat) {
        double[][] pts = {{-5, -81.2}, {-6, -81.0}, {-8, -79.5}, {-10, -78.2}, {-12, -77.15}, {-14, -76.3}, {-15.5, -75.0}, {-17, -71.8}};
        for (int i = 1; i < pts.length; i++) {
            if (lat >= pts[i][0]) {
                double f = (lat - pts[i - 1][0]) / (pts[i][0] - pts[i - 1][0]);
                return pts[i - 1][1] + f * (pts[i][1] - pts[i - 1][1]);
            }
        }
        return pts[pts.length - 1][1];
    }

    /** An NME0 datagram holding one GGA fix. */
    static byte[] nmea(long time, double lat, double lon) {
        double alat = Math.abs(lat);
        double alon = Math.abs(lon);
        String body = String.format(Locale.ROOT, "GPGGA,000000.00,%02d%07.4f,%s,%03d%07.4f,%s,1,08,0.9,0.0,M,0.0,M,,", (int) alat, (alat - (int) alat) * 60,
                lat < 0 ? "S" : "N", (int) alon, (alon - (int) alon) * 60, lon < 0 ? "W" : "E");
        int cs = 0;
        for (char ch : body.toCharArray()) {
            cs ^= ch;
        }
        byte[] text = String.format(Locale.ROOT, "$%s*%02X\r\n", body, cs).getBytes(StandardCharsets.US_ASCII);
        int len = 12 + text.length;
        ByteBuffer o = ByteBuffer.allocate(len + 8).order(ByteOrder.LITTLE_ENDIAN);
        o.putInt(len).put("NME0".getBytes(StandardCharsets.US_ASCII)).putInt((int) time).putInt((int) (time >>> 32)).put(text).putInt(len);
        return o.array();
    }
}
