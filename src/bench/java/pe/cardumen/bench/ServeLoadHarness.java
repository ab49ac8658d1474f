package pe.cardumen.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pe.cardumen.app.Services;
import pe.cardumen.cli.CardumenCommand;
import pe.cardumen.serve.PredictionServer;

/**
 * Load on {@code cardumen serve} (a documented harness, not JMH: each figure is closed-loop clients
 * hammering real HTTP for seconds). Two requests: {@code GET /predict?period=2024-09} (every one of the
 * demo workspace's 930 zones, P10/P50/P90 and the model hash) and {@code POST /predict} with one feature
 * row as CSV. Each at 1, 8 and 32 concurrent clients (one thread each, every thread sending its next
 * request when the previous answer has been read in full); throughput, p50/p99/max latency and errors
 * (any status but 200, or a failed connection) per stage; the 32-client stages run 60 s. The server's
 * heap is read from its own {@code /metrics} ({@code jvm_memory_used_bytes{area="heap"}}, summed over
 * the pools) after every stage, so that in the container it is the container's heap that is bounded;
 * "server ms" is the server's own mean handler time over the stage (its request timer), to tell the
 * server's cost from the client's and the network's.
 *
 * <p>In process (the server started here on the demo workspace with {@code anchoveta-biomass:2.0.0}):
 * {@code ./mvnw -Pbench -DskipTests package exec:exec -Dbench.main=pe.cardumen.bench.ServeLoadHarness -Dbench=10}
 * (the argument: seconds per stage of 1 and 8 clients). Against a running server, e.g. the container
 * ({@code packaging/serve-load.sh} starts it and passes its address):
 * {@code -Dbench="10 http://127.0.0.1:18080"}. A third word shortens the 32-client stages for a quick look
 * ({@code -Dbench="5 - 10"}: in process, 5 s stages, 10 s at 32 clients) — the figures in the README use 60 s. The load generator runs on the same machine as the server
 * and takes part of the same cores: the figures are a lower bound for a server with its own cores.
 */
