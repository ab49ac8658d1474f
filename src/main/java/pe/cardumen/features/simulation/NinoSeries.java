package pe.cardumen.features.simulation;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.cardumen.domain.NinoMonth;
import pe.cardumen.domain.OniSeason;

/**
 * Monthly Niño 1+2 SST anomalies (°C) for the simulated history: the real ERSSTv5 values where the
 * bundled file has them; after it ends, a least-squares line on the ONI of the same centre month,
 * fitted over the months both cover; after the ONI ends too, zero (neutral). Each month says which.
 */
public final class NinoSeries {
    /** Where a month's anomaly comes from. */
    public enum Source {
        /** The ERSSTv5 Niño 1+2 anomaly itself. */
        ERSST5("ersst5"),
        /** Estimated from the ONI by the fitted line. */
        ONI_REGRESSION("oni-regression"),
        /** No index covers the month: neutral. */
        NEUTRAL("neutral");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        /** Identifier written to files. */
        public String id() {
            return id;
        }
    }

    /** A month's anomaly and where it comes from. */
    public record Value(double anomalyC, Source source) {
    }

    private final TreeMap<YearMonth, Double> nino = new TreeMap<>();
    private final TreeMap<YearMonth, Double> oni = new TreeMap<>();
    private final double intercept;
    private final double slope;

    /**
     * @param from the first month of the fit (the fit uses months from here to the end of the Niño file)
     */
    public NinoSeries(List<NinoMonth> ninoMonths, List<OniSeason> oniSeasons, YearMonth from) {
        ninoMonths.forEach(m -> nino.put(m.month(), m.nino12AnomC()));
        oniSeasons.forEach(s -> oni.put(s.centre(), s.anomalyC()));
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (Map.Entry<YearMonth, Double> e : nino.tailMap(from, true).entrySet()) {
            Double x = oni.get(e.getKey());
            if (x == null) {
                continue;
            }
            sx += x;
            sy += e.getValue();
            sxx += x * x;
            sxy += x * e.getValue();
            n++;
        }
        if (n < 24) {
            throw new IllegalArgumentException("the Niño 1+2 and ONI files share only " + n + " months from " + from + "; at least 24 are needed");
        }
        slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        intercept = (sy - slope * sx) / n;
    }

    /** The anomaly of a month. */
    public Value at(YearMonth month) {
        Double a = nino.get(month);
        if (a != null) {
            return new Value(a, Source.ERSST5);
        }
        Double o = oni.get(month);
        if (o != null && month.isAfter(nino.lastKey())) {
            return new Value(intercept + slope * o, Source.ONI_REGRESSION);
        }
        return new Value(0, Source.NEUTRAL);
    }

    /** Mean of a month and the two before it, and the weakest source among them. */
    public Value mean3(YearMonth month) {
        double sum = 0;
        Source worst = Source.ERSST5;
        for (int k = 0; k < 3; k++) {
            Value v = at(month.minusMonths(k));
            sum += v.anomalyC();
            if (v.source().ordinal() > worst.ordinal()) {
                worst = v.source();
            }
        }
        return new Value(sum / 3, worst);
    }

    /** Intercept of the ONI line, °C. */
    public double intercept() {
        return intercept;
    }

    /** Slope of the ONI line, °C per °C. */
    public double slope() {
        return slope;
    }

    /** The last month of real Niño 1+2 data. */
    public YearMonth lastNinoMonth() {
        return nino.lastKey();
    }
}
