package pe.cardumen.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well predictions of log(1 + density) match the observed survey densities, and the two naive
 * forecasts every model is shown next to (DOMAIN.md §5): persistence of the zone's previous survey,
 * and the zone's seasonal climatology over the training surveys.
 *
 * <p>Metrics, on log1p of density (t nmi⁻²) unless said: {@code rmse}, {@code mae}, {@code r2}
 * (1 − SSres/SStot), {@code bias} (mean prediction − observation), {@code coverage} (share of
 * observations inside P10–P90; NaN for point forecasts), {@code auc} (presence/absence: P50 as the
 * score of density > 0, Mann–Whitney), {@code total_error_pct} (per survey, |Σ predicted biomass −
 * Σ observed biomass| / Σ observed, biomass = expm1(P50)·area, averaged over surveys), {@code n}.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * The metrics.
     *
     * @param obs     observed log1p density
     * @param p10     predicted P10 (NaN for a point forecast)
     * @param p50     predicted P50
     * @param p90     predicted P90 (NaN for a point forecast)
     * @param area    zone areas, nmi²
     * @param survey  the survey of each row
     */
    public static Map<String, Double> metrics(double[] obs, double[] p10, double[] p50, double[] p90, double[] area, String[] survey) {
        int n = obs.length;
        Map<String, Double> m = new LinkedHashMap<>();
        double se = 0;
        double ae = 0;
        double bias = 0;
        double mean = Arrays.stream(obs).average().orElse(Double.NaN);
        double tot = 0;
        int inside = 0;
        boolean interval = n > 0 && !Double.isNaN(p10[0]);
        for (int i = 0; i < n; i++) {
            double e = p50[i] - obs[i];
            se += e * e;
            ae += Math.abs(e);
            bias += e;
            tot += (obs[i] - mean) * (obs[i] - mean);
            if (interval && obs[i] >= p10[i] && obs[i] <= p90[i]) {
                inside++;
            }
        }
        m.put("rmse", Math.sqrt(se / n));
        m.put("mae", ae / n);
        m.put("r2", 1 - se / tot);
        m.put("bias", bias / n);
        m.put("coverage", interval ? (double) inside / n : Double.NaN);
        m.put("auc", auc(obs, p50));
        m.put("total_error_pct", totalError(obs, p50, area, survey));
        m.put("n", (double) n);
        return m;
    }

    /** The metrics of a model's quantile rows ({@code q[i] = {P10, P50, P90}} of log1p density). */
    public static Map<String, Double> ofQuantiles(double[] obs, float[][] q, double[] area, String[] survey) {
        double[] p10 = new double[q.length];
        double[] p50 = new double[q.length];
        double[] p90 = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            p10[i] = q[i][0];
            p50[i] = q[i][1];
            p90[i] = q[i][2];
        }
        return metrics(obs, p10, p50, p90, area, survey);
    }

    /** Area under the ROC curve of {@code score} for presence ({@code obs > 0}); NaN without both classes. */
    public static double auc(double[] obs, double[] score) {
        int n = obs.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[idx[k]] = r;
            }
            i = j + 1;
        }
        double pos = 0;
        double sumRank = 0;
        for (int i = 0; i < n; i++) {
            if (obs[i] > 0) {
                pos++;
                sumRank += rank[i];
            }
        }
        double neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (sumRank - pos * (pos + 1) / 2) / (pos * neg);
    }

    private static double totalError(double[] obs, double[] p50, double[] area, String[] survey) {
        Map<String, double[]> bySurvey = new LinkedHashMap<>();
        for (int i = 0; i < obs.length; i++) {
            double[] s = bySurvey.computeIfAbsent(survey[i], k -> new double[2]);
            s[0] += Math.expm1(Math.max(0, p50[i])) * area[i];
            s[1] += Math.expm1(obs[i]) * area[i];
        }
        return 100 * bySurvey.values().stream().filter(s -> s[1] > 0).mapToDouble(s -> Math.abs(s[0] - s[1]) / s[1]).average().orElse(Double.NaN);
    }

    /**
     * The seasonal climatology forecast: the mean log1p density of the zone in the same calendar month
     * over the training rows; else the zone's mean; else the mean of all training rows.
     */
    public static double[] climatology(FeatureFrame train, FeatureFrame test) {
        String[] tz = train.text("zone");
        String[] tp = train.text("period");
        double[] ty = train.numbers("target_density_t_per_nmi2");
        Map<String, double[]> byZoneMonth = new HashMap<>();
        Map<String, double[]> byZone = new HashMap<>();
        double all = 0;
        for (int i = 0; i < ty.length; i++) {
            double v = Math.log1p(ty[i]);
            add(byZoneMonth, tz[i] + "|" + tp[i].substring(5), v);
            add(byZone, tz[i], v);
            all += v;
        }
        all /= Math.max(1, ty.length);
        String[] z = test.text("zone");
        String[] p = test.text("period");
        double[] out = new double[z.length];
        for (int i = 0; i < out.length; i++) {
            double[] s = byZoneMonth.get(z[i] + "|" + p[i].substring(5));
            if (s == null) {
                s = byZone.get(z[i]);
            }
            out[i] = s == null ? all : s[0] / s[1];
        }
        return out;
    }

    /** The persistence forecast: log1p of the zone's previous survey density; the climatology where there is none. */
    public static double[] persistence(FeatureFrame test, double[] climatology) {
        double[] prev = test.numbers("prev_density_t_per_nmi2");
        double[] out = new double[prev.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(prev[i]) ? climatology[i] : Math.log1p(Math.max(0, prev[i]));
        }
        return out;
    }

    private static void add(Map<String, double[]> m, String key, double v) {
        double[] s = m.computeIfAbsent(key, k -> new double[2]);
        s[0] += v;
        s[1]++;
    }
}
