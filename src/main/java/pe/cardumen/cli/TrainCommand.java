package pe.cardumen.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.model.ModelTraining;
import pe.cardumen.model.TrainingConfig;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen train (--workspace W | --features F.csv) --config C.json --out models/<id>/<version>}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model version (TensorFlow Java, quantile MLP) on a feature table with a time-based split and a seeded "
                + "hyper-parameter search; writes the SavedModel and its card, verified, with held-out metrics next to the persistence and "
                + "climatology baselines.")
final class TrainCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", description = "Build the feature table (one row per zone and survey) from this workspace.")
    Path workspace;

    @Option(names = "--features", description = "Or train on this feature-table CSV (the output of cardumen features).")
    Path features;

    @Option(names = "--config", required = true, description = "The training configuration (JSON; see models/README.md).")
    Path config;

    @Option(names = "--out", description = "The version's folder (default models/<id>/<version>); must not exist or be empty.")
    Path out;

    @Option(names = "--quiet", description = "Print no per-epoch progress.")
    boolean quiet;

    TrainCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        if ((workspace == null) == (features == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either --workspace or --features");
        }
        TrainingConfig c = TrainingConfig.read(config);
        String csv;
        if (features != null) {
            csv = Files.readString(features, StandardCharsets.UTF_8);
        } else {
            try (Workspace ws = Workspace.open(workspace)) {
                csv = services.get().models().featureCsv(ws, FeatureBuilder.Periods.SURVEYS, null, null);
            }
        }
        Path target = out != null ? out : services.get().models().versionFolder(c.id(), c.version());
        var err = spec.commandLine().getErr();
        ModelTraining.Result r = new ModelTraining().train(csv, c, target, (msg, f) -> {
            if (!quiet) {
                err.println(msg);
                err.flush();
            }
        }, CancellationToken.NONE);
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %s → %s (sha256 %s)%n", r.version().ref(), target, r.version().sha256());
        o.printf(Locale.ROOT, "chosen %s, learning rate %s; rows: %d train, %d validation, %d test%n", r.chosen().layers(), r.chosen().learningRate(),
                r.trainRows(), r.validationRows(), r.testRows());
        o.println("held-out metrics (log1p density):");
        o.println(metricsTable(r.metrics()));
        return 0;
    }

    /** The metrics as an aligned table: a row per forecast, a column per metric. */
    static String metricsTable(Map<String, Map<String, Double>> m) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-12s %8s %8s %8s %8s %9s %7s %10s %7s", "forecast", "rmse", "mae", "r2", "bias",
                "coverage", "auc", "total_err%", "n"));
        m.forEach((name, v) -> b.append(String.format(Locale.ROOT, "%n%-12s %8.4f %8.4f %8.4f %8.4f %9.3f %7.3f %10.1f %7.0f", name, v.get("rmse"),
                v.get("mae"), v.get("r2"), v.get("bias"), v.get("coverage"), v.get("auc"), v.get("total_error_pct"), v.get("n"))));
        return b.toString();
    }
}
