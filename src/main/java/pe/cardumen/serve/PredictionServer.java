package pe.cardumen.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.app.Importer;
import pe.cardumen.app.ModelService;
import pe.cardumen.app.QuotaService;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.model.FeatureFrame;
import pe.cardumen.model.ModelCard;
import pe.cardumen.model.ModelPredictor;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.model.MonitoringThresholds;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.planning.SupplyPlan;
import pe.cardumen.workspace.ModelScore;
import pe.cardumen.workspace.Workspace;

/**
 * The prediction service over one workspace and the model registry. Reads run concurrently, each on
 * its own connection to the workspace; a request that changes the workspace takes the write lock, so
 * writes are serialised and never interleave with reads. Every refusal is a 4xx with a one-line
 * reason as JSON ({@code {"error": "..."}}); an unexpected failure is a 500 with one line, never a
 * stack trace.
 */
public final class PredictionServer implements AutoCloseable {
    /**
     * How the server runs.
     *
     * @param bind         address to listen on (loopback unless the operator says otherwise)
     * @param token        the bearer token that write requests must carry, or {@code null} (writes refused)
     * @param maxBodyBytes the largest request body accepted (JSON and CSV requests)
     * @param maxImportBytes the largest file accepted by {@code POST /surveys/{id}/import} (streamed to disk, never held in memory)
     * @param thresholds   what a newly imported survey is scored against (as {@code cardumen models monitor})
     */
    public record Options(Path workspace, String bind, int port, byte[] token, long maxBodyBytes, long maxImportBytes,
                          MonitoringThresholds thresholds) {
        /** Options with the default import limit (256 MiB) and the bundled monitoring thresholds. */
        public Options(Path workspace, String bind, int port, byte[] token, long maxBodyBytes) {
            this(workspace, bind, port, token, maxBodyBytes, DEFAULT_MAX_IMPORT_BYTES, MonitoringThresholds.defaults());
        }
    }

    /** The default largest imported file: one survey day of 38 kHz .raw is typically 50–200 MB. */
    public static final long DEFAULT_MAX_IMPORT_BYTES = 256L << 20;

    private final Services services;
    private final Options options;
    private final Javalin app;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    /** GET /predict's answer as sent, per model version and month (130 kB of JSON for 930 zones: built once, not per request). */
    private final Map<String, java.util.concurrent.CompletableFuture<Answer>> predictionJson = new ConcurrentHashMap<>();

    /** GET /predict's body and how many zone predictions it holds (for the served-predictions counter). */
    private record Answer(byte[] json, int zones) {
    }
    /**
     * Model versions by {@code id:version} with their hash. A published version's files never change
     * (a new model is a new version; {@code models verify} finds edits), so a version is resolved and
     * hashed once, not per request; GET /models and GET /models/{id}/{version} still verify afresh.
     */
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();
    /** The workspace's default model as last read, and the file stamp it was read at. */
    private volatile String defaultModel;
    private volatile String defaultStamp = "";
    private final Map<String, Double> monitoringGauges = new ConcurrentHashMap<>();
    /** One loaded predictor per model version (loading takes ~0.1 s), behind the batcher that owns it. */
    private final Map<String, PredictionBatcher> predictors = new ConcurrentHashMap<>();
    private final io.micrometer.core.instrument.binder.jvm.JvmGcMetrics jvmGc = new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics();
    private volatile String notReady = "starting";
    private volatile String readyModel;

