package pe.cardumen.acoustics.biomass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
        Function<Zone, String> key = switch (by) {
            case DEGREE -> z -> String.format(Locale.ROOT, "%02d°S", (int) Math.floor(-z.latMaxDegrees() + 1e-9));
            case BAND -> z -> z.hasDistanceBand() ? String.format(Locale.ROOT, "%03.0f–%03.0f nmi", z.distMinNmi(), z.distMaxNmi()) : "unknown";
            case STOCK -> z -> z.stock().id();
        };
        Map<String, double[]> acc = new TreeMap<>();
        for (ZoneBiomass.Result r : results) {
            Zone z = zones.get(r.zone());
            if (z == null) {
                throw new IllegalArgumentException("zone '" + r.zone() + "' of a result is not in the zone layer");
            }
            double[] a = acc.computeIfAbsent(key.apply(z), k -> new double[7]);
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
        acc.forEach((group, a) -> out.add(new Total(stripPadding(group, by), (int) a[0], a[1], a[2], a[3], a[2] > 0 ? a[4] / a[2] : Double.NaN,
                a[2] > 0 ? a[5] / a[2] : Double.NaN, a[3] > 0 ? a[6] / a[3] : Double.NaN)));
        return out;
    }

    /** Labels are zero-padded so that they sort numerically; the padding is removed for display. */
    private static String stripPadding(String label, By by) {
        if (by == By.STOCK || label.equals("unknown")) {
            return label;
        }
        return label.replaceAll("(?<![0-9])0+(?=[0-9])", "");
    }
}
