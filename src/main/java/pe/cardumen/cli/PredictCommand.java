package pe.cardumen.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.ModelService;
import pe.cardumen.app.Services;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen predict --workspace W --model ID[:VERSION] --period YYYY-MM --csv}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict anchoveta biomass per zone for a month with a verified model version (DJL, offline): "
                + "zone,p10_t,p50_t,p90_t,density_p50_t_per_nmi2,model,model_sha256; stored in the workspace with the model's hash.")
final class PredictCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace (its surveys, grids and zones give the features).")
    Path workspace;

    @Option(names = "--model", description = "ID or ID:VERSION (default: the workspace's default model).")
    String model;

    @Option(names = "--period", required = true, description = "The month to predict, YYYY-MM.")
    String period;

    @Option(names = "--no-store", description = "Do not keep the prediction in the workspace.")
    boolean noStore;

    @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
    boolean csv;

    PredictCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        YearMonth month;
        try {
            month = YearMonth.parse(period.trim());
        } catch (DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--period must be YYYY-MM, not '" + period + "'");
        }
        ModelService.Prediction p;
        try (Workspace ws = Workspace.open(workspace)) {
            p = services.get().models().predict(ws, model, month, !noStore);
        }
        var o = spec.commandLine().getOut();
        o.println("zone,p10_t,p50_t,p90_t,density_p50_t_per_nmi2,model,model_sha256");
        for (ModelService.ZonePrediction z : p.zones()) {
            o.printf(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.6f,%s,%s%n", z.zone(), z.p10T(), z.p50T(), z.p90T(), z.densityP50(), p.version().ref(), p.sha256());
        }
        o.flush();
        var err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%s for %s: %d zones, total P50 %.0f t (%.2f Mt)%s%s%n", p.version().ref(), month, p.zones().size(), p.totalP50T(),
                p.totalP50T() / 1e6, p.runId() >= 0 ? "; stored as prediction run " + p.runId() : "",
                p.simulated() ? "; inputs from SIMULATED surveys" : "");
        err.flush();
        return 0;
    }
}
