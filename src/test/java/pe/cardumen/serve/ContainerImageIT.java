package pe.cardumen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.cli.CardumenCommand;

/**
 * The service's container for real: {@code packaging/build-container.sh --no-maven} builds the image from
 * the packaged jar, podman runs it (non-root, read-only root file system, workspace and models on a
 * volume, the token from a mounted file), and its answers are the CLI's for the same workspace. Where
 * podman cannot run containers the test is skipped and says why.
 */
class ContainerImageIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final String NAME = "cardumen-serve-it-" + ProcessHandle.current().pid();
    static final String TOKEN = "container-test-token-0123456789";
    static Path data;
    static String image;
    static int port;
    static double readySeconds;

    record Run(int status, String out) {
    }

    static Run run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("podman", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + ": no end after " + timeout);
        }
        String out = Files.readString(log);
        Files.delete(log);
        return new Run(p.exitValue(), out);
    }

    static List<String> podman(String... args) {
        List<String> c = new ArrayList<>(List.of("podman", "--cgroup-manager=cgroupfs"));
        c.addAll(List.of(args));
        return c;
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CardumenCommand.run(TestData::services, new PrintWriter(out), new PrintWriter(err), args);
        assertThat(status).as(err.toString()).isZero();
        return out.toString();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @BeforeAll
    static void buildAndStart() throws Exception {
        String why = null;
        try {
            Run info = run(Duration.ofSeconds(60), "podman", "--cgroup-manager=cgroupfs", "info", "--format", "{{.Host.OCIRuntime.Name}}");
            if (info.status() != 0) {
                why = "podman cannot run here: " + info.out().strip().lines().reduce((a, b) -> b).orElse("");
            } else if (!Files.isExecutable(Path.of("/usr/sbin/runc"))) {
                why = "/usr/sbin/runc is missing (apt-get install runc)";
            }
        } catch (IOException e) {
            why = "podman is not installed (apt-get install podman runc; .ci/run does it): " + e.getMessage();
        }
        if (why != null) {
            System.err.println("ContainerImageIT skipped: " + why);
            Assumptions.abort(why);
        }
        Run build = run(Duration.ofMinutes(10), "packaging/build-container.sh", "--no-maven");
        assertThat(build.status()).as(build.out()).isZero();
        System.err.println(build.out().strip());
        String built = build.out().lines().filter(l -> l.startsWith("localhost/cardumen-serve:")).findFirst().orElseThrow();
        image = built.substring(0, built.indexOf(": "));

        data = TestData.tempDir("container");
        Path ws = data.resolve("workspace.cardumen.gpkg");
        cli("workspace", "demo", "--out", ws.toString(), "--quiet");
        cli("models", "default", "anchoveta-biomass:2.0.0", "--workspace", ws.toString());
        copy(TestData.sampleData().getParent().resolve("models"), data.resolve("models"));
        Files.writeString(data.resolve("token"), TOKEN + "\n");
        Path cache = Files.createDirectories(data.resolve("cache"));
        // the container's user is 10001: the volume is theirs to read and write
        try (Stream<Path> all = Files.walk(data)) {
            for (Path f : all.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxrwxrwx" : "rw-rw-rw-"));
            }
        }
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> start = podman("run", "-d", "--name", NAME, "--runtime", "/usr/sbin/runc", "--ulimit", "nofile=1024:1024",
                "--ulimit", "nproc=1024:1024", "--read-only", "-v", data + ":/data", "-v", cache + ":/var/cache/cardumen",
                "-p", "127.0.0.1:" + port + ":8080", image,
                "serve", "--workspace", "/data/workspace.cardumen.gpkg", "--models", "/data/models", "--bind", "0.0.0.0", "--token-file", "/data/token");
        long t0 = System.nanoTime();
        Run started = run(Duration.ofSeconds(60), start.toArray(String[]::new));
        assertThat(started.status()).as(started.out()).isZero();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            try {
                if (get("/ready").statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // the port opens when the server is up
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the container was not ready after 90 s:\n" + run(Duration.ofSeconds(20), podman("logs", NAME).toArray(String[]::new)).out());
            }
            Thread.sleep(100);
        }
        readySeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("ContainerImageIT: %s ready %.1f s after podman run (first start: TensorFlow's natives unpacked to the cache volume)%n", image, readySeconds);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (image != null) {
            run(Duration.ofSeconds(60), podman("rm", "-f", "-t", "5", NAME).toArray(String[]::new));
        }
    }

    @Test
    void predictionsAndTheQuotaTableAreTheClis() throws Exception {
        Path ws = data.resolve("workspace.cardumen.gpkg");
        JsonNode p = JSON.readTree(get("/predict?period=2024-09").body());
        List<String> csv = cli("predict", "--workspace", ws.toString(), "--period", "2024-09", "--csv").lines().skip(1).toList();
        PredictionServerTest.assertPredictionIsTheClis(p, csv);
        JsonNode q = JSON.readTree(get("/quota?stock=north-centre&season=2026-I&scenario=neutral").body());
        List<String> table = cli("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--season", "2026-I", "--csv").lines().skip(1).toList();
        assertThat(q.path("decision_table")).hasSize(table.size());
        for (int i = 0; i < table.size(); i++) {
            String[] f = table.get(i).split(",");
            JsonNode cell = q.path("decision_table").get(i);
            assertThat(cell.path("scenario").asText()).isEqualTo(f[0]);
            assertThat(cell.path("catch_t").asDouble()).isEqualTo(Double.parseDouble(f[1]));
            assertThat(cell.path("risk").asDouble()).isCloseTo(Double.parseDouble(f[5]), within(5e-5));
            assertThat(cell.path("recommended").asBoolean()).isEqualTo(f[6].equals("1"));
        }
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("cardumen_predictions_total{model=\"anchoveta-biomass:2.0.0\"}")
                .contains("cardumen_http_requests_seconds_count{method=\"GET\",route=\"/quota\",status=\"200\"}");
    }

    @Test
    void nonRootReadOnlyHealthyAndWritesNeedTheMountedToken() throws Exception {
        assertThat(run(Duration.ofSeconds(30), podman("exec", NAME, "/bin/busybox", "id", "-u").toArray(String[]::new)).out().strip()).isEqualTo("10001");
        Run write = run(Duration.ofSeconds(30), podman("exec", NAME, "/bin/busybox", "touch", "/opt/cardumen/x").toArray(String[]::new));
        assertThat(write.status()).isNotZero();
        assertThat(write.out()).contains("Read-only file system");
        assertThat(run(Duration.ofSeconds(30), podman("healthcheck", "run", NAME).toArray(String[]::new)).status()).isZero();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/models/default"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"model\": \"anchoveta-biomass:1.0.0\"}")).header("Content-Type", "application/json");
        assertThat(HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> ok = HTTP.send(put.header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(get("/ready").body()).path("model").asText()).isEqualTo("anchoveta-biomass:1.0.0");
        String inspect = run(Duration.ofSeconds(30), podman("image", "inspect", image, "--format", "{{.Config.User}} {{json .Config.Healthcheck}}")
                .toArray(String[]::new)).out();
        assertThat(inspect).startsWith("10001:10001").contains("/health");
    }
}
