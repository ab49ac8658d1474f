package pe.cardumen.app;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.domain.Zone;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.model.FeatureFrame;
import pe.cardumen.model.ModelInput;
import pe.cardumen.model.ModelPredictor;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.workspace.PredictionRow;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * Models over a workspace: the feature table as the CSV text models train on, predictions of a
 * period per zone (quantiles of log1p density turned into tonnes with each zone's area), and their
 * storage with the model version's hash.
 */
public final class ModelService {
    /** The workspace setting naming the default model ({@code id:version}). */
    public static final String DEFAULT_MODEL = "default_model";

    private final Services services;

    public ModelService(Services services) {
        this.services = services;
    }

    /** The registry of the installed {@code models/} folder. */
    public ModelRegistry registry() {
        return new ModelRegistry(services.modelsDirectory());
    }

    /** The workspace's feature table (periods as given) as CSV text, as {@code cardumen features} writes it. */
    public String featureCsv(Workspace ws, FeatureBuilder.Periods periods, YearMonth from, YearMonth to)
            throws WorkspaceException, IOException, FileFormatException {
        FeatureBuilder.Built built = new FeatureBuilder(services).build(ws, periods, from, to, null, null);
        StringWriter w = new StringWriter();
        FeatureTable.writeCsv(built.rows(), w);
        return w.toString();
    }

    /**
     * One zone's prediction.
     *
     * @param densityP50 median density, t nmi⁻²
     */
    public record ZonePrediction(String zone, double areaNmi2, double p10T, double p50T, double p90T, double densityP50) {
    }

    /**
     * A period's prediction.
     *
     * @param simulated whether the inputs come from simulated surveys
     * @param runId     the stored run ({@code -1} when not stored)
     */
    public record Prediction(ModelRegistry.Version version, String sha256, YearMonth period, List<ZonePrediction> zones, boolean simulated, long runId) {
        /** Sum of the zones' medians, t. */
        public double totalP50T() {
            return zones.stream().mapToDouble(ZonePrediction::p50T).sum();
        }
    }

    /**
     * Predicts every zone for a month with a model version (verified before it loads).
     *
     * @param ref   {@code ID} or {@code ID:VERSION}; {@code null}: the workspace's default model
     * @param store whether to keep it in the workspace
     */
    public Prediction predict(Workspace ws, String ref, YearMonth period, boolean store) throws IOException, WorkspaceException, FileFormatException {
        String chosen = ref != null ? ref : ws.setting(DEFAULT_MODEL).orElseThrow(() -> new IllegalArgumentException(
                "no model given and the workspace has no default model; give --model ID[:VERSION] (cardumen models list)"));
        ModelRegistry.Version v = registry().resolve(chosen);
        FeatureFrame frame = FeatureFrame.parse(featureCsv(ws, FeatureBuilder.Periods.MONTHS, period, period), "features of " + period);
        return predict(v, frame, ws, period, store);
    }

    /** Predicts the rows of a feature frame (one period) and optionally stores them. */
    public Prediction predict(ModelRegistry.Version v, FeatureFrame frame, Workspace ws, YearMonth period, boolean store)
            throws IOException, WorkspaceException {
        float[][] q;
        try (ModelPredictor p = ModelPredictor.open(v)) {
            q = p.predict(ModelInput.of(frame, v.card()));
        }
        String[] zones = frame.text("zone");
        double[] area = frame.numbers("area_nmi2");
        double[] simulated = frame.has("simulated") ? frame.numbers("simulated") : new double[zones.length];
        List<ZonePrediction> out = new ArrayList<>();
        boolean anySimulated = false;
        for (int i = 0; i < zones.length; i++) {
            double d10 = Math.max(0, Math.expm1(q[i][0]));
            double d50 = Math.max(0, Math.expm1(q[i][1]));
            double d90 = Math.max(0, Math.expm1(q[i][2]));
            out.add(new ZonePrediction(zones[i], area[i], d10 * area[i], d50 * area[i], d90 * area[i], d50));
            anySimulated |= simulated[i] == 1;
        }
        long run = -1;
        if (store && ws != null) {
            List<PredictionRow> rows = out.stream().map(z -> new PredictionRow(z.zone(), z.p10T(), z.p50T(), z.p90T(), z.densityP50())).toList();
            run = ws.storePrediction(v.ref(), v.sha256(), period.toString(), rows);
        }
        return new Prediction(v, v.sha256(), period, out, anySimulated, run);
    }

    /**
     * What monitoring found.
     *
     * @param model    the default model scored ({@code id:version})
     * @param scored   the scores computed now (surveys not scored before by this version)
     * @param history  every score of the workspace, oldest first
     */
    public record Monitoring(String model, List<pe.cardumen.workspace.ModelScore> scored, List<pe.cardumen.workspace.ModelScore> history) {
        /** Whether any score of this model version alerts. */
        public boolean alerted() {
            return history.stream().anyMatch(s -> s.model().equals(model) && s.alerted());
        }
    }

    /**
     * Scores the workspace's default model against every survey it has not scored yet (the survey's
     * observed densities against the model's quantiles for the survey's period), stores each score
     * with an alert when it crosses the thresholds, and returns the history.
     *
     * @throws IllegalArgumentException when the workspace has no default model
     */
    public Monitoring monitor(Workspace ws, pe.cardumen.model.MonitoringThresholds thresholds) throws IOException, WorkspaceException, FileFormatException {
        String ref = ws.setting(DEFAULT_MODEL).orElseThrow(() -> new IllegalArgumentException(
                "the workspace has no default model; set one with 'cardumen models default ID:VERSION --workspace W'"));
        ModelRegistry.Version v = registry().resolve(ref);
        String sha = v.sha256();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (var s : ws.scores()) {
            if (s.model().equals(v.ref()) && s.modelSha256().equals(sha)) {
                done.add(s.survey());
            }
        }
        List<pe.cardumen.workspace.ModelScore> scored = new ArrayList<>();
        if (ws.surveys().stream().anyMatch(s -> !done.contains(s.id()))) {
            FeatureFrame all = FeatureFrame.parse(featureCsv(ws, FeatureBuilder.Periods.SURVEYS, null, null), "feature table");
            String[] survey = all.text("survey");
            double[] target = all.numbers("target_density_t_per_nmi2");
            try (ModelPredictor p = ModelPredictor.open(v)) {
                for (var s : ws.surveys()) {
                    if (done.contains(s.id())) {
                        continue;
                    }
                    FeatureFrame rows = all.filter(i -> survey[i].equals(s.id()) && !Double.isNaN(target[i]));
                    if (rows.rows() == 0) {
                        continue;
                    }
                    float[][] q = p.predict(ModelInput.of(rows, v.card()));
                    double[] obs = java.util.Arrays.stream(rows.numbers("target_density_t_per_nmi2")).map(x -> Math.log1p(Math.max(0, x))).toArray();
                    Map<String, Double> m = pe.cardumen.model.Evaluation.ofQuantiles(obs, q, rows.numbers("area_nmi2"), rows.text("survey"));
                    var score = new pe.cardumen.workspace.ModelScore(v.ref(), sha, s.id(), rows.text("period")[0], java.time.Instant.now(), m.get("rmse"),
                            m.get("mae"), m.get("r2"), m.get("bias"), m.get("coverage"), m.get("auc"), m.get("total_error_pct"), m.get("n").intValue(),
                            thresholds.alert(m));
                    ws.storeScore(score);
                    scored.add(score);
                }
            }
        }
        return new Monitoring(v.ref(), scored, ws.scores());
    }

    /** The zones of a workspace by code, for areas and stocks. */
    public static Map<String, Zone> zonesByCode(Workspace ws) throws WorkspaceException {
        Map<String, Zone> m = new LinkedHashMap<>();
        ws.zones().forEach(z -> m.put(z.code(), z));
        return m;
    }

    /** The folder a new version would be written to. */
    public Path versionFolder(String id, String version) {
        return services.modelsDirectory().resolve(id).resolve(version);
    }
}
