package pe.cardumen.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;

/**
 * Trains a model version from a feature table and writes it, verified, with its card.
 *
 * <p>Rows with a target are split by time — training seasons up to {@code trainUntil}, validation up to
 * {@code validationUntil}, the rest held out for testing — never at random across time. Inputs are
 * transformed and standardised with the training seasons' statistics (stored in the card). Each grid
 * point is trained with early stopping on the validation loss; the best is exported, loaded back
 * through DJL (the path predictions take) and scored on the test seasons next to persistence and
 * climatology.
 */
public final class ModelTraining {
    /** Progress: a line per epoch and per step. */
    @FunctionalInterface
    public interface Progress {
        void report(String message, double fraction);
    }

    /** What training produced. */
    public record Result(ModelRegistry.Version version, MlpTrainer.Config chosen, Map<String, Map<String, Double>> metrics, int trainRows, int validationRows,
                         int testRows) {
    }

    /**
     * Trains and writes the version.
     *
     * @param featureCsv the feature table's CSV text (its SHA-256 goes into the card)
     * @param out        the version's folder; must not exist or be empty
     * @throws IOException              when the folder cannot be written or the result fails verification
     * @throws IllegalArgumentException when the table lacks a column or a split is empty
     */
    public Result train(String featureCsv, TrainingConfig config, Path out, Progress progress, CancellationToken cancel) throws IOException {
        Prepared p = prepare(featureCsv, config, out);
        List<Trial> trials = new ArrayList<>();
        for (int g = 0; g < p.grid().size(); g++) {
            trials.add(trial(p.grid(), p.train(), p.validation(), config.seed(), g, progress, cancel));
        }
        return finish(p, trials, out, Map.of(), progress);
    }

    /**
     * A training's inputs once the table is read and split: the frames, the card's inputs standardised
     * on the training seasons, the training and validation data and the search grid.
     */
    public record Prepared(String featureCsv, TrainingConfig config, long startedNanos, FeatureFrame all, FeatureFrame trainFrame,
                           FeatureFrame validationFrame, FeatureFrame testFrame, List<ModelCard.Input> inputs, ModelCard draft, MlpTrainer.Data train,
                           MlpTrainer.Data validation, List<MlpTrainer.Config> grid) {
    }

    /**
     * One point of the search, trained.
     *
     * @param index   its place in the grid (0-based); its seed is the configuration's plus the index
     * @param network the trained network (weights, epochs, validation loss)
     */
    public record Trial(int index, MlpTrainer.Config config, long seed, MlpTrainer.Network network) implements java.io.Serializable {
    }

    /**
     * Reads and splits the table, standardises the inputs and lists the grid.
     *
     * @throws IOException              when {@code out} exists and is not empty
     * @throws IllegalArgumentException when the table lacks a column or a split is empty
     */
    public static Prepared prepare(String featureCsv, TrainingConfig config, Path out) throws IOException {
        long started = System.nanoTime();
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new IOException(out + " exists and is not empty; a model version is never overwritten — choose a new version");
        }
        FeatureFrame all = FeatureFrame.parse(featureCsv, "feature table");
        for (String need : List.of("zone", "period", "survey", "area_nmi2", "target_density_t_per_nmi2", "prev_density_t_per_nmi2")) {
            if (!all.has(need)) {
                throw new IllegalArgumentException("the feature table lacks the column '" + need + "' (is it the output of cardumen features?)");
            }
        }
        double[] target = all.numbers("target_density_t_per_nmi2");
        FeatureFrame labelled = all.filter(i -> !Double.isNaN(target[i]));
        String[] period = labelled.text("period");
        FeatureFrame train = labelled.filter(i -> period[i].compareTo(config.trainUntil()) <= 0);
        FeatureFrame validation = labelled.filter(i -> period[i].compareTo(config.trainUntil()) > 0 && period[i].compareTo(config.validationUntil()) <= 0);
        FeatureFrame test = labelled.filter(i -> period[i].compareTo(config.validationUntil()) > 0);
        if (train.rows() == 0 || validation.rows() == 0 || test.rows() == 0) {
            throw new IllegalArgumentException("the time split leaves " + train.rows() + " training, " + validation.rows() + " validation and "
                    + test.rows() + " test rows; every part needs surveys (periods " + first(labelled) + " … " + last(labelled) + ")");
        }

