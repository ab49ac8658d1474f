package pe.cardumen.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.ModelService;
import pe.cardumen.app.Services;
import pe.cardumen.model.FeatureFrame;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.ZoneAttribute;
import pe.cardumen.workspace.ModelScore;
import pe.cardumen.workspace.Workspace;

/**
 * The state and actions of the Models panel, the Compare view and the Predict action, without any
 * Node: installed versions with their verification status, the workspace's default model, predictions
 * painted on the map (P50 density or the P10–P90 width), two versions compared (metrics, predicted vs
 * observed, per-zone difference), and the monitoring history with its alert.
 */
public final class ModelsViewModel {
    /**
     * A version as the panel lists it.
     *
     * @param problems why verification failed (empty: verified)
     */
    public record Row(ModelRegistry.Version version, List<String> problems, boolean isDefault) {
        public boolean verified() {
            return problems.isEmpty();
        }
    }

    /**
     * Two versions side by side.
     *
     * @param observed  observed log1p density of the period's survey per zone row (null when the period has no survey)
     * @param p50a      A's P50 (log1p) per row
     * @param p50b      B's P50 (log1p) per row
     * @param totalA    A's total P50, t
     * @param totalB    B's total P50, t
     */
    public record Comparison(ModelRegistry.Version a, ModelRegistry.Version b, YearMonth period, List<String> onlyA, List<String> onlyB,
                             double[] observed, double[] p50a, double[] p50b, double totalA, double totalB) {
    }

    private final Services services;
    private final TaskRunner tasks;
    private final MapViewModel map;
    private final ResourceBundle texts;
    private final Supplier<Path> workspace;
    private final Consumer<String> error;
    private final Consumer<String> notice;
    private final Consumer<Throwable> failed;

    private final ObjectProperty<List<Row>> versions = new SimpleObjectProperty<>(this, "versions", List.of());
    private final ObjectProperty<ModelService.Prediction> prediction = new SimpleObjectProperty<>(this, "prediction");
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final ObjectProperty<List<ModelScore>> scores = new SimpleObjectProperty<>(this, "scores", List.of());
    private final ObjectProperty<String> alert = new SimpleObjectProperty<>(this, "alert");

    ModelsViewModel(PanelContext context) {
        this.services = context.services();
        this.tasks = context.tasks();
        this.map = context.map();
        this.texts = context.texts();
        this.workspace = context.workspace();
        this.error = context.error();
        this.notice = context.notice();
        this.failed = context::failed;
    }

    public ObjectProperty<List<Row>> versionsProperty() {
        return versions;
    }

    public ObjectProperty<ModelService.Prediction> predictionProperty() {
        return prediction;
    }

    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    /** The monitoring history of the open workspace. */
    public ObjectProperty<List<ModelScore>> scoresProperty() {
        return scores;
    }

    /** The alert of the default model's latest scores, for the banner; {@code null} when none. */
    public ObjectProperty<String> alertProperty() {
        return alert;
    }

