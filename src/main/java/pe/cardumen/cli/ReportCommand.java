package pe.cardumen.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.report.QuotaReport;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen report --workspace W --season 2026-I --lang es|en --out report.pdf}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The quota report as an A4 PDF in Spanish or English: summary, biomass map, decision table, biomass by degree and band, "
                + "ENSO context, supply plan, parameters and provenance.")
final class ReportCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace.")
    Path workspace;

    @Option(names = "--season", required = true, description = "The season's label, e.g. 2026-I.")
    String season;

    @Option(names = "--lang", description = "es or en (default ${DEFAULT-VALUE}).")
    String lang = "es";

    @Option(names = "--out", required = true, description = "The PDF to write.")
    Path out;

    @Option(names = "--stock", description = "north-centre (default) or south.")
    String stock = "north-centre";

    @Option(names = "--survey", description = "Base the plan on this survey's latest stored biomass run, and keep that basis for the stock's "
            + "season (default: the basis kept before, else the latest survey's latest run).")
    String survey;

    @Option(names = "--run", description = "Base the plan on this stored biomass run (its id), and keep that basis.")
    Long run;

    @Option(names = "--model", description = "Base the report on this model's prediction (ID[:VERSION]) of --period, and keep that basis.")
    String model;

    @Option(names = "--period", description = "The month the model predicts, YYYY-MM.")
    String period;

    @Option(names = "--scenario", description = "The scenario the summary leads with (default ${DEFAULT-VALUE}).")
    String scenario = "neutral";

    @Option(names = "--parameters", description = "A file of harvest-parameters.properties keys replacing the bundled values.")
    Path parameters;

    ReportCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        Locale locale = switch (lang.toLowerCase(Locale.ROOT)) {
            case "es" -> Locale.forLanguageTag("es-PE");
            case "en" -> Locale.ENGLISH;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang must be es or en, not '" + lang + "'");
        };
        Stock s = Stock.parse(stock);
        HarvestParameters p = parameters == null ? HarvestParameters.defaults() : HarvestParameters.load(parameters);
        if (s == Stock.SOUTH) {
            p = p.forSouth();
        }
        QuotaReport.Data data;
        try (Workspace ws = Workspace.open(workspace)) {
            var quota = services.get().quota();
            QuotaBasis basis = quota.basis(ws, s, season, survey, run, model, period == null ? null : YearMonth.parse(period.trim()));
            data = services.get().reports().data(ws, s, season, basis, scenario, p);
            if (survey != null || run != null || model != null) {
                quota.keep(ws, s, season, basis);
            }
            spec.commandLine().getErr().println("basis: " + basis.stored() + (survey != null || run != null || model != null
                    ? " (kept for " + s.id() + " " + season + ")" : " (" + s.id() + " " + season + "'s kept or proposed basis)"));
        }
        long t0 = System.nanoTime();
        int pages = services.get().reports().write(data, locale, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d pages (%s), recommended catch %s t (%s), %.2f s%n", out, pages, locale.getLanguage(),
                new QuotaReport(locale).tonnes(data.recommendedT()), scenario, (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
