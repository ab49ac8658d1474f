package pe.cardumen.app;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.domain.QuotaBasis;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.planning.Allocation;
import pe.cardumen.planning.BiomassDistribution;
import pe.cardumen.planning.DecisionTable;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.planning.SupplyPlan;
import pe.cardumen.workspace.BiomassRow;
import pe.cardumen.workspace.BiomassRun;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceException;

/**
 * The quota of a stock from a workspace on a chosen, recorded basis ({@link QuotaBasis}: a survey's
 * stored biomass run with its bootstrap CV, or a model's prediction — never "whatever was computed
 * last"), the decision table, the allocation of the chosen
 * scenario's recommended catch by zone and degree, and the supply plan.
 */
public final class QuotaService {
    private final Services services;

    public QuotaService(Services services) {
        this.services = services;
    }

    /**
     * Everything a quota meeting needs.
     *
     * @param zoneBiomass each zone's biomass of the stock, t (the distribution's source)
     * @param basis       what the plan rests on
     * @param parameterSet the biomass parameter-set version of a survey basis (0 for a model)
     */
    public record Plan(Stock stock, String season, BiomassDistribution biomass, DecisionTable.Table table, String scenario, Allocation.Result allocation,
                       double[] regionShares, List<SupplyPlan.Month> supply, Map<String, Double> zoneBiomass, String source, QuotaBasis basis,
                       long parameterSet) {
        /** The recommended catch of the plan's scenario, t. */
        public double recommendedT() {
            return table.recommendations().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow().catchT();
        }
    }

    /**
     * A basis the user can choose, with what to call it.
     *
     * @param basis     the basis
     * @param label     e.g. {@code 2025-2} (the survey) or {@code anchoveta-biomass:2.0.0 → 2024-09}
     * @param simulated whether it rests on SIMULATED data
     */
    public record BasisOption(QuotaBasis basis, String label, boolean simulated) {
    }

    /** The workspace setting that holds a stock's and season's basis. */
    static String basisKey(Stock stock, String season) {
        return "quota.basis." + stock.id() + "." + season.strip();
    }

    /**
     * The bases a plan may rest on: each survey's latest stored biomass run, in survey order (the
     * latest survey last), a run of NASC without a survey, and every stored model prediction.
     */
    public List<BasisOption> options(Workspace ws) throws WorkspaceException {
        List<BasisOption> out = new ArrayList<>();
        List<BiomassRun> runs = ws.biomassRuns();
        for (var survey : ws.surveys()) {
            runs.stream().filter(r -> survey.id().equals(r.survey())).reduce((a, b) -> b)
                    .ifPresent(r -> out.add(new BasisOption(QuotaBasis.surveyRun(survey.id(), r.id()), survey.id(), survey.simulated())));
        }
        runs.stream().filter(r -> r.survey() == null).reduce((a, b) -> b)
                .ifPresent(r -> out.add(new BasisOption(QuotaBasis.surveyRun(null, r.id()), "run " + r.id(), false)));
        for (var pr : ws.predictionRuns()) {
            QuotaBasis b = QuotaBasis.model(pr.model(), YearMonth.parse(pr.period()));
            if (out.stream().noneMatch(o -> o.basis().equals(b))) {
                out.add(new BasisOption(b, pr.model() + " → " + pr.period(), false));
            }
        }
        return out;
    }

    /**
     * The basis of a stock's season: the one stored with its plan, else the latest survey's latest
     * run (the proposal); empty when the workspace has no stored biomass.
     */
    public java.util.Optional<QuotaBasis> basis(Workspace ws, Stock stock, String season) throws WorkspaceException {
        var stored = ws.setting(basisKey(stock, season));
        if (stored.isPresent()) {
            try {
                return java.util.Optional.of(QuotaBasis.parse(stored.get()));
            } catch (IllegalArgumentException e) {
                // an unreadable setting (edited by hand) falls back to the proposal
            }
        }
        List<BasisOption> acoustic = options(ws).stream().filter(o -> !o.basis().isModel()).toList();
        return acoustic.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(acoustic.get(acoustic.size() - 1).basis());
    }

    /** Stores the basis with the stock's season (audited); later plans and reports use it until it is changed. */
    public void keep(Workspace ws, Stock stock, String season, QuotaBasis basis) throws WorkspaceException {
        if (!ws.setting(basisKey(stock, season)).map(basis.stored()::equals).orElse(false)) {
            ws.setSetting(basisKey(stock, season), basis.stored());
        }
    }

