package pe.cardumen.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import pe.cardumen.app.QuotaService;
import pe.cardumen.app.Services;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.planning.SupplyPlan;
import pe.cardumen.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cardumen quota --workspace W --stock north-centre --season 2026-I --csv}. */
@Command(name = "quota", mixinStandardHelpOptions = true,
        description = "The decision table of a stock (DOMAIN.md §6): remaining spawning biomass, exploitation rate and risk per scenario and "
                + "candidate catch, the recommended catch limit per scenario, and with --table allocation or supply the chosen scenario's "
                + "allocation by zone or its monthly landings, fishmeal and fish oil.")
final class QuotaCommand implements Callable<Integer> {
    private final Supplier<Services> services;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", required = true, description = "The workspace with stored biomass (or a default model with --model).")
    Path workspace;

    @Option(names = "--stock", required = true, description = "north-centre or south.")
    String stock;

    @Option(names = "--season", description = "The season's label, e.g. 2026-I (default ${DEFAULT-VALUE}).")
    String season = "next";

    @Option(names = "--survey", description = "Base the plan on this survey's latest stored biomass run, and keep that basis for the stock's "
            + "season (default: the basis kept before, else the latest survey's latest run).")
    String survey;

    @Option(names = "--run", description = "Base the plan on this stored biomass run (its id), and keep that basis.")
    Long run;

    @Option(names = "--model", description = "Base the plan on this model's prediction (ID[:VERSION]) of --period instead, and keep that basis.")
    String model;

    @Option(names = "--period", description = "The month the model predicts, YYYY-MM (with --model).")
    String period;

    @Option(names = "--scenario", description = "The scenario whose recommendation is allocated (default ${DEFAULT-VALUE}).")
    String scenario = "neutral";

    @Option(names = "--table", description = "decision (default), allocation or supply.")
    String table = "decision";

    @Option(names = "--parameters", description = "A file of harvest-parameters.properties keys replacing the bundled values.")
    Path parameters;

    @Option(names = "--e-max", description = "Highest exploitation rate (default from the parameters, 0.35).")
    Double eMax;

    @Option(names = "--reference", description = "Reference remaining biomass, t (default 5e6 north-centre).")
    Double reference;

    @Option(names = "--tolerance", description = "Highest acceptable P(remaining < reference) (default 0.10).")
    Double tolerance;

    @Option(names = "--zones-out", description = "Also write the stock's zones with biomass_t, density_t_per_nmi2, allocated_catch_t and "
            + "juvenile_warning as GeoJSON (for QGIS).")
    Path zonesOut;

    @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
    boolean csv;