        List<ModelCard.Input> inputs = new ArrayList<>();
        for (TrainingConfig.Input in : config.inputs()) {
            double[] col = train.numbers(in.name());
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (double v : col) {
                double t = ModelInput.transform(v, in.transform());
                if (!Double.isNaN(t)) {
                    sum += t;
                    sq += t * t;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double std = n < 2 ? 1 : Math.sqrt(Math.max(0, sq / n - mean * mean));
            inputs.add(new ModelCard.Input(in.name(), in.unit(), in.transform() == null ? "none" : in.transform(), mean, std > 1e-12 ? std : 1));
        }
        ModelCard draft = new ModelCard(config.id(), config.version(), config.description(), null, null, "serving_default", "serve", "features",
                "quantiles", inputs, List.of(new ModelCard.Output("p10", 0.1), new ModelCard.Output("p50", 0.5), new ModelCard.Output("p90", 0.9)),
                new ModelCard.Target("target_density_t_per_nmi2", "t nmi-2", "log1p"), null, null, Map.of());
        MlpTrainer.Data dTrain = data(train, draft);
        MlpTrainer.Data dVal = data(validation, draft);

        // the grid, each point with its own seed derived from the configuration's
        List<MlpTrainer.Config> grid = new ArrayList<>();
        for (int[] layers : config.search().layers()) {
            for (double lr : config.search().learningRates()) {
                grid.add(new MlpTrainer.Config(layers, (float) lr, config.search().batch(), config.search().maxEpochs(), config.search().patience()));
            }
        }
        return new Prepared(featureCsv, config, started, all, train, validation, test, inputs, draft, dTrain, dVal, grid);
    }

    /** Trains grid point {@code g} with seed {@code seed + g} (what a sequential search and a distributed one both call). */
    public static Trial trial(List<MlpTrainer.Config> grid, MlpTrainer.Data train, MlpTrainer.Data validation, long seed, int g, Progress progress,
                              CancellationToken cancel) {
        MlpTrainer.Config c = grid.get(g);
        int trial = g + 1;
        MlpTrainer.Network net = new MlpTrainer().train(c, train, validation, seed + g, (e, tl, vl) -> progress.report(String.format(java.util.Locale.ROOT,
                "trial %d/%d (%s, lr %s) epoch %d: train loss %.5f, validation loss %.5f", trial, grid.size(), c.layers(), c.learningRate(), e, tl, vl),
                (trial - 1 + Math.min(1.0, (double) e / c.maxEpochs())) / (grid.size() + 1)), cancel);
        return new Trial(g, c, seed + g, net);
    }

    /**
     * Picks the trial with the lowest validation loss (the earliest on a tie), exports it with its card
     * — every trial's configuration and losses in the card's training log, {@code search} added to its
     * hyper-parameters — scores it through DJL, verifies it and moves it into {@code out}.
     *
     * @param search how the search ran, recorded in the card (empty: sequentially in this process)
     */
    public Result finish(Prepared p, List<Trial> trials, Path out, Map<String, Object> search, Progress progress) throws IOException {
        TrainingConfig config = p.config();
        ModelCard draft = p.draft();
        List<ModelCard.Input> inputs = p.inputs();
        FeatureFrame all = p.all();
        FeatureFrame train = p.trainFrame();
        FeatureFrame validation = p.validationFrame();
        FeatureFrame test = p.testFrame();
        String featureCsv = p.featureCsv();
        long started = p.startedNanos();
        List<MlpTrainer.Config> grid = p.grid();
        List<Trial> ordered = new ArrayList<>(trials);
        ordered.sort(java.util.Comparator.comparingInt(Trial::index));
        if (ordered.size() != grid.size()) {
            throw new IllegalArgumentException(ordered.size() + " trials for a grid of " + grid.size());
        }
        MlpTrainer.Network best = null;
        MlpTrainer.Config chosen = null;
        List<Map<String, Object>> log = new ArrayList<>();
        for (Trial t : ordered) {
            MlpTrainer.Config c = t.config();
            MlpTrainer.Network net = t.network();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("layers", c.layers());
            entry.put("learningRate", Double.parseDouble(Float.toString(c.learningRate())));
            entry.put("seed", t.seed());
            entry.put("epochs", net.epochs());
            entry.put("bestEpoch", net.bestEpoch());
            entry.put("validationLoss", net.validationLoss());
            log.add(entry);
            if (best == null || net.validationLoss() < best.validationLoss()) {
                best = net;
                chosen = c;
            }
        }
        progress.report("exporting " + draft.ref() + " (" + chosen.layers() + ", lr " + chosen.learningRate() + ")", grid.size() / (grid.size() + 1.0));
        Files.createDirectories(out.getParent() == null ? out.toAbsolutePath().getParent() : out.getParent());
        Path parent = out.toAbsolutePath().getParent();
        int stale = StaleWork.clean(parent, ".training-");
        if (stale > 0) {
            progress.report("removed " + stale + " folder" + (stale == 1 ? "" : "s") + " left by an interrupted training in " + parent, grid.size() / (grid.size() + 1.0));
        }
        Path staging = StaleWork.create(parent, ".training-");
        Path sm = staging.resolve("v");
        try {
            MlpTrainer.export(best, sm, draft.inputTensor(), draft.outputTensor());
            Map<String, Object> hyper = new LinkedHashMap<>();
            hyper.put("layers", chosen.layers());
            hyper.put("activation", "relu");
            hyper.put("learningRate", Double.parseDouble(Float.toString(chosen.learningRate())));
            hyper.put("batch", chosen.batch());
            hyper.put("maxEpochs", chosen.maxEpochs());
            hyper.put("patience", chosen.patience());
            hyper.put("epochsRun", best.epochs());
            hyper.put("bestEpoch", best.bestEpoch());
            hyper.put("loss", "pinball (quantile) loss at 0.1, 0.5, 0.9, mean over the three");
            hyper.put("optimizer", "Adam");
            if (!search.isEmpty()) {
                hyper.put("search", search);
            }
            Map<String, String> split = new LinkedHashMap<>();
            split.put("train", first(train) + " … " + last(train) + " (" + train.rows() + " rows)");
            split.put("validation", first(validation) + " … " + last(validation) + " (" + validation.rows() + " rows)");
            split.put("test", first(test) + " … " + last(test) + " (" + test.rows() + " rows)");
            ModelCard.Training training = new ModelCard.Training(ModelRegistry.sha256Text(featureCsv), all.rows(), config.seed(), hyper, split, log,
                    Math.round((System.nanoTime() - started) / 1e7) / 100.0);
            ModelCard card = new ModelCard(draft.id(), draft.version(), draft.description(), Instant.now().toString(), AppInfo.version(), draft.signature(),
                    draft.tags(), draft.inputTensor(), draft.outputTensor(), inputs, draft.outputs(), draft.target(), training, Map.of(),
                    ModelRegistry.checksums(sm));
            card.write(sm.resolve(ModelCard.FILE));

            // score the exported model through DJL, as predictions will run
            progress.report("evaluating " + draft.ref() + " on the test seasons", 1.0 * grid.size() / (grid.size() + 1));
            Map<String, Map<String, Double>> metrics = evaluate(new ModelRegistry.Version(sm, card), train, test);
            card = card.withMetrics(metrics);
            card.write(sm.resolve(ModelCard.FILE));
            ModelRegistry.Verification v = ModelRegistry.verify(sm);
            if (!v.ok()) {
                throw new IOException("the trained version fails verification: " + String.join("; ", v.problems()));
            }
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.move(sm, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            progress.report("wrote " + out, 1);
            return new Result(new ModelRegistry.Version(out, card), chosen, metrics, train.rows(), validation.rows(), test.rows());
        } finally {
            ModelRegistry.deleteTree(staging);
        }
    }

    /** Held-out metrics of the version and of the two baselines. */
    public static Map<String, Map<String, Double>> evaluate(ModelRegistry.Version version, FeatureFrame train, FeatureFrame test) throws IOException {
        double[] obs = log1p(test.numbers("target_density_t_per_nmi2"));
        double[] area = test.numbers("area_nmi2");
        String[] survey = test.text("survey");
        float[][] q;
        try (ModelPredictor p = ModelPredictor.open(version)) {
            q = p.predict(ModelInput.of(test, version.card()));
        }
        double[] clim = Evaluation.climatology(train, test);
        double[] pers = Evaluation.persistence(test, clim);
        double[] none = new double[obs.length];
        java.util.Arrays.fill(none, Double.NaN);
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        m.put("model", Evaluation.ofQuantiles(obs, q, area, survey));
        m.put("persistence", Evaluation.metrics(obs, none, pers, none, area, survey));
        m.put("climatology", Evaluation.metrics(obs, none, clim, none, area, survey));
        return m;
    }

    static MlpTrainer.Data data(FeatureFrame f, ModelCard card) {
        ModelInput in = ModelInput.of(f, card);
        double[] t = f.numbers("target_density_t_per_nmi2");
        float[] y = new float[t.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.log1p(Math.max(0, t[i]));
        }
        return new MlpTrainer.Data(in.rows(), y);
    }

    private static double[] log1p(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.log1p(Math.max(0, v[i]));
        }
        return o;
    }

    private static String first(FeatureFrame f) {
        return java.util.Arrays.stream(f.text("period")).min(String::compareTo).orElse("—");
    }

    private static String last(FeatureFrame f) {
        return java.util.Arrays.stream(f.text("period")).max(String::compareTo).orElse("—");
    }
}
