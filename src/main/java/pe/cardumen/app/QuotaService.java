package pe.cardumen.app;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * The quota of a stock from a workspace: its biomass distribution (the latest acoustic estimate with
 * its bootstrap CV, or a model's prediction), the decision table, the allocation of the chosen
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
     */
    public record Plan(Stock stock, String season, BiomassDistribution biomass, DecisionTable.Table table, String scenario, Allocation.Result allocation,
                       double[] regionShares, List<SupplyPlan.Month> supply, Map<String, Double> zoneBiomass, String source) {
        /** The recommended catch of the plan's scenario, t. */
        public double recommendedT() {
            return table.recommendations().stream().filter(r -> r.scenario().equals(scenario)).findFirst().orElseThrow().catchT();
        }
    }

    /**
     * Builds the plan.
     *
     * @param survey   the survey whose stored biomass to use ({@code null}: the latest run); ignored with a model
     * @param model    a model {@code ID[:VERSION]} to use its prediction for {@code period} instead ({@code null}: acoustic)
     * @param scenario the scenario whose recommendation is allocated (e.g. {@code neutral})
     */
    public Plan plan(Workspace ws, Stock stock, String season, String survey, String model, YearMonth period, String scenario, HarvestParameters p)
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
        if (model != null) {
            if (period == null) {
                throw new IllegalArgumentException("a model prediction needs --period YYYY-MM");
            }
            var pr = services.models().predict(ws, model, period, true);
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
            source = "model " + pr.version().ref() + " (" + pr.sha256().substring(0, 12) + "…) for " + period
                    + String.format(java.util.Locale.ROOT, ", stock mean by Swanson's rule per zone, CV %.3f", cv) + (pr.simulated() ? ", SIMULATED inputs" : "");
            dist = BiomassDistribution.ofMeanAndCv(mean, cv, source);
        } else {
            List<BiomassRun> runs = ws.biomassRuns().stream().filter(r -> survey == null || survey.equals(r.survey())).toList();
            if (runs.isEmpty()) {
                throw new IllegalArgumentException(survey == null ? "the workspace has no stored biomass; compute one (cardumen biomass --store) or give --model"
                        : "no stored biomass of survey " + survey);
            }
            BiomassRun run = runs.get(runs.size() - 1);
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
            boolean simulated = run.survey() != null && ws.surveys().stream().anyMatch(s -> s.id().equals(run.survey()) && s.simulated());
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
        return new Plan(stock, season, dist, table, scenario, allocation, shares, supply, biomass, source);
    }
}
