package pe.cardumen.features;

import java.io.IOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.cardumen.domain.Zone;

/**
 * The table the models learn from: one row per zone × period (a survey's month, or any month), with
 * the zone's position, the season, the ocean and ENSO state of the period, the zone's biomass density
 * in the previous survey and its neighbours', and — where a survey exists in the period — the target:
 * the survey's acoustic biomass density. A missing input is NaN with its {@code missing_*} flag set to
 * 1, never a silent zero (DOMAIN.md §5).
 */
public final class FeatureTable {
    /** ENSO lags, months. */
    public static final int LAGS = 4;

    /** The CSV header, units in the names. */
    public static final List<String> COLUMNS = List.of("zone", "period", "survey", "stock", "lat_deg", "dist_mid_nmi", "area_nmi2", "season",
            "month_sin", "month_cos", "sst_mean_c", "sst_anomaly_c", "chl_log10_mg_m3", "icen_lag0_c", "icen_lag1_c", "icen_lag2_c", "icen_lag3_c",
            "oni_lag0_c", "oni_lag1_c", "oni_lag2_c", "oni_lag3_c", "prev_density_t_per_nmi2", "prev_neighbour_mean_t_per_nmi2",
            "target_density_t_per_nmi2", "missing_sst", "missing_sst_anomaly", "missing_chl", "missing_icen", "missing_oni", "missing_prev",
            "missing_neighbours", "missing_target", "simulated");

    /**
     * A survey's result: biomass density per zone (t nmi⁻²) of the zones it sampled.
     *
     * @param simulated whether the survey is simulated data
     */
    public record SurveyDensity(String id, YearMonth period, Map<String, Double> densityByZone, boolean simulated) {
    }

    /**
     * What the table is built from.
     *
     * @param zones     the workspace's zones
     * @param surveys   the surveys with a biomass result, any order
     * @param sst       monthly mean SST per zone, °C (zone → month → value)
     * @param sstClimatology climatological SST per zone and calendar month (zone → 1..12 → value), for anomalies
     * @param chlLog10  monthly mean log10 chlorophyll per zone
     * @param icen      ICEN per month, °C
     * @param oni       ONI per centre month, °C
     */
    public record Inputs(List<Zone> zones, List<SurveyDensity> surveys, Map<String, Map<YearMonth, Double>> sst,
                         Map<String, double[]> sstClimatology, Map<String, Map<YearMonth, Double>> chlLog10, Map<YearMonth, Double> icen,
                         Map<YearMonth, Double> oni) {
    }

    /** One row. Arrays hold lags 0..3. */
    public record Row(String zone, YearMonth period, String survey, String stock, double latDeg, double distMidNmi, double areaNmi2, String season,
                      double monthSin, double monthCos, double sstC, double sstAnomalyC, double chlLog10, double[] icen, double[] oni,
                      double prevDensity, double prevNeighbourMean, double target, boolean simulated) {
    }

    private FeatureTable() {
    }