    /** Lists the installed versions, verifying each, with the open workspace's default. */
    public void refresh() {
        Path ws = workspace.get();
        tasks.run(texts.getString("models.task.list"), (p, c) -> {
            String def = null;
            if (ws != null) {
                try (Workspace w = Workspace.open(ws)) {
                    def = w.setting(ModelService.DEFAULT_MODEL).orElse(null);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (ModelRegistry.Version v : services.models().registry().list()) {
                rows.add(new Row(v, ModelRegistry.verify(v.dir()).problems(), v.ref().equals(def)));
            }
            return rows;
        }, versions::set, failed);
    }

    /** Reads the open workspace's default model ({@code id:version}, or {@code null}) in the background. */
    public void readDefault(Consumer<String> then) {
        Path ws = workspace.get();
        if (ws == null) {
            then.accept(null);
            return;
        }
        tasks.run(texts.getString("models.task.readDefault"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                return w.setting(ModelService.DEFAULT_MODEL).orElse(null);
            }
        }, then, failed);
    }

    /** Makes a verified version the workspace's default. */
    public void setDefault(ModelRegistry.Version v) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept(texts.getString("workspace.none"));
            return;
        }
        tasks.run(texts.getString("models.task.default"), (p, c) -> {
            var check = ModelRegistry.verify(v.dir());
            if (!check.ok()) {
                throw new IllegalStateException(v.ref() + ": " + String.join("; ", check.problems()));
            }
            try (Workspace w = Workspace.open(ws)) {
                w.setSetting(ModelService.DEFAULT_MODEL, v.ref());
            }
            return v.ref();
        }, ref -> {
            notice.accept(MessageFormat.format(texts.getString("models.defaultSet"), ref));
            refresh();
        }, failed);
    }

    /** Predicts a month with a version, stores it, and paints the P50 density on the map. */
    public void predict(String ref, YearMonth period) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept(texts.getString("workspace.none"));
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("models.task.predict"), ref, period), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                return services.models().predict(w, ref, period, true);
            }
        }, pr -> {
            prediction.set(pr);
            showPrediction(false);
        }, failed);
    }

    /** Whether the map shows the interval width of the last prediction (else its P50). */
    private boolean showingInterval;

    /** Says the prediction map's title again in the window's (new) language. */
    void relabel() {
        var layer = map.zoneModelProperty().get();
        if (prediction.get() != null && layer != null && !layer.diverging()) {
            showPrediction(showingInterval);
        }
    }

    /** Paints the last prediction: its P50 density, or with {@code interval} the P10–P90 width (t nmi⁻²). */
    public void showPrediction(boolean interval) {
        ModelService.Prediction pr = prediction.get();
        if (pr == null) {
            return;
        }
        showingInterval = interval;
        Map<String, Double> values = new HashMap<>();
        for (var z : pr.zones()) {
            values.put(z.zone(), interval ? (z.p90T() - z.p10T()) / z.areaNmi2() : z.densityP50());
        }
        String title = MessageFormat.format(texts.getString(interval ? "models.map.interval" : "models.map.p50"), pr.version().ref(), pr.period().toString())
                + (pr.simulated() ? " — " + texts.getString("data.simulated") : "");
        map.zoneModelProperty().set(new MapViewModel.ModelLayer(values, title, false));
        map.colourByProperty().set(ZoneAttribute.MODEL);
    }

    /** Compares two versions on a month: both predict it (not stored); the map shows B − A of P50 density. */
    public void compare(ModelRegistry.Version a, ModelRegistry.Version b, YearMonth period) {
        Path ws = workspace.get();
        if (ws == null) {
            error.accept(texts.getString("workspace.none"));
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("models.task.compare"), a.ref(), b.ref()), (p, c) -> {
            ModelService models = services.models();
            FeatureFrame frame;
            try (Workspace w = Workspace.open(ws)) {
                frame = FeatureFrame.parse(models.featureCsv(w, FeatureBuilder.Periods.MONTHS, period, period), "features of " + period);
            }
            ModelService.Prediction pa = models.predict(a, frame, null, period, false);
            ModelService.Prediction pb = models.predict(b, frame, null, period, false);
            double[] target = frame.numbers("target_density_t_per_nmi2");
            boolean hasSurvey = java.util.Arrays.stream(target).anyMatch(x -> !Double.isNaN(x));
            double[] obs = hasSurvey ? java.util.Arrays.stream(target).map(x -> Double.isNaN(x) ? Double.NaN : Math.log1p(x)).toArray() : null;
            double[] la = pa.zones().stream().mapToDouble(z -> Math.log1p(z.densityP50())).toArray();
            double[] lb = pb.zones().stream().mapToDouble(z -> Math.log1p(z.densityP50())).toArray();
            List<String> onlyA = new ArrayList<>(a.card().inputNames());
            onlyA.removeAll(b.card().inputNames());
            List<String> onlyB = new ArrayList<>(b.card().inputNames());
            onlyB.removeAll(a.card().inputNames());
            Map<String, Double> diff = new HashMap<>();
            for (int i = 0; i < pa.zones().size(); i++) {
                diff.put(pa.zones().get(i).zone(), pb.zones().get(i).densityP50() - pa.zones().get(i).densityP50());
            }
            return new Object[] {new Comparison(a, b, period, onlyA, onlyB, obs, la, lb, pa.totalP50T(), pb.totalP50T()), diff};
        }, result -> {
            Comparison cmp = (Comparison) result[0];
            @SuppressWarnings("unchecked")
            Map<String, Double> diff = (Map<String, Double>) result[1];
            map.zoneModelProperty().set(new MapViewModel.ModelLayer(diff, MessageFormat.format(texts.getString("models.map.difference"), cmp.b().ref(),
                    cmp.a().ref(), period.toString()), true));
            map.colourByProperty().set(ZoneAttribute.MODEL);
            comparison.set(cmp);
        }, failed);
    }

    /**
     * Scores the default model against the workspace's unscored surveys (when it has a default) and
     * raises the banner when a score alerts; called on opening a workspace.
     */
    public void monitor() {
        Path ws = workspace.get();
        if (ws == null) {
            return;
        }
        tasks.run(texts.getString("models.task.monitor"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                if (w.setting(ModelService.DEFAULT_MODEL).isEmpty()) {
                    return null;
                }
                return services.models().monitor(w, pe.cardumen.model.MonitoringThresholds.defaults());
            }
        }, m -> {
            if (m == null) {
                scores.set(List.of());
                alert.set(null);
                return;
            }
            scores.set(m.history());
            List<ModelScore> alerts = m.history().stream().filter(s -> s.model().equals(m.model()) && s.alerted()).toList();
            alert.set(alerts.isEmpty() ? null : MessageFormat.format(texts.getString("models.alert"), m.model(), alerts.size(),
                    alerts.get(alerts.size() - 1).survey(), alerts.get(alerts.size() - 1).alert()));
            if (alert.get() != null) {
                notice.accept(alert.get());
            }
        }, failed);
    }
}
