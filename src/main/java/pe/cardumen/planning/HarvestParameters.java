package pe.cardumen.planning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import pe.cardumen.io.ParameterFile;
import java.util.TreeMap;

/**
 * The harvest-control parameters ({@code harvest-parameters.properties}): natural mortality, the three
 * thresholds of the recommendation, the candidate catches, the Monte Carlo draws, the season's months
 * and catch profile, and the scenarios with their adjustments. A user's file replaces keys.
 *
 * @param mortalityPerYear natural mortality M, yr⁻¹
 * @param exploitationMax  E_max
 * @param referenceT       reference remaining biomass, t
 * @param riskTolerance    highest acceptable P(remaining < reference)
 * @param catches          candidate catches, t, ascending
 * @param draws            Monte Carlo draws
 * @param seed             their seed
 * @param months           calendar months of the season
 * @param profile          share of the catch in each month (sums to 1)
 * @param scenarios        the scenarios in order
 */
public record HarvestParameters(double mortalityPerYear, double exploitationMax, double referenceT, double riskTolerance, double[] catches, int draws,
                                long seed, int[] months, double[] profile, List<Scenario> scenarios, Map<String, String> definition) {

    /**
     * A scenario.
     *
     * @param biomassFactor   multiplies the biomass at the start of the season
     * @param mortalityFactor multiplies natural mortality
     */
    public record Scenario(String name, double biomassFactor, double mortalityFactor) {
    }

    public HarvestParameters {
        if (!(mortalityPerYear >= 0) || !(exploitationMax > 0) || !(referenceT >= 0) || !(riskTolerance >= 0 && riskTolerance <= 1) || draws < 1) {
            throw new IllegalArgumentException("harvest parameters: M ≥ 0, 0 < E_max, reference ≥ 0, 0 ≤ tolerance ≤ 1 and draws ≥ 1");
        }
        if (months.length == 0 || months.length != profile.length) {
            throw new IllegalArgumentException("season.months and season.profile must list the same number of months");
        }
        double sum = 0;
        for (double p : profile) {
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("season.profile must sum to 1, sums to " + sum);
        }
    }

    /** The bundled parameters. */
    public static HarvestParameters defaults() {
        return of(ParameterFile.defaults(HarvestParameters.class, "harvest-parameters.properties"));
    }

    /**
     * The bundled parameters with a user's file's keys replacing theirs (a new scenario's two factors may
     * be added; any other unknown key is refused with its line).
     */
    public static HarvestParameters load(Path file) throws IOException {
        return of(ParameterFile.load(HarvestParameters.class, "harvest-parameters.properties", file,
                key -> key.matches("scenario\\.[A-Za-z0-9-]+\\.(biomass|mortality)\\.factor")));
    }

    /** The same parameters with other thresholds (E_max, reference, tolerance). */
    public HarvestParameters withThresholds(double eMax, double reference, double tolerance) {
        Map<String, String> d = new TreeMap<>(definition);
        d.put("exploitation.max", Double.toString(eMax));
        d.put("reference.biomass.t", Double.toString(reference));
        d.put("risk.tolerance", Double.toString(tolerance));
        return new HarvestParameters(mortalityPerYear, eMax, reference, tolerance, catches, draws, seed, months, profile, scenarios, d);
    }

    /** The same parameters for the south stock (its reference biomass). */
    public HarvestParameters forSouth() {
        double ref = Double.parseDouble(definition.getOrDefault("reference.biomass.south.t", Double.toString(referenceT)));
        return withThresholds(exploitationMax, ref, riskTolerance);
    }

    /** Any numeric key of the file (allocation and supply-plan settings). */
    public double number(String key) {
        return d(definition, key);
    }

    /** The canonical {@code key=value} text, sorted, as reports print it. */
    public String text() {
        StringBuilder b = new StringBuilder();
        definition.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    private static HarvestParameters of(Properties p) {
        Map<String, String> def = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> def.put(k, p.getProperty(k).trim()));
        double from = d(def, "catch.from.t");
        double to = d(def, "catch.to.t");
        double step = d(def, "catch.step.t");
        if (!(step > 0) || to < from) {
            throw new IllegalArgumentException("catch.step.t must be > 0 and catch.to.t ≥ catch.from.t");
        }
        List<Double> c = new ArrayList<>();
        for (int i = 0; from + i * step <= to + 1e-6; i++) {
            c.add(from + i * step);
        }
        String[] m = text(def, "season.months").split(",");
        String[] pr = text(def, "season.profile").split(",");
        int[] months = new int[m.length];
        double[] profile = new double[pr.length];
        for (int i = 0; i < m.length; i++) {
            months[i] = Integer.parseInt(m[i].trim());
        }
        for (int i = 0; i < pr.length; i++) {
            profile[i] = Double.parseDouble(pr[i].trim());
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (String s : text(def, "scenarios").split(",")) {
            String n = s.trim();
            scenarios.add(new Scenario(n, d(def, "scenario." + n + ".biomass.factor"), d(def, "scenario." + n + ".mortality.factor")));
        }
        return new HarvestParameters(d(def, "mortality.per.year"), d(def, "exploitation.max"), d(def, "reference.biomass.t"), d(def, "risk.tolerance"),
                c.stream().mapToDouble(Double::doubleValue).toArray(), (int) d(def, "draws"), (long) d(def, "seed"), months, profile, scenarios, def);
    }

    private static String text(Map<String, String> def, String key) {
        String v = def.get(key);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("harvest parameter '" + key + "' is missing");
        }
        return v;
    }

    private static double d(Map<String, String> def, String key) {
        try {
            return Double.parseDouble(text(def, key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("harvest parameter '" + key + "' is not a number: " + def.get(key));
        }
    }
}