    QuotaCommand(Supplier<Services> services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        Stock s;
        try {
            s = Stock.parse(stock);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stock must be north-centre or south, not '" + stock + "'");
        }
        HarvestParameters p = parameters == null ? HarvestParameters.defaults() : HarvestParameters.load(parameters);
        if (s == Stock.SOUTH && reference == null) {
            p = p.forSouth();
        }
        p = p.withThresholds(eMax != null ? eMax : p.exploitationMax(), reference != null ? reference : p.referenceT(),
                tolerance != null ? tolerance : p.riskTolerance());
        YearMonth month = period == null ? null : YearMonth.parse(period.trim());
        QuotaService.Plan plan;
        try (Workspace ws = Workspace.open(workspace)) {
            var quota = services.get().quota();
            QuotaBasis basis = quota.basis(ws, s, season, survey, run, model, month);
            plan = quota.plan(ws, s, season, basis, scenario, p);
            if (survey != null || run != null || model != null) {
                quota.keep(ws, s, season, basis);
            }
            if (zonesOut != null) {
                var zones = ws.zones().stream().filter(z -> z.stock() == s).toList();
                java.util.Map<String, java.util.Map<String, Double>> results = new java.util.LinkedHashMap<>();
                java.util.Map<String, Double> density = new java.util.HashMap<>();
                zones.forEach(z -> {
                    Double b = plan.zoneBiomass().get(z.code());
                    if (b != null) {
                        density.put(z.code(), b / z.areaNmi2());
                    }
                });
                java.util.Map<String, Double> catches = new java.util.HashMap<>();
                java.util.Map<String, Double> warnings = new java.util.HashMap<>();
                plan.allocation().zones().forEach(z -> {
                    catches.put(z.zone(), z.catchT());
                    warnings.put(z.zone(), z.juvenileWarning() ? 1.0 : 0.0);
                });
                results.put("biomass_t", plan.zoneBiomass());
                results.put("density_t_per_nmi2", density);
                results.put("allocated_catch_t", catches);
                results.put("juvenile_warning", warnings);
                services.get().zoneExporter().exportGeoJson(zones, results, zonesOut);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (table.toLowerCase(Locale.ROOT)) {
            case "decision" -> {
                out.println("scenario,catch_t,exploitation_rate,remaining_median_t,remaining_p10_t,risk,recommended");
                for (DecisionTable.Cell c : plan.table().cells()) {
                    boolean rec = plan.table().recommendations().stream().anyMatch(r -> r.scenario().equals(c.scenario()) && r.cell() == c);
                    out.printf(Locale.ROOT, "%s,%.0f,%.4f,%.0f,%.0f,%.4f,%d%n", c.scenario(), c.catchT(), c.exploitation(), c.remainingMedianT(),
                            c.remainingP10T(), c.risk(), rec ? 1 : 0);
                }
            }
            case "allocation" -> {
                out.println("zone,degree,biomass_t,catch_t,juvenile_pct_number,juvenile_warning");
                for (var z : plan.allocation().zones()) {
                    out.printf(Locale.ROOT, "%s,%s,%.1f,%.1f,%.2f,%d%n", z.zone(), z.degree(), z.biomassT(), z.catchT(), z.juvenilePctNumber(),
                            z.juvenileWarning() ? 1 : 0);
                }
            }
            case "supply" -> {
                out.println("month,landings_north_t,landings_centre_t,landings_south_t,landings_t,fishmeal_t,fish_oil_t,cumulative_landings_t");
                for (SupplyPlan.Month m : plan.supply()) {
                    out.printf(Locale.ROOT, "%d,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f,%.0f%n", m.month(), m.landingsT()[0], m.landingsT()[1], m.landingsT()[2], m.totalT(),
                            m.fishmealT(), m.fishOilT(), m.cumulativeT());
                }
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--table must be decision, allocation or supply, not '" + table + "'");
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "basis: %s%s%n", plan.basis().stored(), survey != null || run != null || model != null ? " (kept for " + s.id() + " "
                + season + ")" : " (the season's kept or proposed basis)");
        err.printf(Locale.ROOT, "%s, season %s: biomass median %.0f t (σ_log %.3f) from %s%n", s.id(), season, plan.biomass().medianT(), plan.biomass().sigma(),
                plan.source());
        err.printf(Locale.ROOT, "thresholds: E ≤ %.2f, P(remaining < %.0f t) ≤ %.2f; M %.2f yr⁻¹; %d draws (seed %d); %s%n", plan.table().parameters()
                .exploitationMax(), plan.table().parameters().referenceT(), plan.table().parameters().riskTolerance(), plan.table().parameters().mortalityPerYear(),
                plan.table().parameters().draws(), plan.table().parameters().seed(), DecisionTable.METHOD);
        for (DecisionTable.Recommendation r : plan.table().recommendations()) {
            err.printf(Locale.ROOT, "recommended catch, %s: %.0f t (%s)%s%n", r.scenario(), r.catchT(), "limited by " + r.limitedBy(),
                    r.cell() == null ? "" : String.format(Locale.ROOT, "; E %.3f, risk %.3f, remaining median %.0f t", r.cell().exploitation(), r.cell().risk(),
                            r.cell().remainingMedianT()));
        }
        if (plan.allocation().juvenileWarnings() > 0) {
            err.printf(Locale.ROOT, "JUVENILES: %d zones expected above %.0f %% juveniles by number%n", plan.allocation().juvenileWarnings(),
                    plan.table().parameters().number("juvenile.warning.pct"));
        }
        err.flush();
        return 0;
    }
}
