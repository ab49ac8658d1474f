package pe.cardumen.ocean;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.workspace.ZonalRow;

/**
 * Anomalies of zonal means against a monthly climatology built from the stored history: for each zone
 * and calendar month, the mean of the zone's daily (or monthly) means over every imported year; the
 * anomaly of a time step is its zonal mean minus that month's climatology. With one year imported, the
 * climatology is that year's monthly mean and the anomalies are deviations within the month — the
 * climatology improves as more years are imported.
 */
public final class Anomalies {
    private final Map<String, double[]> sums = new HashMap<>();

    /** Builds the climatology from stored rows. */
    public Anomalies(List<ZonalRow> history) {
        for (ZonalRow r : history) {
            if (r.timeUtc() == null || Double.isNaN(r.mean())) {
                continue;
            }
            sums.computeIfAbsent(key(r.zone(), month(r.timeUtc())), k -> new double[2]);
            double[] s = sums.get(key(r.zone(), month(r.timeUtc())));
            s[0] += r.mean();
            s[1]++;
        }
    }

    private static int month(String timeUtc) {
        return Instant.parse(timeUtc).atZone(ZoneOffset.UTC).getMonthValue();
    }

    private static String key(String zone, int month) {
        return zone + "|" + month;
    }

    /** The climatological mean of a zone in a calendar month; NaN when the history has none. */
    public double climatology(String zone, int month) {
        double[] s = sums.get(key(zone, month));
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    /** The anomaly of a row: its mean minus the climatology of its zone and month. */
    public double anomaly(ZonalRow row) {
        return row.timeUtc() == null ? Double.NaN : row.mean() - climatology(row.zone(), month(row.timeUtc()));
    }
}
