package pe.cardumen.acoustics.biomass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.cardumen.domain.Zone;

/**
 * Zone results summed the ways IMARPE reports them: per degree of latitude, per distance band and
 * per stock. Abundance, biomass and area add up; mean length and % juveniles by number are weighted
 * by abundance, % juveniles by weight by biomass.
 */
public final class BiomassTotals {
    /** How zones are grouped. */
    public enum By {
        /** Whole degree of latitude south, from the zone's northern edge ("12°S" is 12°00′–13°00′S). */
        DEGREE,
        /** The zone's distance band ("0–10 nmi"). */
        BAND,
        /** The stock. */
        STOCK
    }

    /**
     * One group's totals.
     *
     * @param group             the group's label
     * @param zones             zones with intervals in it
     * @param areaNmi2          their area, nmi²
     * @param abundance         fish
     * @param biomassT          t
     * @param meanLengthCm      cm
     * @param juvenilePctNumber % by number
     * @param juvenilePctWeight % by weight
     */
    public record Total(String group, int zones, double areaNmi2, double abundance, double biomassT, double meanLengthCm, double juvenilePctNumber,
                        double juvenilePctWeight) {
    }

    private BiomassTotals() {
    }

    /**
     * Totals per group, in the group's natural order (degrees north to south, bands outwards).
     *
     * @throws IllegalArgumentException when a result's zone is not among {@code zones}
     */
    public static List<Total> of(List<ZoneBiomass.Result> results, Map<String, Zone> zones, By by) {
        // keyed by the group's sort position (degree south, inner distance, stock), labelled for display
        Map<Double, double[]> acc = new TreeMap<>();
        Map<Double, String> labels = new java.util.HashMap<>();
        for (ZoneBiomass.Result r : results) {
            Zone z = zones.get(r.zone());
            if (z == null) {
                throw new IllegalArgumentException("zone '" + r.zone() + "' of a result is not in the zone layer");
            }
            double order = order(z, by);
            labels.computeIfAbsent(order, k -> group(z, by));
            double[] a = acc.computeIfAbsent(order, k -> new double[7]);
            a[0]++;
            a[1] += r.areaNmi2();
            a[2] += r.abundance();
            a[3] += r.biomassT();
            if (r.abundance() > 0) {
                a[4] += r.abundance() * r.meanLengthCm();
                a[5] += r.abundance() * r.juvenilePctNumber();
            }
            if (r.biomassT() > 0) {
                a[6] += r.biomassT() * r.juvenilePctWeight();
            }
        }
        List<Total> out = new ArrayList<>();
        acc.forEach((order, a) -> out.add(new Total(labels.get(order), (int) a[0], a[1], a[2], a[3], a[2] > 0 ? a[4] / a[2] : Double.NaN,
                a[2] > 0 ? a[5] / a[2] : Double.NaN, a[3] > 0 ? a[6] / a[3] : Double.NaN)));
        return out;
    }

    /**
     * The label of the group a zone belongs to: {@code 12°S} (12°00′–13°00′S, from the zone's northern
     * edge), {@code 0–10 nmi} ({@code unknown} without a distance band), or the stock's id.
     */
    public static String group(Zone z, By by) {
        switch (by) {
            case DEGREE:
                return degree(z) + "°S";
            case BAND:
                return z.hasDistanceBand() ? Math.round(z.distMinNmi()) + "–" + Math.round(z.distMaxNmi()) + " nmi" : "unknown";
            default:
                return z.stock().id();
        }
    }

    /** Groups in their natural order: degrees north to south, bands outwards ({@code unknown} last), stocks by id. */
    private static double order(Zone z, By by) {
        switch (by) {
            case DEGREE:
                return degree(z);
            case BAND:
                return z.hasDistanceBand() ? Math.round(z.distMinNmi()) : Double.MAX_VALUE;
            default:
                return z.stock().ordinal();
        }
    }

    private static int degree(Zone z) {
        return (int) Math.floor(-z.latMaxDegrees() + 1e-9);
    }

}
