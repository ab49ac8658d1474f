package pe.cardumen.acoustics.biomass;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Biomass per zone from echo-integrated intervals (DOMAIN.md §3):
 * <pre>
 * ρA(interval) = NASC / (4π · Σ_L p_L σbs(L))             fish nmi⁻²
 * N(zone)      = A_zone · mean(ρA over the zone's intervals)  fish
 * B(zone)      = N(zone) · Σ_L p_L W(L)                      kg (reported in t)
 * </pre>
 * where each interval carries the length distribution assigned to it. The zone's mean weight and
 * juvenile fractions are those of its fish, so intervals with different distributions are weighted
 * by their densities.
 */
public final class ZoneBiomass {
    /**
     * An echo-integration interval: its zone, NASC (water column) and length distribution.
     *
     * @param zone         zone code
     * @param nascM2PerNmi2 NASC, m² nmi⁻²
     * @param lengths      the length distribution assigned to it
     */
    public record Interval(String zone, double nascM2PerNmi2, LengthDistribution lengths) {
    }

    /**
     * One zone's result.
     *
     * @param zone                   zone code
     * @param areaNmi2               the zone's area, nmi²
     * @param intervals              intervals in the zone
     * @param nascMean               mean NASC, m² nmi⁻²
     * @param densityFishPerNmi2     mean ρA, fish nmi⁻²
     * @param abundance              number of fish
     * @param biomassT               biomass, t
     * @param densityTPerNmi2        biomass density, t nmi⁻²
     * @param meanLengthCm           mean length by number, cm
     * @param juvenilePctNumber      % juveniles by number
     * @param juvenilePctWeight      % juveniles by weight
     */
    public record Result(String zone, double areaNmi2, int intervals, double nascMean, double densityFishPerNmi2, double abundance, double biomassT,
                         double densityTPerNmi2, double meanLengthCm, double juvenilePctNumber, double juvenilePctWeight) {
    }

    private final BiomassParameters params;

    public ZoneBiomass(BiomassParameters params) {
        this.params = params;
    }

    /** Fish per nmi² of one interval. */
    public double density(Interval i) {
        return i.nascM2PerNmi2() / (4 * Math.PI * i.lengths().meanSigmaBs(params));
    }

    /**
     * Results for each zone that has intervals.
     *
     * @param areasNmi2 zone areas by code
     * @throws IllegalArgumentException when an interval's zone has no area
     */
    public List<Result> compute(List<Interval> intervals, Map<String, Double> areasNmi2) {
        Map<String, List<Interval>> byZone = new LinkedHashMap<>();
        for (Interval i : intervals) {
            if (!areasNmi2.containsKey(i.zone())) {
                throw new IllegalArgumentException("interval in zone '" + i.zone() + "', which has no area");
            }
            byZone.computeIfAbsent(i.zone(), z -> new ArrayList<>()).add(i);
        }
        List<Result> out = new ArrayList<>();
        for (Map.Entry<String, List<Interval>> e : byZone.entrySet()) {
            List<Interval> list = e.getValue();
            double area = areasNmi2.get(e.getKey());
            double nasc = 0;
            double rho = 0;
            double kg = 0;
            double length = 0;
            double juvN = 0;
            double juvKg = 0;
            for (Interval i : list) {
                double d = density(i);
                LengthDistribution ld = i.lengths();
                nasc += i.nascM2PerNmi2();
                rho += d;
                kg += d * ld.meanWeightKg(params);
                length += d * ld.meanLengthCm();
                juvN += d * ld.juvenileFractionByNumber(params);
                juvKg += d * ld.meanWeightKg(params) * ld.juvenileFractionByWeight(params);
            }
            int n = list.size();
            double rhoMean = rho / n;
            double abundance = area * rhoMean;
            double biomassT = area * (kg / n) / 1000;
            out.add(new Result(e.getKey(), area, n, nasc / n, rhoMean, abundance, biomassT, biomassT / area, rho > 0 ? length / rho : Double.NaN,
                    rho > 0 ? 100 * juvN / rho : Double.NaN, kg > 0 ? 100 * juvKg / kg : Double.NaN));
        }
        return out;
    }
}
