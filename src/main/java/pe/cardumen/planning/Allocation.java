package pe.cardumen.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected catch shared out by zone and degree of latitude in proportion to each zone's biomass,
 * leaving the zones inside the industrial fleet's limit out, with a warning for every zone whose
 * expected juvenile share by number exceeds the threshold.
 */
public final class Allocation {
    /**
     * A zone's input.
     *
     * @param latDeg          centroid latitude (negative south)
     * @param distMinNmi      inner edge of its distance band
     * @param biomassT        its biomass (predicted P50 or acoustic), t
     * @param juvenilePctNumber its expected juvenile share by number, % (NaN when unknown)
     */
    public record ZoneInput(String zone, double latDeg, double distMinNmi, double biomassT, double juvenilePctNumber) {
    }

    /** A zone's share of the catch, t, and whether its juveniles exceed the threshold. */
    public record ZoneShare(String zone, String degree, double catchT, double biomassT, double juvenilePctNumber, boolean juvenileWarning) {
    }

    /** The allocation. */
    public record Result(double catchT, List<ZoneShare> zones, Map<String, Double> byDegree, double excludedBiomassT, int juvenileWarnings) {
    }

    private Allocation() {
    }

    /** Shares {@code catchT} over the zones outside the distance limit. */
    public static Result allocate(double catchT, List<ZoneInput> zones, double minDistanceNmi, double juvenileWarningPct) {
        double open = 0;
        double excluded = 0;
        for (ZoneInput z : zones) {
            if (z.distMinNmi() >= minDistanceNmi) {
                open += Math.max(0, z.biomassT());
            } else {
                excluded += Math.max(0, z.biomassT());
            }
        }
        List<ZoneShare> out = new ArrayList<>();
        Map<String, Double> byDegree = new LinkedHashMap<>();
        int warnings = 0;
        for (ZoneInput z : zones) {
            if (z.distMinNmi() < minDistanceNmi) {
                continue;
            }
            double share = open > 0 ? catchT * Math.max(0, z.biomassT()) / open : 0;
            String degree = (int) Math.floor(-z.latDeg()) + "°S";
            boolean warn = share > 0 && z.juvenilePctNumber() > juvenileWarningPct;
            warnings += warn ? 1 : 0;
            out.add(new ZoneShare(z.zone(), degree, share, z.biomassT(), z.juvenilePctNumber(), warn));
            byDegree.merge(degree, share, Double::sum);
        }
        return new Result(catchT, out, byDegree, excluded, warnings);
    }
}
