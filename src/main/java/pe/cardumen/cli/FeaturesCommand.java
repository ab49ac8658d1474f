package pe.cardumen.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.FeatureBuilder;
import pe.cardumen.app.Services;
import pe.cardumen.features.FeatureTable;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen features --workspace W --csv}. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "The zone × period feature table the models learn from, as CSV with units in the column names: position, season, SST mean "
                + "and anomaly, log10 chlorophyll, ICEN and ONI at lags 0–3 months, the previous survey's density and its neighbours' mean, and the "
                + "survey's biomass density as target. Missing inputs are NaN with a missing_* flag of 1.")
final class FeaturesCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace with surveys (imported with --survey) and satellite grids.")
    Path workspace;

    @Option(names = "--periods", description = "surveys (one period per survey, the default) or months (every month from --from to --to).")
    String periods = "surveys";

    @Option(names = "--from", description = "First month, YYYY-MM (months only; default the first survey's).")
    String from;

    @Option(names = "--to", description = "Last month, YYYY-MM (months only; default the last survey's).")
    String to;

    @Option(names = "--nino", description = "A CPC Niño-regions file (ersst5.nino.mth.*.ascii) for ICEN instead of the bundled one.")
    Path nino;

    @Option(names = "--oni", description = "A CPC ONI file (oni.ascii.txt) instead of the bundled one.")
    Path oni;

    @Option(names = "--out", description = "Write the CSV to this file instead of standard output.")
    Path out;

    @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
    boolean csv;

    FeaturesCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        FeatureBuilder.Periods p = switch (periods.trim().toLowerCase(Locale.ROOT)) {
            case "surveys", "survey" -> FeatureBuilder.Periods.SURVEYS;
            case "months", "month" -> FeatureBuilder.Periods.MONTHS;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--periods must be surveys or months, not '" + periods + "'");
        };
        YearMonth first = month(from, "--from");
        YearMonth last = month(to, "--to");
        PrintWriter err = spec.commandLine().getErr();
        FeatureBuilder.Built built;
        try (Workspace ws = Workspace.open(workspace)) {
            built = new FeatureBuilder(services.get()).build(ws, p, first, last, nino, oni);
        }
        built.computed().forEach(s -> err.println("computed and stored the biomass of survey " + s + " (default parameter set)"));
        built.skipped().forEach(s -> err.println("survey " + s + " left out: it has NASC but no hauls yet (import its haul length frequencies)"));
        if (out != null) {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                FeatureTable.writeCsv(built.rows(), w);
            }
        } else {
            PrintWriter o = spec.commandLine().getOut();
            BufferedWriter w = new BufferedWriter(o, 1 << 16);
            FeatureTable.writeCsv(built.rows(), w);
            w.flush();
            o.flush();
        }
        long targets = built.rows().stream().filter(r -> !Double.isNaN(r.target())).count();
        long missingSst = built.rows().stream().filter(r -> Double.isNaN(r.sstC())).count();
        long missingIcen = built.rows().stream().filter(r -> java.util.Arrays.stream(r.icen()).anyMatch(Double::isNaN)).count();
        long simulated = built.rows().stream().filter(FeatureTable.Row::simulated).count();
        err.printf(Locale.ROOT, "%d rows (%d surveys, %d with a target); SST from %s, chlorophyll from %s; missing: SST %d, ICEN %d rows%s%n",
                built.rows().size(), built.surveys().size(), targets, built.sstVariable() == null ? "nothing (no SST grid imported)" : built.sstVariable(),
                built.chlVariable() == null ? "nothing (no chlorophyll grid imported)" : built.chlVariable(), missingSst, missingIcen,
                simulated > 0 ? "; " + simulated + " rows are SIMULATED data" : "");
        err.flush();
        return 0;
    }

    private YearMonth month(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + " must be YYYY-MM, not '" + text + "'");
        }
    }
}