    /**
     * Builds the rows of the given periods, zones in the order given, periods in order.
     *
     * <p>A period's survey is the survey whose period it is (the first by id when several share a
     * month); the previous survey is the latest with an earlier period.
     */
    public static List<Row> build(Inputs in, List<YearMonth> periods) {
        List<SurveyDensity> surveys = new ArrayList<>(in.surveys());
        surveys.sort(Comparator.comparing(SurveyDensity::period).thenComparing(SurveyDensity::id));
        Map<String, List<String>> neighbours = ZoneNeighbours.of(in.zones());
        List<Row> rows = new ArrayList<>();
        for (YearMonth p : periods.stream().sorted().distinct().toList()) {
            SurveyDensity current = null;
            SurveyDensity previous = null;
            for (SurveyDensity s : surveys) {
                if (s.period().isBefore(p)) {
                    previous = s;
                } else if (s.period().equals(p) && current == null) {
                    current = s;
                }
            }
            double angle = 2 * Math.PI * (p.getMonthValue() - 1) / 12;
            double[] icen = lags(in.icen(), p);
            double[] oni = lags(in.oni(), p);
            for (Zone z : in.zones()) {
                double sst = value(in.sst(), z.code(), p);
                double[] clim = in.sstClimatology().get(z.code());
                double anomaly = clim == null ? Double.NaN : sst - clim[p.getMonthValue()];
                double prev = previous == null ? Double.NaN : previous.densityByZone().getOrDefault(z.code(), Double.NaN);
                double neighbourMean = Double.NaN;
                if (previous != null) {
                    double sum = 0;
                    int n = 0;
                    for (String code : neighbours.getOrDefault(z.code(), List.of())) {
                        Double d = previous.densityByZone().get(code);
                        if (d != null && !d.isNaN()) {
                            sum += d;
                            n++;
                        }
                    }
                    neighbourMean = n == 0 ? Double.NaN : sum / n;
                }
                double target = current == null ? Double.NaN : current.densityByZone().getOrDefault(z.code(), Double.NaN);
                rows.add(new Row(z.code(), p, current == null ? "" : current.id(), z.stock().id(), z.centroidLat(),
                        z.hasDistanceBand() ? (z.distMinNmi() + z.distMaxNmi()) / 2 : Double.NaN, z.areaNmi2(), season(p.getMonthValue()),
                        Math.sin(angle), Math.cos(angle), sst, anomaly, value(in.chlLog10(), z.code(), p), icen, oni, prev, neighbourMean, target,
                        (current != null && current.simulated()) || (current == null && previous != null && previous.simulated())));
            }
        }
        return rows;
    }

    /** The austral season of a month: summer Dec–Feb, autumn Mar–May, winter Jun–Aug, spring Sep–Nov. */
    public static String season(int month) {
        return switch (month) {
            case 12, 1, 2 -> "summer";
            case 3, 4, 5 -> "autumn";
            case 6, 7, 8 -> "winter";
            default -> "spring";
        };
    }

    private static double[] lags(Map<YearMonth, Double> index, YearMonth p) {
        double[] out = new double[LAGS];
        for (int k = 0; k < LAGS; k++) {
            Double v = index.get(p.minusMonths(k));
            out[k] = v == null ? Double.NaN : v;
        }
        return out;
    }

    private static double value(Map<String, Map<YearMonth, Double>> byZone, String zone, YearMonth p) {
        Map<YearMonth, Double> m = byZone.get(zone);
        Double v = m == null ? null : m.get(p);
        return v == null ? Double.NaN : v;
    }

    /** Writes the rows as UTF-8 CSV text with {@link #COLUMNS}; NaN is written {@code NaN}. */
    public static void writeCsv(List<Row> rows, Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        StringBuilder b = new StringBuilder(512);
        for (Row r : rows) {
            b.setLength(0);
            b.append(r.zone()).append(',').append(r.period()).append(',').append(r.survey()).append(',').append(r.stock()).append(',');
            num(b, r.latDeg(), 5).append(',');
            num(b, r.distMidNmi(), 1).append(',');
            num(b, r.areaNmi2(), 3).append(',').append(r.season()).append(',');
            num(b, r.monthSin(), 6).append(',');
            num(b, r.monthCos(), 6).append(',');
            num(b, r.sstC(), 4).append(',');
            num(b, r.sstAnomalyC(), 4).append(',');
            num(b, r.chlLog10(), 4).append(',');
            for (double v : r.icen()) {
                num(b, v, 3).append(',');
            }
            for (double v : r.oni()) {
                num(b, v, 3).append(',');
            }
            num(b, r.prevDensity(), 6).append(',');
            num(b, r.prevNeighbourMean(), 6).append(',');
            num(b, r.target(), 6).append(',');
            b.append(flag(r.sstC())).append(',').append(flag(r.sstAnomalyC())).append(',').append(flag(r.chlLog10())).append(',')
                    .append(anyMissing(r.icen())).append(',').append(anyMissing(r.oni())).append(',').append(flag(r.prevDensity())).append(',')
                    .append(flag(r.prevNeighbourMean())).append(',').append(flag(r.target())).append(',').append(r.simulated() ? 1 : 0).append('\n');
            w.write(b.toString());
        }
    }

    private static StringBuilder num(StringBuilder b, double v, int decimals) {
        return b.append(Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    private static int flag(double v) {
        return Double.isNaN(v) ? 1 : 0;
    }

    private static int anyMissing(double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) {
                return 1;
            }
        }
        return 0;
    }
}
