package pe.cardumen.acoustics.biomass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Sampling uncertainty of biomass by a nonparametric bootstrap over intervals within zones (the
 * intervals of each zone are resampled with replacement, keeping their number; zones are
 * independent strata). Each replicate recomputes every zone's biomass and the total; the spread of
 * the replicates gives a CV (standard deviation / mean of the replicates) and a 90 % percentile
 * interval. Seeded: the same seed gives the same figures.
 */
public final class BiomassBootstrap {
    /**
     * The uncertainty of one figure.
     *
     * @param cv      coefficient of variation of the replicates
     * @param lowerT  5th percentile, t
     * @param upperT  95th percentile, t
     */
    public record Interval90(double cv, double lowerT, double upperT) {
    }

    /**
     * Per zone and for the total.
     *
     * @param zones per zone code
     * @param groups per group of zones (empty when no grouping was asked)
     * @param total of the sum over zones
     * @param replicates replicates drawn
     * @param seed the seed
     */
    public record Result(Map<String, Interval90> zones, Map<String, Interval90> groups, Interval90 total, int replicates, long seed) {
    }

    private final BiomassParameters params;

    public BiomassBootstrap(BiomassParameters params) {
        this.params = params;
    }

    /**
     * @param replicates how many (≥ 2)
     * @param seed       the random seed
     */
    public Result run(List<ZoneBiomass.Interval> intervals, Map<String, Double> areasNmi2, int replicates, long seed) {
        return run(intervals, areasNmi2, replicates, seed, Map.of());
    }

    /**
     * The same, with the uncertainty of group totals as well (e.g. per degree of latitude).
     *
     * @param groupOfZone each zone's group; zones not in it belong to no group
     */
    public Result run(List<ZoneBiomass.Interval> intervals, Map<String, Double> areasNmi2, int replicates, long seed, Map<String, String> groupOfZone) {
        return run(intervals, areasNmi2, replicates, seed, List.of(groupOfZone)).get(0);
    }

    /**
     * The same for several groupings at once (degree, band, stock): one set of replicates, so the zone
     * and total figures are those of {@link #run(List, Map, int, long, Map)} with the same seed, and
     * each grouping's totals come from the same draws.
     *
     * @return one result per grouping, in order (their zones and totals are the same)
     */
    public List<Result> run(List<ZoneBiomass.Interval> intervals, Map<String, Double> areasNmi2, int replicates, long seed,
                            List<Map<String, String>> groupings) {
        if (replicates < 2) {
            throw new IllegalArgumentException("the bootstrap needs at least 2 replicates, got " + replicates);
        }
        // each interval's biomass density, t nmi⁻²: ρA · mean weight
        ZoneBiomass zb = new ZoneBiomass(params);
        Map<String, List<Double>> byZone = new LinkedHashMap<>();
        for (ZoneBiomass.Interval i : intervals) {
            if (!areasNmi2.containsKey(i.zone())) {
                throw new IllegalArgumentException("interval in zone '" + i.zone() + "', which has no area");
            }
            byZone.computeIfAbsent(i.zone(), z -> new ArrayList<>()).add(zb.density(i) * i.lengths().meanWeightKg(params) / 1000);
        }
        List<String> codes = new ArrayList<>(byZone.keySet());
        double[][] tonnesPerNmi2 = new double[codes.size()][];
        double[] area = new double[codes.size()];
        for (int z = 0; z < codes.size(); z++) {
            tonnesPerNmi2[z] = byZone.get(codes.get(z)).stream().mapToDouble(Double::doubleValue).toArray();
            area[z] = areasNmi2.get(codes.get(z));
        }
        int n = groupings.size();
        List<List<String>> groups = new ArrayList<>();
        int[][] groupIndex = new int[n][codes.size()];
        double[][][] groupReps = new double[n][][];
        for (int k = 0; k < n; k++) {
            Map<String, String> groupOfZone = groupings.get(k);
            List<String> names = groupOfZone.values().stream().distinct().sorted().toList();
            groups.add(names);
            for (int z = 0; z < codes.size(); z++) {
                String g = groupOfZone.get(codes.get(z));
                groupIndex[k][z] = g == null ? -1 : names.indexOf(g);
            }
            groupReps[k] = new double[names.size()][replicates];
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] zoneReps = new double[codes.size()][replicates];
        double[] totalReps = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            double total = 0;
            for (int z = 0; z < codes.size(); z++) {
                double[] d = tonnesPerNmi2[z];
                double sum = 0;
                for (int k = 0; k < d.length; k++) {
                    sum += d[random.nextInt(d.length)];
                }
                double biomass = area[z] * sum / d.length;
                zoneReps[z][b] = biomass;
                for (int k = 0; k < n; k++) {
                    if (groupIndex[k][z] >= 0) {
                        groupReps[k][groupIndex[k][z]][b] += biomass;
                    }
                }
                total += biomass;
            }
            totalReps[b] = total;
        }
        Map<String, Interval90> zones = new LinkedHashMap<>();
        for (int z = 0; z < codes.size(); z++) {
            zones.put(codes.get(z), summarise(zoneReps[z]));
        }
        Interval90 total = summarise(totalReps);
        List<Result> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<String, Interval90> byGroup = new LinkedHashMap<>();
            for (int g = 0; g < groups.get(k).size(); g++) {
                byGroup.put(groups.get(k).get(g), summarise(groupReps[k][g]));
            }
            out.add(new Result(zones, byGroup, total, replicates, seed));
        }
        return out;
    }

    private static Interval90 summarise(double[] reps) {
        double mean = Arrays.stream(reps).average().orElse(Double.NaN);
        double ss = 0;
        for (double r : reps) {
            ss += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(ss / (reps.length - 1));
        double[] sorted = reps.clone();
        Arrays.sort(sorted);
        return new Interval90(mean > 0 ? sd / mean : Double.NaN, percentile(sorted, 0.05), percentile(sorted, 0.95));
    }

    /** Linear interpolation between order statistics (Hyndman & Fan type 7, as R's default). */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