    /**
     * The basis the command line names: {@code --run}, else {@code --survey} (its latest run), else
     * {@code --model} with {@code --period}, else the season's stored basis or the proposal.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public QuotaBasis basis(Workspace ws, Stock stock, String season, String survey, Long run, String model, YearMonth period)
            throws WorkspaceException, IOException {
        if (run != null) {
            BiomassRun r = ws.biomassRuns().stream().filter(x -> x.id() == run).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the workspace has no biomass run " + run));
            return QuotaBasis.surveyRun(r.survey(), r.id());
        }
        if (survey != null) {
            BiomassRun r = ws.biomassRuns().stream().filter(x -> survey.equals(x.survey())).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no stored biomass of survey " + survey + "; compute it first (cardumen biomass --survey "
                            + survey + " --store)"));
            return QuotaBasis.surveyRun(survey, r.id());
        }
        if (model != null) {
            if (period == null) {
                throw new IllegalArgumentException("a model prediction needs --period YYYY-MM");
            }
            String ref = services.models().registry().resolve(model).ref();
            return QuotaBasis.model(ref, period);
        }
        return basis(ws, stock, season).orElseThrow(() -> new IllegalArgumentException(
                "the workspace has no stored biomass; compute one (cardumen biomass --store) or give --model"));
    }

    /**
     * Builds the plan on a basis.
     *
     * @param scenario the scenario whose recommendation is allocated (e.g. {@code neutral})
     * @throws IllegalArgumentException when the basis's run is no longer in the workspace or the scenario is unknown
     */
    public Plan plan(Workspace ws, Stock stock, String season, QuotaBasis basis, String scenario, HarvestParameters p)
            throws WorkspaceException, IOException, FileFormatException {
        // the caller chose the thresholds (HarvestParameters.forSouth gives the south's reference)
        HarvestParameters params = p;
        if (params.scenarios().stream().noneMatch(s -> s.name().equals(scenario))) {
            throw new IllegalArgumentException("no scenario '" + scenario + "'; the parameters have "
                    + params.scenarios().stream().map(HarvestParameters.Scenario::name).toList());
        }
        Map<String, Zone> zones = new HashMap<>();
        ws.zones().forEach(z -> zones.put(z.code(), z));
        Map<String, Double> biomass = new HashMap<>();
        Map<String, Double> juveniles = new HashMap<>();
        BiomassDistribution dist;
        String source;
        long parameterSet = 0;
        if (basis.isModel()) {
            var pr = services.models().predict(ws, basis.model(), basis.period(), true);
            double mean = 0;
            double var = 0;
            for (var z : pr.zones()) {
                if (zones.get(z.zone()).stock() == stock) {
                    // each zone's mean by Swanson's rule (0.3 P10 + 0.4 P50 + 0.3 P90): the sum of medians of zero-inflated
                    // zones would understate the stock; its spread (P90 − P10) / 2.563, zones taken as independent
                    mean += 0.3 * z.p10T() + 0.4 * z.p50T() + 0.3 * z.p90T();
                    var += Math.pow((z.p90T() - z.p10T()) / (2 * 1.2815515655446004), 2);
                    biomass.put(z.zone(), z.p50T());
                }
            }
            double cv = mean > 0 ? Math.sqrt(var) / mean : 0;
            source = "model " + pr.version().ref() + " (" + pr.sha256().substring(0, 12) + "…) for " + basis.period()
                    + String.format(java.util.Locale.ROOT, ", stock mean by Swanson's rule per zone, CV %.3f", cv) + (pr.simulated() ? ", SIMULATED inputs" : "");
            dist = BiomassDistribution.ofMeanAndCv(mean, cv, source);
        } else {
            BiomassRun run = ws.biomassRuns().stream().filter(r -> r.id() == basis.run()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the quota basis, biomass run " + basis.run()
                            + (basis.survey() == null ? "" : " of survey " + basis.survey()) + ", is no longer in the workspace; choose another basis"));
            parameterSet = run.parameterSetVersion();
            double total = 0;
            double var = 0;
            for (BiomassRow r : ws.biomass(run.id())) {
                Zone z = zones.get(r.zone());
                if (z == null || z.stock() != stock || Double.isNaN(r.biomassT())) {
                    continue;
                }
                total += r.biomassT();
                double cv = Double.isNaN(r.cv()) ? 0 : r.cv();
                var += Math.pow(cv * r.biomassT(), 2);
                biomass.put(r.zone(), r.biomassT());
                juveniles.put(r.zone(), r.juvenilePctNumber());
            }
            double cv = total > 0 ? Math.sqrt(var) / total : 0;
            boolean simulated = run.survey() != null && ws.isSimulatedSurvey(run.survey());
            source = "acoustic biomass run " + run.id() + (run.survey() == null ? "" : " (survey " + run.survey() + (simulated ? ", SIMULATED" : "") + ")")
                    + String.format(java.util.Locale.ROOT, ", CV %.3f from zone bootstrap CVs", cv);
            dist = BiomassDistribution.ofMeanAndCv(total, cv, source);
        }
        DecisionTable.Table table = DecisionTable.compute(dist, params);
        double recommended = table.recommendations().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow().catchT();
        List<Allocation.ZoneInput> inputs = new ArrayList<>();
        Map<String, Double> lat = new HashMap<>();
        biomass.forEach((code, b) -> {
            Zone z = zones.get(code);
            inputs.add(new Allocation.ZoneInput(code, z.centroidLat(), z.hasDistanceBand() ? z.distMinNmi() : Double.POSITIVE_INFINITY, b,
                    juveniles.getOrDefault(code, Double.NaN)));
            lat.put(code, z.centroidLat());
        });
        inputs.sort(java.util.Comparator.comparingDouble((Allocation.ZoneInput z) -> -z.latDeg()).thenComparingDouble(Allocation.ZoneInput::distMinNmi));
        Allocation.Result allocation = Allocation.allocate(recommended, inputs, params.number("allocation.min.distance.nmi"),
                params.number("juvenile.warning.pct"));
        double[] shares = SupplyPlan.regionShares(allocation, lat, params.number("region.north.to.deg"), params.number("region.centre.to.deg"));
        List<SupplyPlan.Month> supply = SupplyPlan.plan(recommended, shares, params.months(), params.profile(), params.number("fishmeal.fish.per.meal"),
                params.number("fishoil.yield"));
        return new Plan(stock, season, dist, table, scenario, allocation, shares, supply, biomass, source, basis, parameterSet);
    }
}