public final class ServeLoadHarness {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String[] a = String.join(" ", args).trim().split("\\s+");
        int seconds = a.length > 0 && !a[0].isEmpty() ? Integer.parseInt(a[0]) : 10;
        String base = a.length > 1 && !a[1].equals("-") ? a[1] : null;
        int endurance = a.length > 2 ? Integer.parseInt(a[2]) : 60; // the 32-client stages: no error for 60 s is the goal
        PredictionServer server = null;
        Path ws = null;
        if (base == null) {
            Path dir = Files.createTempDirectory("cardumen-serve-load-");
            ws = dir.resolve("demo.cardumen.gpkg");
            cli("workspace", "demo", "--out", ws.toString(), "--quiet");
            cli("models", "default", "anchoveta-biomass:2.0.0", "--workspace", ws.toString());
            server = PredictionServer.start(Services.standard(), new PredictionServer.Options(ws, "127.0.0.1", 0, null, 1 << 20));
            base = "http://127.0.0.1:" + server.port();
            System.out.printf(Locale.ROOT, "server in process on %s, max heap %,d MB, %d processors%n", base, Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
        } else {
            System.out.printf(Locale.ROOT, "server at %s%n", base);
        }
        try {
            String row = featureRow(base, ws);
            HttpRequest full = HttpRequest.newBuilder(URI.create(base + "/predict?period=2024-09")).GET().build();
            HttpRequest one = HttpRequest.newBuilder(URI.create(base + "/predict")).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(row)).build();
            String check = HTTP.send(full, HttpResponse.BodyHandlers.ofString()).body();
            int zones = check.split("\"zone\"", -1).length - 1;
            System.out.printf(Locale.ROOT, "GET /predict answers %d zones (%,d bytes of JSON); POST /predict row: %d columns%n", zones, check.length(),
                    row.lines().findFirst().orElse("").split(",").length);
            // warm-up: the JIT, the server's cached prediction of the month, the loaded predictor
            run(full, 2, 3);
            run(one, 2, 3);
            System.out.printf(Locale.ROOT, "%-22s %7s %8s %10s %9s %9s %9s %7s %9s %10s%n", "request", "clients", "seconds", "requests/s", "p50 ms", "p99 ms",
                    "max ms", "errors", "heap MB", "server ms");
            for (int clients : new int[] {1, 8, 32}) {
                int s = clients == 32 ? endurance : seconds;
                double[] before = serverTime(base, "GET");
                Stage st = run(full, clients, s);
                print("GET /predict (930)", clients, s, st, heapMb(base), before, serverTime(base, "GET"));
            }
            for (int clients : new int[] {1, 8, 32}) {
                int s = clients == 32 ? endurance : seconds;
                double[] before = serverTime(base, "POST");
                Stage st = run(one, clients, s);
                print("POST /predict (1 row)", clients, s, st, heapMb(base), before, serverTime(base, "POST"));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        System.exit(0);
    }

    private static void cli(String... args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int status = CardumenCommand.run(Services::standard, new PrintWriter(System.out, true), err, args);
        if (status != 0) {
            throw new IllegalStateException("cardumen " + String.join(" ", args) + " failed with " + status);
        }
    }

    /** One feature row of 2024-09 with its header, from {@code cardumen features} on the workspace (or, remote, from a local demo). */
    private static String featureRow(String base, Path ws) throws Exception {
        Path w = ws;
        if (w == null) {
            w = Files.createTempDirectory("cardumen-serve-load-").resolve("demo.cardumen.gpkg");
            cli("workspace", "demo", "--out", w.toString(), "--quiet");
        }
        Path features = w.resolveSibling("features-2024-09.csv");
        cli("features", "--workspace", w.toString(), "--periods", "months", "--from", "2024-09", "--to", "2024-09", "--out", features.toString());
        List<String> lines = Files.readAllLines(features);
        return lines.get(0) + "\n" + lines.get(1) + "\n";
    }

    record Stage(long requests, long errors, double seconds, long[] latenciesNanos) {
    }

    /** Closed loop: {@code clients} threads, each sending its next request when it has read the last answer. */
    static Stage run(HttpRequest request, int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        long t0 = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            long[] lat = new long[1 << 20];
            perThread.add(lat);
            int k = i;
            threads[i] = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    if (n < lat.length) {
                        lat[n++] = System.nanoTime() - s;
                    }
                }
                counts[k] = n;
            }, "load-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[(int) total];
        int p = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(perThread.get(i), 0, all, p, counts[i]);
            p += counts[i];
        }
        Arrays.sort(all);
        return new Stage(total, errors.get(), elapsed, all);
    }

    private static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void print(String name, int clients, int seconds, Stage s, double heapMb, double[] before, double[] after) {
        double serverMs = (after[0] - before[0]) / Math.max(1, after[1] - before[1]) * 1e3;
        System.out.printf(Locale.ROOT, "%-22s %7d %8d %10.0f %9.2f %9.2f %9.1f %7d %9.0f %10.3f%n", name, clients, seconds, s.requests() / s.seconds(),
                percentileMs(s.latenciesNanos(), 0.50), percentileMs(s.latenciesNanos(), 0.99), percentileMs(s.latenciesNanos(), 1.0), s.errors(), heapMb,
                serverMs);
    }

    /** The server's own count and total seconds of 200 answers to {@code method /predict} (its handler time, without the network and the client). */
    static double[] serverTime(String base, String method) {
        try {
            String m = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            String key = "{method=\"" + method + "\",route=\"/predict\",status=\"200\"} ";
            double sum = 0;
            double count = 0;
            for (String line : m.split("\n")) {
                if (line.startsWith("cardumen_http_requests_seconds_sum" + key)) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("cardumen_http_requests_seconds_count" + key)) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new double[] {sum, count};
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} ([0-9.E+-]+)$", Pattern.MULTILINE);

    /** The server's heap in use now, from its Prometheus metrics. */
    static double heapMb(String base) {
        try {
            String m = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher x = HEAP.matcher(m);
            double sum = 0;
            while (x.find()) {
                sum += Double.parseDouble(x.group(1));
            }
            return sum / (1 << 20);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