    private PredictionServer(Services services, Options options) {
        this.services = services;
        this.options = options;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = options.maxBodyBytes();
        });
        // heap, GC, threads and CPU next to the service's own metrics (jvm_memory_used_bytes{area="heap"} bounds the heap in the load benchmark)
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(metrics);
        jvmGc.bindTo(metrics);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(metrics);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(metrics);
        routes();
    }

    /** Starts the server and checks readiness (the workspace opens, the default model verifies and loads). */
    public static PredictionServer start(Services services, Options options) {
        PredictionServer s = new PredictionServer(services, options);
        s.app.start(options.bind(), options.port());
        s.checkReady();
        return s;
    }

    /** The port listened on (the one chosen when 0 was asked). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        jvmGc.close();
        metrics.close();
        predictors.values().forEach(b -> {
            b.close();
            try {
                b.predictor().close();
            } catch (Exception ignored) {
                // closing at shutdown
            }
        });
    }

    private record Resolved(ModelRegistry.Version version, String sha256) {
    }

    /** The version a reference names, resolved and hashed once per {@code id:version} (a bare id, the newest, every time). */
    private Resolved resolved(String ref) {
        Resolved r = resolved.get(ref);
        if (r != null) {
            return r;
        }
        ModelRegistry.Version v = resolve(ref);
        r = new Resolved(v, v.sha256());
        if (ref.contains(":")) {
            resolved.put(ref, r);
        }
        return r;
    }

    /**
     * The workspace file's stamp: size and modification time of the file and of its write-ahead log.
     * Any write, by this server or by a CLI or a job on the same file, changes it (SQLite's WAL mode
     * appends to the log; the checkpoint that empties it rewrites the file).
     */
    private String workspaceStamp() {
        Path f = options.workspace();
        Path wal = f.resolveSibling(f.getFileName() + "-wal");
        StringBuilder b = new StringBuilder();
        for (Path p : new Path[] {f, wal}) {
            try {
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                // every reader's connection creates an empty log and the last one to close deletes it: only a log with frames is a change
                if (a.size() > 0) {
                    b.append(a.size()).append('@').append(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS));
                }
            } catch (IOException absent) {
                // no log: everything is in the file
            }
            b.append(';');
        }
        return b.toString();
    }

    /**
     * The workspace's default model, or {@code null}. Read from the workspace only when its file has
     * changed since the last read (one {@code stat} per request otherwise); a change also drops the
     * cached predictions, whose features may have changed with it.
     */
    private String defaultModel() throws Exception {
        String stamp = workspaceStamp();
        if (!stamp.equals(defaultStamp)) {
            // opening a workspace the first time may itself write (tables created on first use): read until the
            // stamp before and after the read agree, so that this server's own reads do not count as changes
            String ref;
            String after = stamp;
            int attempts = 0;
            do {
                stamp = after;
                ref = read(ws -> ws.setting(ModelService.DEFAULT_MODEL).orElse(null));
                after = workspaceStamp();
            } while (!after.equals(stamp) && ++attempts < 3);
            predictionJson.clear();
            defaultModel = ref;
            defaultStamp = after;
        }
        return defaultModel;
    }

    /** After this server's own write: the next request reads the default model and predicts afresh. */
    private void invalidate() {
        predictionJson.clear();
        defaultStamp = "";
    }

    private PredictionBatcher predictor(ModelRegistry.Version v, String sha256) {
        return predictors.computeIfAbsent(v.ref() + "|" + sha256, k -> {
            try {
                PredictionBatcher b = new PredictionBatcher(ModelPredictor.open(v), BATCH_ROWS, QUEUED_REQUESTS);
                io.micrometer.core.instrument.FunctionCounter.builder("cardumen_predict_calls", b, x -> x.counts()[0])
                        .description("TensorFlow calls for POST /predict (requests / calls = mean batch size)").tag("model", v.ref()).register(metrics);
                io.micrometer.core.instrument.FunctionCounter.builder("cardumen_predict_batched_requests", b, x -> x.counts()[1])
                        .description("POST /predict requests answered through the batcher").tag("model", v.ref()).register(metrics);
                return b;
            } catch (IOException e) {
                throw new IllegalStateException("cannot load " + v.ref() + ": " + oneLine(e), e);
            }
        });
    }

    /** Rows in one TensorFlow call of POST /predict's batcher; requests waiting beyond {@link #QUEUED_REQUESTS} get a 503. */
    static final int BATCH_ROWS = 4096;
    static final int QUEUED_REQUESTS = 1024;

    /** What /ready reports: {@code null} when ready, else why not. */
    String notReady() {
        return notReady;
    }

    private void checkReady() {
        try (Workspace ws = Workspace.open(options.workspace())) {
            String ref = ws.setting(ModelService.DEFAULT_MODEL).orElse(null);
            if (ref == null) {
                notReady = "the workspace has no default model; set one (PUT /models/default or cardumen models default)";
                return;
            }
            ModelRegistry.Version v = services.models().registry().resolve(ref);
            ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
            if (!check.ok()) {
                notReady = "the default model " + ref + " fails verification: " + String.join("; ", check.problems());
                return;
            }
            try (ModelPredictor p = ModelPredictor.open(v)) {
                readyModel = v.ref();
            }
            notReady = null;
        } catch (Exception e) {
            notReady = oneLine(e);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(Workspace ws) throws Exception;
    }

    private <T> T read(Read<T> work) throws Exception {
        lock.readLock().lock();
        try (Workspace ws = Workspace.open(options.workspace())) {
            return work.apply(ws);
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Read<T> work) throws Exception {
        lock.writeLock().lock();
        try (Workspace ws = Workspace.open(options.workspace())) {
            return work.apply(ws);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void routes() {
        app.before(ctx -> ctx.attribute("started", System.nanoTime()));
        app.after(ctx -> {
            Long t0 = ctx.attribute("started");
            if (t0 != null) {
                String route = ctx.endpointHandlerPath();
                Timer.builder("cardumen_http_requests").description("HTTP requests by route and status").tag("route", route == null ? "unmatched" : route)
                        .tag("method", ctx.method().name()).tag("status", Integer.toString(ctx.statusCode())).publishPercentileHistogram()
                        .register(metrics).record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
        app.exception(HttpProblem.class, (e, ctx) -> ctx.status(e.status).json(Map.of("error", e.getMessage())));
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", oneLine(e))));
        app.exception(DateTimeParseException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", "not a date: " + e.getParsedString())));
        app.exception(Exception.class, (e, ctx) -> ctx.status(500).json(Map.of("error", "internal error: " + oneLine(e))));
        app.error(404, ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) { // Javalin's own "Endpoint … not found" text
                ctx.json(Map.of("error", "no such route: " + ctx.method() + " " + ctx.path() + " (GET /openapi.json lists them)"));
            }
        });
        app.error(413, ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) { // Javalin's own limit, not an HttpProblem's reason
                ctx.json(Map.of("error", "request body larger than " + options.maxBodyBytes() + " bytes"));
            }
        });

        app.get("/health", ctx -> ctx.json(Map.of("status", "alive")));
        app.get("/ready", ctx -> {
            String why = notReady;
            if (why == null) {
                ctx.json(Map.of("status", "ready", "model", readyModel));
            } else {
                ctx.status(503).json(Map.of("status", "not ready", "error", why));
            }
        });
        app.get("/models", this::models);
        app.get("/models/{id}/{version}", this::model);
        app.put("/models/default", this::setDefault);
        app.post("/surveys/{id}/import", this::importSurveyFile);
        app.get("/zones", ctx -> zonesGeoJson(ctx, null));
        app.get("/zones/{code}", ctx -> zonesGeoJson(ctx, ctx.pathParam("code")));
        app.get("/predict", this::predictPeriod);
        app.post("/predict", this::predictRows);
        app.get("/quota", this::quota);
        app.get("/report", this::report);
        app.get("/monitoring", this::monitoring);
        app.get("/metrics", ctx -> {
            monitoringState(); // the monitoring gauges as the workspace holds them now
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
    }

    private void models(Context ctx) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelRegistry.Version v : services.models().registry().list()) {
            ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.card().id());
            m.put("version", v.card().version());
            m.put("sha256", v.sha256());
            m.put("verified", check.ok());
            m.put("problems", check.problems());
            out.add(m);
        }
        ctx.json(Map.of("models", out));
    }

    private void model(Context ctx) throws Exception {
        String ref = ctx.pathParam("id") + ":" + ctx.pathParam("version");
        ModelRegistry.Version v;
        try {
            v = services.models().registry().resolve(ref);
        } catch (IOException | IllegalArgumentException e) {
            throw HttpProblem.notFound("no model " + ref + " (GET /models lists them)");
        }
        ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", v.ref());
        m.put("sha256", v.sha256());
        m.put("verified", check.ok());
        m.put("problems", check.problems());
        m.put("metrics", v.card().metrics());
        m.put("card", new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.dir().resolve(ModelCard.FILE).toFile()));
        ctx.json(m);
    }

    /** PUT /models/default with the token: body {@code ID:VERSION} (text) or {@code {"model": "ID:VERSION"}}. */
    private void setDefault(Context ctx) throws Exception {
        authorise(ctx);
        String body = ctx.body().trim();
        String ref = body.startsWith("{") ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("model").asText("") : body;
        if (ref.isEmpty()) {
            throw HttpProblem.badRequest("the body must name the model: ID:VERSION or {\"model\": \"ID:VERSION\"}");
        }
        ModelRegistry.Version v;
        try {
            v = services.models().registry().resolve(ref);
        } catch (IOException | IllegalArgumentException e) {
            throw HttpProblem.notFound("no model " + ref + " (GET /models lists them)");
        }
        ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
        if (!check.ok()) {
            throw new HttpProblem(409, v.ref() + " fails verification: " + String.join("; ", check.problems()));
        }
        write(ws -> {
            ws.setSetting(ModelService.DEFAULT_MODEL, v.ref());
            ws.audit("set default model", v.ref() + " (sha256 " + v.sha256() + ") by the prediction service");
            return null;
        });
        invalidate();
        checkReady();
        ctx.json(Map.of("default", v.ref(), "sha256", v.sha256()));
    }

    /**
     * POST /surveys/{id}/import?filename=NAME[&channel=kHz][&species=CODE] with the token: the body is
     * one file (Simrad .raw, Echoview or ICES acoustic cells, hauls, a grid), streamed to a private
     * temporary folder beside the workspace under the size limit and imported as {@code cardumen import --survey} would
     * (same readers, same duplicate check, then the new survey scored against the default model).
     * A file Cardumen cannot read is a 422 naming it and what is wrong; nothing already imported changes.
     */
    private void importSurveyFile(Context ctx) throws Exception {
        authorise(ctx);
        String survey = ctx.pathParam("id");
        String name = ctx.queryParam("filename");
        if (name == null || name.isBlank()) {
            throw HttpProblem.badRequest("filename=NAME is required (its extension tells .raw, .csv, .xml, .nc, .tif apart; a .raw's .bot cannot be sent with it)");
        }
        String safe = Path.of(name.replace('\\', '/')).getFileName().toString().replaceAll("[^A-Za-z0-9._ -]", "_");
        if (safe.isBlank() || safe.startsWith(".")) {
            throw HttpProblem.badRequest("filename '" + name + "' is not a file name");
        }
        double channel = 38;
        if (ctx.queryParam("channel") != null) {
            try {
                channel = Double.parseDouble(ctx.queryParam("channel"));
            } catch (NumberFormatException e) {
                throw HttpProblem.badRequest("channel must be a frequency in kHz, not '" + ctx.queryParam("channel") + "'");
            }
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > options.maxImportBytes()) {
            throw new HttpProblem(413, "the file is " + declared + " bytes; this server imports files up to " + options.maxImportBytes()
                    + " bytes (--max-import); import larger ones with cardumen import");
        }
        Importer importer;
        try {
            importer = new Importer(channel, IntegrationSettings.DEFAULT).inSurvey(survey).withSpecies(ctx.queryParam("species"));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(oneLine(e));
        }
        // beside the workspace (its volume), not in /tmp, which a container often keeps in memory
        Path dir = Files.createTempDirectory(options.workspace().toAbsolutePath().getParent(), ".cardumen-import-");
        Path file = dir.resolve(safe);
        try {
            long n = copyLimited(ctx.bodyInputStream(), file, options.maxImportBytes());
            if (n == 0) {
                throw HttpProblem.badRequest("the body is empty: send the file's bytes (e.g. curl --data-binary @FILE)");
            }
            Map<String, Object> out = write(ws -> {
                Importer.Outcome o = importer.importAll(ws, List.of(file), ProgressListener.NONE, CancellationToken.NONE).get(0);
                if (!o.imported()) {
                    throw new HttpProblem(422, o.error().replace(file.toString(), safe).lines().findFirst().orElse(o.error()));
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("survey", survey);
                m.put("file", safe);
                m.put("bytes", n);
                m.put("kind", o.kind());
                m.put("imported", o.cells());
                m.put("rejected", o.rejected());
                m.put("warnings", o.warnings());
                ws.audit("import over HTTP", safe + " (" + n + " bytes) into survey " + survey + " by the prediction service");
                if (ws.setting(ModelService.DEFAULT_MODEL).isPresent()) {
                    List<Map<String, Object>> scored = new ArrayList<>();
                    try {
                        for (ModelScore s : services.models().monitor(ws, options.thresholds()).scored()) {
                            scored.add(Map.of("model", s.model(), "survey", s.survey(), "rmse", s.rmse(), "coverage", s.coverage(),
                                    "alert", s.alert() == null ? "" : s.alert()));
                        }
                        m.put("monitoring", scored);
                    } catch (Exception e) {
                        m.put("monitoring_skipped", oneLine(e));
                    }
                }
                return m;
            });
            invalidate(); // new grids change the features of their months
            ctx.status(201).json(out);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** One read of the upload; a body that ends before its declared length (the client went away) is a 400, not a 500. */
    private static int readOrRefuse(java.io.InputStream in, byte[] buf, long sofar) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw HttpProblem.badRequest("the upload ended after " + sofar + " bytes, before the length it declared; nothing was imported");
        }
    }

    /** Copies at most {@code limit} bytes to {@code file}; a longer body is a 413 (and what was written is removed by the caller). */
    static long copyLimited(java.io.InputStream in, Path file, long limit) throws IOException {
        byte[] buf = new byte[1 << 16];
        long n = 0;
        try (in; var out = Files.newOutputStream(file)) {
            for (int r; (r = readOrRefuse(in, buf, n)) > 0; ) {
                n += r;
                if (n > limit) {
                    throw new HttpProblem(413, "the file is larger than " + limit + " bytes, the largest this server imports (--max-import); "
                            + "import larger ones with cardumen import");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    /** The bearer token, compared in constant time; 401 without one, 403 when writes are not enabled. */
    private void authorise(Context ctx) {
        if (options.token() == null) {
            throw new HttpProblem(403, "this server takes no writes: start it with --token-file to enable them");
        }
        String h = ctx.header("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            throw new HttpProblem(401, "a bearer token is required (Authorization: Bearer …)");
        }
        byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, options.token())) {
            throw new HttpProblem(401, "the bearer token is not the server's");
        }
    }

    private void zonesGeoJson(Context ctx, String code) throws Exception {
        List<Zone> zones = read(Workspace::zones);
        if (code != null) {
            zones = zones.stream().filter(z -> z.code().equals(code)).toList();
            if (zones.isEmpty()) {
                throw HttpProblem.notFound("no zone " + code + " in the workspace (GET /zones lists them)");
            }
        }
        Path tmp = Files.createTempFile("cardumen-zones-", ".geojson");
        try {
            services.zoneExporter().exportGeoJson(zones, Map.of(), tmp);
            String json = Files.readString(tmp);
            if (code != null) {
                // one Feature, not a collection of one
                var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                json = tree.path("features").get(0).toString();
            }
            ctx.contentType("application/geo+json").result(json);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static YearMonth period(String text) {
        if (text == null || text.isBlank()) {
            throw HttpProblem.badRequest("period=YYYY-MM is required");
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw HttpProblem.badRequest("period '" + text + "' is not YYYY-MM");
        }
    }

    private void predictPeriod(Context ctx) throws Exception {
        YearMonth period = period(ctx.queryParam("period"));
        String ref = ctx.queryParam("model");
        String chosen = ref != null ? ref : defaultModel();
        if (chosen == null) {
            throw new HttpProblem(409, "no model given and the workspace has no default model");
        }
        Resolved v = resolved(chosen);
        String key = v.version().ref() + "|" + v.sha256() + "|" + period;
        // one computation per month and model however many clients ask at once; the others wait for it
        var mine = new java.util.concurrent.CompletableFuture<Answer>();
        var existing = predictionJson.putIfAbsent(key, mine);
        Answer answer;
        if (existing == null) {
            try {
                ModelService.Prediction p = read(ws -> services.models().predict(ws, v.version().ref(), period, false));
                answer = new Answer(predictionJson(p), p.zones().size());
                mine.complete(answer);
            } catch (Exception | Error e) {
                predictionJson.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        } else {
            try {
                answer = existing.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        Counter.builder("cardumen_predictions").description("zone predictions served").tag("model", v.version().ref()).register(metrics)
                .increment(answer.zones());
        ctx.contentType("application/json").result(answer.json());
    }

    private static byte[] predictionJson(ModelService.Prediction p) throws IOException {
        List<Map<String, Object>> zones = new ArrayList<>();
        for (ModelService.ZonePrediction z : p.zones()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zone", z.zone());
            m.put("area_nmi2", z.areaNmi2());
            m.put("p10_t", z.p10T());
            m.put("p50_t", z.p50T());
            m.put("p90_t", z.p90T());
            m.put("density_p50_t_per_nmi2", z.densityP50());
            zones.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", p.version().ref());
        out.put("sha256", p.sha256());
        out.put("period", p.period().toString());
        out.put("simulated", p.simulated());
        out.put("total_p50_t", p.totalP50T());
        out.put("zones", zones);
        return JSON.writeValueAsBytes(out);
    }

    private ModelRegistry.Version resolve(String ref) {
        try {
            return services.models().registry().resolve(ref);
        } catch (IOException | IllegalArgumentException e) {
            throw HttpProblem.notFound("no model " + ref + " (GET /models lists them)");
        }
    }

    /** POST /predict: feature rows as CSV ({@code text/csv}) or JSON ({@code {"rows": [{column: value, …}]}}) → quantiles per row. */
    private void predictRows(Context ctx) throws Exception {
        String body = ctx.body();
        if (body.isBlank()) {
            throw HttpProblem.badRequest("the body must hold feature rows: CSV with a header, or JSON {\"rows\": [...]}");
        }
        String csv = body.stripLeading().startsWith("{") ? Rows.jsonToCsv(body) : body;
        FeatureFrame frame;
        try {
            frame = FeatureFrame.parse(csv, "the request's rows");
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest(oneLine(e));
        }
        String ref = ctx.queryParam("model");
        String chosen = ref != null ? ref : defaultModel();
        if (chosen == null) {
            throw new HttpProblem(409, "no model given and the workspace has no default model");
        }
        Resolved r = resolved(chosen);
        ModelRegistry.Version v = r.version();
        var input = pe.cardumen.model.ModelInput.of(frame, v.card());
        float[][] q = predictor(v, r.sha256()).predict(input);
        Counter.builder("cardumen_predictions").description("zone predictions served").tag("model", v.ref()).register(metrics).increment(q.length);
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] zone = frame.has("zone") ? frame.text("zone") : null;
        for (int i = 0; i < q.length; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (zone != null) {
                m.put("zone", zone[i]);
            }
            m.put("p10_density_t_per_nmi2", Math.max(0, Math.expm1(q[i][0])));
            m.put("p50_density_t_per_nmi2", Math.max(0, Math.expm1(q[i][1])));
            m.put("p90_density_t_per_nmi2", Math.max(0, Math.expm1(q[i][2])));
            rows.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", v.ref());
        out.put("sha256", r.sha256());
        out.put("rows", rows);
        ctx.json(out);
    }

    private record QuotaRequest(Stock stock, String season, String scenario, String survey, String model, YearMonth period) {
    }

    private QuotaRequest quotaRequest(Context ctx) {
        String stock = ctx.queryParam("stock");
        Stock s;
        try {
            s = Stock.parse(stock == null ? "north-centre" : stock);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("stock must be north-centre or south, not '" + stock + "'");
        }
        String season = ctx.queryParam("season");
        if (season == null || !season.matches("\\d{4}-(I|II)")) {
            throw HttpProblem.badRequest("season must be like 2026-I or 2026-II, not '" + season + "'");
        }
        String scenario = ctx.queryParam("scenario") == null ? "neutral" : ctx.queryParam("scenario");
        if (HarvestParameters.defaults().scenarios().stream().noneMatch(sc -> sc.name().equals(scenario))) {
            throw HttpProblem.badRequest("scenario must be one of " + HarvestParameters.defaults().scenarios().stream().map(sc -> sc.name()).toList());
        }
        String model = ctx.queryParam("model");
        YearMonth period = model == null ? null : period(ctx.queryParam("period"));
        return new QuotaRequest(s, season, scenario, ctx.queryParam("survey"), model, period);
    }

    private static HarvestParameters parameters(Stock s) {
        return s == Stock.SOUTH ? HarvestParameters.defaults().forSouth() : HarvestParameters.defaults();
    }

    private void quota(Context ctx) throws Exception {
        QuotaRequest r = quotaRequest(ctx);
        QuotaService.Plan plan = read(ws -> {
            QuotaService q = services.quota();
            QuotaBasis basis = q.basis(ws, r.stock(), r.season(), r.survey(), null, r.model(), r.period());
            return q.plan(ws, r.stock(), r.season(), basis, r.scenario(), parameters(r.stock()));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stock", r.stock().id());
        out.put("season", r.season());
        out.put("scenario", r.scenario());
        out.put("basis", plan.basis().stored());
        out.put("source", plan.source());
        out.put("biomass_median_t", plan.biomass().medianT());
        out.put("recommended_catch_t", plan.recommendedT());
        List<Map<String, Object>> recs = new ArrayList<>();
        for (DecisionTable.Recommendation rec : plan.table().recommendations()) {
            recs.add(Map.of("scenario", rec.scenario(), "catch_t", rec.catchT(), "limited_by", rec.limitedBy()));
        }
        out.put("recommendations", recs);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (DecisionTable.Cell c : plan.table().cells()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", c.scenario());
            m.put("catch_t", c.catchT());
            m.put("exploitation_rate", c.exploitation());
            m.put("remaining_median_t", c.remainingMedianT());
            m.put("remaining_p10_t", c.remainingP10T());
            m.put("risk", c.risk());
            m.put("recommended", plan.table().recommendations().stream().anyMatch(x -> x.scenario().equals(c.scenario()) && x.cell() == c));
            cells.add(m);
        }
        out.put("decision_table", cells);
        List<Map<String, Object>> alloc = new ArrayList<>();
        for (var z : plan.allocation().zones()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zone", z.zone());
            m.put("degree", z.degree());
            m.put("biomass_t", z.biomassT());
            m.put("catch_t", z.catchT());
            m.put("juvenile_pct_number", z.juvenilePctNumber());
            m.put("juvenile_warning", z.juvenileWarning());
            alloc.add(m);
        }
        out.put("allocation", alloc);
        List<Map<String, Object>> supply = new ArrayList<>();
        for (SupplyPlan.Month m : plan.supply()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("month", m.month());
            x.put("landings_t", m.totalT());
            x.put("fishmeal_t", m.fishmealT());
            x.put("fish_oil_t", m.fishOilT());
            supply.add(x);
        }
        out.put("supply", supply);
        ctx.json(out);
    }

    private void report(Context ctx) throws Exception {
        QuotaRequest r = quotaRequest(ctx);
        String lang = ctx.queryParam("lang") == null ? "es" : ctx.queryParam("lang");
        if (!lang.equals("es") && !lang.equals("en")) {
            throw HttpProblem.badRequest("lang must be es or en, not '" + lang + "'");
        }
        Path tmp = Files.createTempFile("cardumen-report-", ".pdf");
        try {
            read(ws -> {
                QuotaBasis basis = services.quota().basis(ws, r.stock(), r.season(), r.survey(), null, r.model(), r.period());
                var data = services.reports().data(ws, r.stock(), r.season(), basis, r.scenario(), parameters(r.stock()));
                services.reports().write(data, Locale.forLanguageTag(lang), tmp);
                return null;
            });
            ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"cardumen-" + r.season() + "-" + lang + ".pdf\"")
                    .result(Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The stored monitoring scores (read only: scoring new surveys is {@code cardumen models monitor}'s, e.g. the nightly CronJob). */
    private void monitoring(Context ctx) throws Exception {
        ctx.json(monitoringState());
    }

    private Map<String, Object> monitoringState() throws Exception {
        List<ModelScore> scores = read(Workspace::scores);
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, ModelScore> latest = new LinkedHashMap<>();
        boolean alert = false;
        for (ModelScore s : scores) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", s.model());
            m.put("survey", s.survey());
            m.put("period", s.period());
            m.put("rmse", s.rmse());
            m.put("coverage", s.coverage());
            m.put("alert", s.alert() == null ? "" : s.alert());
            out.add(m);
            latest.put(s.model(), s);
            alert |= s.alerted();
        }
        for (ModelScore s : latest.values()) {
            gauge("cardumen_monitoring_rmse", s.model(), s.rmse());
            gauge("cardumen_monitoring_coverage", s.model(), s.coverage());
        }
        gauge("cardumen_alert", "any", alert ? 1 : 0);
        return Map.of("alert", alert, "scores", out);
    }

    private void gauge(String name, String model, double value) {
        String key = name + "|" + model;
        boolean fresh = !monitoringGauges.containsKey(key);
        monitoringGauges.put(key, value);
        if (fresh) {
            Gauge.builder(name, monitoringGauges, m -> m.getOrDefault(key, Double.NaN)).tag("model", model).register(metrics);
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
