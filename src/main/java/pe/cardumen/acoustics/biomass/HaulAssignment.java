package pe.cardumen.acoustics.biomass;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.geo.Geodesy;

/**
 * Gives each integration interval a length distribution (DOMAIN.md §3): that of the nearest haul
 * within the parameter set's radius (geodesic distance), else the survey mean — all hauls' fish
 * pooled. Which rule applied is recorded with the assignment.
 */
public final class HaulAssignment {
    /** How an interval got its distribution. */
    public enum Rule {
        /** The nearest haul lies within the radius. */
        NEAREST_HAUL,
        /** No haul within the radius (or no position): the survey's pooled distribution. */
        SURVEY_MEAN
    }

    /**
     * An interval's distribution and its origin.
     *
     * @param lengths     the distribution
     * @param rule        which rule gave it
     * @param haulId      the haul used (null for the survey mean)
     * @param distanceNmi distance to that haul, nmi (NaN for the survey mean)
     */
    public record Assigned(LengthDistribution lengths, Rule rule, String haulId, double distanceNmi) {
    }

    private final List<Haul> hauls;
    private final List<LengthDistribution> distributions = new ArrayList<>();
    private final LengthDistribution surveyMean;
    private final double radiusNmi;

    /**
     * @throws IllegalArgumentException when there is no haul
     */
    /** Shortest length of a degree of latitude on WGS 84 (110,574 m at the equator), rounded down, nmi. */
    private static final double MIN_NMI_PER_DEGREE_OF_LATITUDE = 59.7;

    public HaulAssignment(List<Haul> hauls, BiomassParameters params) {
        if (hauls.isEmpty()) {
            throw new IllegalArgumentException("biomass needs at least one haul's length frequencies");
        }
        this.hauls = List.copyOf(hauls);
        this.radiusNmi = params.haulRadiusNmi();
        TreeMap<Double, Double> pooled = new TreeMap<>();
        for (Haul h : hauls) {
            distributions.add(LengthDistribution.ofCounts(h.lengthsCm(), h.counts()));
            for (int i = 0; i < h.lengthsCm().length; i++) {
                pooled.merge(h.lengthsCm()[i], h.counts()[i], Double::sum);
            }
        }
        surveyMean = LengthDistribution.ofCounts(pooled.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                pooled.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The survey's pooled distribution. */
    public LengthDistribution surveyMean() {
        return surveyMean;
    }

    /** The distribution for an interval at (lon, lat); NaN position takes the survey mean. */
    public Assigned assign(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return new Assigned(surveyMean, Rule.SURVEY_MEAN, null, Double.NaN);
        }
        // hauls in order of their latitude difference, a lower bound of the geodesic distance (a degree of
        // meridian is at least 59.7 nmi): once the bound passes the best distance, no later haul can be nearer
        Integer[] order = new Integer[hauls.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(k -> Math.abs(hauls.get(k).lat() - lat)));
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k : order) {
            if (Math.abs(hauls.get(k).lat() - lat) * MIN_NMI_PER_DEGREE_OF_LATITUDE > bestD) {
                break;
            }
            double d = Geodesy.distanceNmi(lon, lat, hauls.get(k).lon(), hauls.get(k).lat());
            if (d < bestD || (d == bestD && k < best)) {
                bestD = d;
                best = k;
            }
        }
        if (bestD <= radiusNmi) {
            return new Assigned(distributions.get(best), Rule.NEAREST_HAUL, hauls.get(best).id(), bestD);
        }
        return new Assigned(surveyMean, Rule.SURVEY_MEAN, null, Double.NaN);
    }
}
