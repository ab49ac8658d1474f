package pe.cardumen.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.cli.CardumenCommand;
import pe.cardumen.workspace.Workspace;

/**
 * {@code cardumen serve} in process over real HTTP on the demo workspace with the shipped model
 * {@code anchoveta-biomass:2.0.0} as default: the predictions and the quota table are the CLI's for
 * the same workspace, metrics are Prometheus text, bad requests are 4xx with one line, writes need the
 * token, and concurrent reads and a write all complete.
 */
class PredictionServerTest {
    static final String TOKEN = "a-test-token-of-32-characters-xx";
    static Path ws;
    static PredictionServer server;
    static PredictionServer readOnly;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CardumenCommand.run(TestData::services, new PrintWriter(out), new PrintWriter(err), args);
        assertThat(status).as(err.toString()).isZero();
        return new String[] {out.toString(), err.toString()};
    }

    @BeforeAll
    static void start() throws Exception {
        ws = TestData.tempDir("serve").resolve("demo.cardumen.gpkg");
        cli("workspace", "demo", "--out", ws.toString(), "--quiet");
        cli("models", "default", "anchoveta-biomass:2.0.0", "--workspace", ws.toString());
        server = PredictionServer.start(TestData.services(), new PredictionServer.Options(ws, "127.0.0.1", 0, TOKEN.getBytes(StandardCharsets.UTF_8), 64 * 1024));
        readOnly = PredictionServer.start(TestData.services(), new PredictionServer.Options(ws, "127.0.0.1", 0, null, 64 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
        readOnly.close();
    }

    static HttpResponse<String> get(PredictionServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(PredictionServer s, String method, String path, String body, String contentType, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code GET /predict} answer against {@code cardumen predict --csv}'s rows (header removed): every zone, its P50, the model hash. */
    static void assertPredictionIsTheClis(JsonNode p, List<String> csv) {
        assertThat(p.path("zones")).hasSize(csv.size()).hasSize(930);
        for (int i = 0; i < csv.size(); i++) {
            String[] f = csv.get(i).split(",");
            JsonNode z = p.path("zones").get(i);
            assertThat(z.path("zone").asText()).isEqualTo(f[0]);
            assertThat(z.path("p50_t").asDouble()).isCloseTo(Double.parseDouble(f[2]), within(0.0005 + 1e-9 * Double.parseDouble(f[2])));
            assertThat(p.path("sha256").asText()).isEqualTo(f[6]);
        }
    }

    @Test
    void healthReadyAndTheModels() throws Exception {
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(server, "/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("model").asText()).isEqualTo("anchoveta-biomass:2.0.0");
        JsonNode models = JSON.readTree(get(server, "/models").body()).path("models");
        assertThat(models.findValuesAsText("version")).contains("1.0.0", "2.0.0");
        JsonNode one = JSON.readTree(get(server, "/models/anchoveta-biomass/2.0.0").body());
        assertThat(one.path("verified").asBoolean()).isTrue();
        assertThat(one.path("card").path("id").asText()).isEqualTo("anchoveta-biomass");
        assertThat(get(server, "/models/anchoveta-biomass/9.9.9").statusCode()).isEqualTo(404);
    }

    @Test
    void predictionsAreTheClisForTheSameWorkspace() throws Exception {
        HttpResponse<String> r = get(server, "/predict?period=2024-09");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(r.body());
        List<String> csv = cli("predict", "--workspace", ws.toString(), "--period", "2024-09", "--csv")[0].lines().skip(1).toList();
        assertPredictionIsTheClis(p, csv);
        // feature rows posted as CSV get the quantiles the month's prediction gives their zones, to the
        // precision the CSV's decimals carry (the features file rounds its inputs, GET /predict does not)
        Path features = ws.resolveSibling("features-2024-09.csv");
        cli("features", "--workspace", ws.toString(), "--periods", "months", "--from", "2024-09", "--to", "2024-09", "--out", features.toString());
        String rows = java.nio.file.Files.readAllLines(features).stream().limit(4).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        HttpResponse<String> posted = send(server, "POST", "/predict", rows, "text/csv", null);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode q = JSON.readTree(posted.body()).path("rows");
        assertThat(q).hasSize(3);
        for (JsonNode row : q) {
            JsonNode zone = null;
            for (JsonNode z : p.path("zones")) {
                if (z.path("zone").asText().equals(row.path("zone").asText())) {
                    zone = z;
                }
            }
            assertThat(zone).isNotNull();
            assertThat(row.path("p50_density_t_per_nmi2").asDouble()).isCloseTo(zone.path("density_p50_t_per_nmi2").asDouble(), withinPercentage(0.01));
        }
        // a row without the model's columns is refused with the translator's reason
        HttpResponse<String> bad = send(server, "POST", "/predict", "{\"rows\": [{\"zone\": \"30073\", \"lat_deg\": -7.6}]}", "application/json", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("lacks").doesNotContain("\n");
    }

    @Test
    void theQuotaTableIsTheClisForTheSameWorkspace() throws Exception {
        HttpResponse<String> r = get(server, "/quota?stock=north-centre&season=2026-I&scenario=neutral");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode q = JSON.readTree(r.body());
        List<String> csv = cli("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--season", "2026-I", "--csv")[0].lines().skip(1).toList();
        JsonNode cells = q.path("decision_table");
        assertThat(cells).hasSize(csv.size());
        for (int i = 0; i < csv.size(); i++) {
            String[] f = csv.get(i).split(",");
            assertThat(cells.get(i).path("scenario").asText()).isEqualTo(f[0]);
            assertThat(cells.get(i).path("catch_t").asDouble()).isEqualTo(Double.parseDouble(f[1]));
            assertThat(Math.round(cells.get(i).path("remaining_median_t").asDouble())).isEqualTo(Long.parseLong(f[3]));
            assertThat(cells.get(i).path("risk").asDouble()).isCloseTo(Double.parseDouble(f[5]), within(5e-5));
            assertThat(cells.get(i).path("recommended").asBoolean()).isEqualTo(f[6].equals("1"));
        }
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/report?stock=north-centre&season=2026-I&lang=es")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void metricsArePrometheusTextWithRoutesPredictionsAndTheAlertGauge() throws Exception {
        get(server, "/predict?period=2024-09");
        get(server, "/monitoring");
        String m = get(server, "/metrics").body();
        assertThat(m).contains("cardumen_http_requests_seconds_count{method=\"GET\",route=\"/predict\",status=\"200\"}")
                .contains("cardumen_http_requests_seconds_bucket{").contains("cardumen_predictions_total{model=\"anchoveta-biomass:2.0.0\"}")
                .contains("cardumen_alert{model=\"any\"}");
    }

    @Test
    void badRequestsAreFourHundredsWithOneLine() throws Exception {
        for (String path : List.of("/predict?period=2024-13", "/predict", "/quota?season=2026-III", "/quota?season=2026-I&stock=east",
                "/quota?season=2026-I&scenario=tsunami", "/report?season=2026-I&lang=fr", "/zones/NOPE", "/models/x/y", "/nowhere")) {
            HttpResponse<String> r = get(server, path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(400, 499);
            JsonNode e = JSON.readTree(r.body());
            assertThat(e.path("error").asText()).as(path).isNotBlank().doesNotContain("\n").doesNotContain("Exception");
        }
        HttpResponse<String> notJson = send(server, "POST", "/predict", "{\"rows\": [", "application/json", null);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("error").asText()).startsWith("the body is not valid JSON").doesNotContain("Source");
        HttpResponse<String> huge = send(server, "POST", "/predict", "zone\n" + "x\n".repeat(40_000), "text/csv", null);
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void writesNeedTheTokenAndAreAudited() throws Exception {
        assertThat(send(readOnly, "PUT", "/models/default", "anchoveta-biomass:1.0.0", "text/plain", TOKEN).statusCode()).isEqualTo(403);
        assertThat(send(server, "PUT", "/models/default", "anchoveta-biomass:1.0.0", "text/plain", null).statusCode()).isEqualTo(401);
        assertThat(send(server, "PUT", "/models/default", "anchoveta-biomass:1.0.0", "text/plain", "wrong-token-of-the-same-lengthxx").statusCode())
                .isEqualTo(401);
        HttpResponse<String> ok = send(server, "PUT", "/models/default", "{\"model\": \"anchoveta-biomass:1.0.0\"}", "application/json", TOKEN);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.setting("default_model")).contains("anchoveta-biomass:1.0.0");
        }
        assertThat(JSON.readTree(get(server, "/ready").body()).path("model").asText()).isEqualTo("anchoveta-biomass:1.0.0");
        assertThat(send(server, "PUT", "/models/default", "anchoveta-biomass:2.0.0", "text/plain", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void concurrentReadsAndAWriteAllComplete() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int k = i;
                calls.add(pool.submit(() -> k == 12 ? send(server, "PUT", "/models/default", "anchoveta-biomass:2.0.0", "text/plain", TOKEN).statusCode()
                        : get(server, k % 2 == 0 ? "/predict?period=2024-09" : "/zones/30073").statusCode()));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void theOpenApiDocumentListsEveryRouteAndEveryRouteAnswers() throws Exception {
        JsonNode doc = JSON.readTree(get(server, "/openapi.json").body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        for (String[] r : OpenApi.ROUTES) {
            assertThat(doc.path("paths").path(r[0]).has(r[1])).as(r[0] + " " + r[1]).isTrue();
            if (r[1].equals("get") && !r[0].contains("{")) {
                assertThat(get(server, r[0]).statusCode()).as(r[0]).isNotEqualTo(404);
            }
        }
        JsonNode zone = JSON.readTree(get(server, "/zones/30073").body());
        assertThat(zone.path("type").asText()).isEqualTo("Feature");
        assertThat(JSON.readTree(get(server, "/zones").body()).path("features")).hasSize(930);
    }

    static HttpResponse<String> upload(PredictionServer s, String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void surveyFilesImportOverHttpAsTheCliImportsThem() throws Exception {
        Path file = Path.of("src/test/resources/fixtures/acoustic/ices-acoustic.csv");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        // the CLI's import of the same file into a copy of the same workspace
        Path copy = ws.resolveSibling("copy-for-import.cardumen.gpkg");
        java.nio.file.Files.copy(ws, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String cliOut = cli("import", file.toString(), "--workspace", copy.toString(), "--survey", "2026-http")[0];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ices, (\\d+) cells imported, (\\d+) rejected").matcher(cliOut);
        assertThat(m.find()).as(cliOut).isTrue();
        int before;
        try (Workspace w = Workspace.open(ws)) {
            before = w.imports().size();
        }

        assertThat(upload(server, "/surveys/2026-http/import?filename=ices-acoustic.csv", bytes, null).statusCode()).isEqualTo(401);
        assertThat(upload(readOnly, "/surveys/2026-http/import?filename=ices-acoustic.csv", bytes, TOKEN).statusCode()).isEqualTo(403);
        assertThat(upload(server, "/surveys/2026-http/import", bytes, TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> r = upload(server, "/surveys/2026-http/import?filename=ices-acoustic.csv", bytes, TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode o = JSON.readTree(r.body());
        assertThat(o.path("kind").asText()).isEqualTo("ices");
        assertThat(o.path("imported").asInt()).isEqualTo(Integer.parseInt(m.group(1))).isPositive();
        assertThat(o.path("rejected").asInt()).isEqualTo(Integer.parseInt(m.group(2)));
        assertThat(o.path("bytes").asLong()).isEqualTo(bytes.length);
        try (Workspace w = Workspace.open(ws); Workspace c = Workspace.open(copy)) {
            assertThat(w.nascCells("2026-http")).hasSize(o.path("imported").asInt()).hasSameSizeAs(c.nascCells("2026-http"));
            assertThat(w.imports()).hasSize(before + 1);
            assertThat(w.imports().get(w.imports().size() - 1).sha256()).isEqualTo(pe.cardumen.io.FileDigest.sha256(file));
        }
        // a survey whose hauls are still to come is left out of the features, not a failure of every prediction
        assertThat(o.path("monitoring").isArray()).as(r.body()).isTrue();
        HttpResponse<String> still = get(server, "/predict?period=2024-09");
        assertThat(still.statusCode()).as(still.body()).isEqualTo(200);
        // the same bytes again: skipped as the CLI skips them, nothing counted twice
        JsonNode again = JSON.readTree(upload(server, "/surveys/2026-http/import?filename=ices-acoustic.csv", bytes, TOKEN).body());
        assertThat(again.path("imported").asInt()).isZero();
        assertThat(again.path("warnings").toString()).contains("already imported");
        // a damaged file under a hostile name: a 422 naming the file (not the server's temporary path), nothing changes
        byte[] garbage = "not a sonar file\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> bad = upload(server, "/surveys/2026-http/import?filename=..%2F..%2Fetc%2Fcells.csv", garbage, TOKEN);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        String error = JSON.readTree(bad.body()).path("error").asText();
        assertThat(error).contains("cells.csv").doesNotContain(".cardumen-import-").doesNotContain("\n");
        assertThat(upload(server, "/surveys/2026-http/import?filename=empty.csv", new byte[0], TOKEN).statusCode()).isEqualTo(400);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).hasSize(before + 1);
            assertThat(w.nascCells("2026-http")).hasSize(o.path("imported").asInt());
        }
        // no upload is left behind beside the workspace
        try (var left = java.nio.file.Files.list(ws.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith(".cardumen-import-"));
        }
    }

    @Test
    void anImportLargerThanTheLimitIsRefusedWhileStreaming() throws Exception {
        try (PredictionServer small = PredictionServer.start(TestData.services(), new PredictionServer.Options(ws, "127.0.0.1", 0,
                TOKEN.getBytes(StandardCharsets.UTF_8), 512, 4096, pe.cardumen.model.MonitoringThresholds.defaults()))) {
            // the import limit, not the JSON body limit, applies to files: 784 bytes > 512 imports
            byte[] cells = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/fixtures/acoustic/Celdas 38 kHz Olaya-Flores 1508-10.csv"));
            assertThat(cells.length).isGreaterThan(512);
            HttpResponse<String> ok = upload(small, "/surveys/2026-limit/import?filename=Celdas%2038%20kHz.csv", cells, TOKEN);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
            HttpResponse<String> r = upload(small, "/surveys/2026-big/import?filename=big.raw", new byte[100_000], TOKEN);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).path("error").asText()).contains("4096").contains("cardumen import");
            // a body without a declared length (chunked) is cut at the limit too
            byte[] chunk = new byte[8192];
            HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/surveys/2026-big/import?filename=big.raw"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(chunk),
                            new java.io.ByteArrayInputStream(chunk)))).build();
            HttpResponse<String> c = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(c.statusCode()).as(c.body()).isEqualTo(413);
        }
        // a body shorter than its declared length (the client sends 100 of 10,000 bytes and stops): a 400, no import
        try (java.net.Socket sock = new java.net.Socket("127.0.0.1", server.port())) {
            var out = sock.getOutputStream();
            out.write(("POST /surveys/2026-cut/import?filename=cut.raw HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Length: 10000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100]);
            out.flush();
            sock.shutdownOutput();
            sock.setSoTimeout(20_000);
            String answer = new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("the upload ended after 100 bytes");
        }
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.surveys()).noneMatch(s -> s.id().equals("2026-big") || s.id().equals("2026-cut"));
        }
    }

    @Test
    void concurrentSingleRowPostsEachGetTheirOwnRowsQuantiles() throws Exception {
        Path features = ws.resolveSibling("features-2024-09-batch.csv");
        cli("features", "--workspace", ws.toString(), "--periods", "months", "--from", "2024-09", "--to", "2024-09", "--out", features.toString());
        List<String> lines = java.nio.file.Files.readAllLines(features);
        String header = lines.get(0);
        List<String> rows = lines.subList(1, 41);
        // all 40 rows in one request: the reference
        HttpResponse<String> all = send(server, "POST", "/predict", header + "\n" + String.join("\n", rows) + "\n", "text/csv", null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonNode expected = JSON.readTree(all.body()).path("rows");
        // the same rows one per request from 16 clients at once (the batcher joins them), and bad rows among them
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < rows.size(); i++) {
                    String body = header + "\n" + rows.get(i) + "\n";
                    calls.add(pool.submit(() -> send(server, "POST", "/predict", body, "text/csv", null)));
                    if (i % 10 == 0) {
                        calls.add(pool.submit(() -> send(server, "POST", "/predict", "zone,lat_deg\n30073,-7.6\n", "text/csv", null)));
                    }
                }
            }
            int k = 0;
            for (Future<HttpResponse<String>> f : calls) {
                HttpResponse<String> r = f.get();
                if (r.request().bodyPublisher().orElseThrow().contentLength() < 40) { // a bad row's request
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
                    continue;
                }
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode got = JSON.readTree(r.body()).path("rows");
                assertThat(got).hasSize(1);
                JsonNode want = expected.get(k % rows.size());
                assertThat(got.get(0).path("zone").asText()).isEqualTo(want.path("zone").asText());
                for (String q : List.of("p10_density_t_per_nmi2", "p50_density_t_per_nmi2", "p90_density_t_per_nmi2")) {
                    assertThat(got.get(0).path(q).asDouble()).as(q).isCloseTo(want.path(q).asDouble(), within(1e-4 * (1 + want.path(q).asDouble())));
                }
                k++;
            }
            assertThat(k).isEqualTo(3 * rows.size());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDefaultModelChangedByTheCliOnTheSameFileIsServedAtOnce() throws Exception {
        assertThat(JSON.readTree(get(server, "/predict?period=2024-09").body()).path("model").asText()).isEqualTo("anchoveta-biomass:2.0.0");
        cli("models", "default", "anchoveta-biomass:1.0.0", "--workspace", ws.toString());
        try {
            JsonNode p = JSON.readTree(get(server, "/predict?period=2024-09").body());
            assertThat(p.path("model").asText()).isEqualTo("anchoveta-biomass:1.0.0");
            List<String> csv = cli("predict", "--workspace", ws.toString(), "--period", "2024-09", "--csv")[0].lines().skip(1).toList();
            assertPredictionIsTheClis(p, csv);
        } finally {
            cli("models", "default", "anchoveta-biomass:2.0.0", "--workspace", ws.toString());
        }
        assertThat(JSON.readTree(get(server, "/predict?period=2024-09").body()).path("model").asText()).isEqualTo("anchoveta-biomass:2.0.0");
    }
}
