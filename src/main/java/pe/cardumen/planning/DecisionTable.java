package pe.cardumen.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * IMARPE's decision table (DOMAIN.md §6): for each scenario (rows) and candidate catch (columns), the
 * spawning biomass remaining at the end of the season, the exploitation rate and the risk that the
 * remainder falls below the reference; and per scenario the recommended catch limit (LMTCP): the
 * largest candidate with E ≤ E_max and risk ≤ tolerance.
 *
 * <p>Projection, monthly over the season's months with Pope's approximation (growth ignored):
 * {@code B(t+1) = (B(t)·e^(−M/24) − C(t))·e^(−M/24)}, M per year of the scenario, the catch
 * {@code C(t) = catch × profile(t)}; when a month's catch exceeds what is there, the stock is emptied
 * (B = 0). The start biomass is drawn from the distribution times the scenario's factor; the same draws
 * serve every cell (common random numbers), so cells differ only by scenario and catch.
 * {@code E = catch / (median start biomass of the scenario)}; risk = share of draws ending below the reference.
 */
public final class DecisionTable {
    /** The method, for reports. */
    public static final String METHOD = "monthly Pope's approximation B(t+1) = (B(t)·exp(−M/24) − C(t))·exp(−M/24), growth ignored; "
            + "log-normal start biomass, Monte Carlo with common random numbers";

    /**
     * One cell.
     *
     * @param remainingMedianT median remaining biomass at season end, t
     * @param remainingP10T    its 10th percentile, t
     * @param exploitation     E = catch / median start biomass
     * @param risk             P(remaining < reference)
     */
    public record Cell(String scenario, double catchT, double remainingMedianT, double remainingP10T, double exploitation, double risk) {
    }

    /**
     * A scenario's recommendation.
     *
     * @param catchT      the largest admissible catch, t (0 when none is)
     * @param limitedBy   what stops the next candidate: {@code exploitation}, {@code risk}, {@code range} (the last candidate) or {@code none admissible}
     */
    public record Recommendation(String scenario, double catchT, Cell cell, String limitedBy) {
    }

    /** The table: cells by scenario then catch, the recommendations, and what it was computed from. */
    public record Table(List<Cell> cells, List<Recommendation> recommendations, BiomassDistribution biomass, HarvestParameters parameters) {
        /** The cells of one scenario, by catch. */
        public List<Cell> row(String scenario) {
            return cells.stream().filter(c -> c.scenario().equals(scenario)).toList();
        }
    }

    private DecisionTable() {
    }

    /** Builds the table. */
    public static Table compute(BiomassDistribution biomass, HarvestParameters p) {
        double[] start = biomass.draw(p.draws(), p.seed());
        List<Cell> cells = new ArrayList<>();
        List<Recommendation> recs = new ArrayList<>();
        for (HarvestParameters.Scenario s : p.scenarios()) {
            double m = p.mortalityPerYear() * s.mortalityFactor();
            double medianStart = biomass.medianT() * s.biomassFactor();
            Cell best = null;
            String limit = "none admissible";
            for (double c : p.catches()) {
                double[] end = new double[start.length];
                int below = 0;
                for (int i = 0; i < start.length; i++) {
                    end[i] = project(start[i] * s.biomassFactor(), c, m, p.profile());
                    if (end[i] < p.referenceT()) {
                        below++;
                    }
                }
                Arrays.sort(end);
                double e = medianStart > 0 ? c / medianStart : (c > 0 ? Double.POSITIVE_INFINITY : 0);
                Cell cell = new Cell(s.name(), c, percentile(end, 0.5), percentile(end, 0.1), e, (double) below / start.length);
                cells.add(cell);
                boolean ok = cell.exploitation() <= p.exploitationMax() + 1e-12 && cell.risk() <= p.riskTolerance() + 1e-12;
                if (ok && (best == null || c > best.catchT())) {
                    best = cell;
                    limit = "range";
                } else if (!ok && best != null && limit.equals("range")) {
                    limit = cell.exploitation() > p.exploitationMax() + 1e-12 ? "exploitation" : "risk";
                }
            }
            recs.add(new Recommendation(s.name(), best == null ? 0 : best.catchT(), best, limit));
        }
        return new Table(cells, recs, biomass, p);
    }

    /** The biomass left after the season's months, t. */
    public static double project(double startT, double catchT, double mortalityPerYear, double[] profile) {
        double half = Math.exp(-mortalityPerYear / 24);
        double b = startT;
        for (double share : profile) {
            b = b * half - catchT * share;
            if (b <= 0) {
                return 0;
            }
            b *= half;
        }
        return b;
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
