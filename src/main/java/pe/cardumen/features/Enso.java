package pe.cardumen.features;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.cardumen.domain.NinoMonth;
import pe.cardumen.domain.OniSeason;

/**
 * ENSO conditions for the Peruvian coast and the Pacific:
 * <ul>
 *   <li><b>ICEN</b> (Índice Costero El Niño, ENFEN 2012): the 3-month running mean of the Niño 1+2 SST
 *       anomaly, centred — ICEN(m) = mean of the anomalies of m−1, m and m+1, defined when all three
 *       exist — classified into ENFEN's categories; an El Niño (La Niña) costero is a run of at least
 *       {@link EnsoThresholds#eventMonths()} warm (cold) months.</li>
 *   <li><b>ONI</b> phases (NOAA CPC): El Niño (La Niña) where at least
 *       {@link EnsoThresholds#oniEventSeasons()} consecutive overlapping seasons reach +0.5 °C (−0.5 °C).</li>
 * </ul>
 * The anomalies are those of the input file (the CPC file Cardumen ships is relative to 1991–2020;
 * ENFEN's operational ICEN uses its own base period, so values can differ by a few hundredths of a degree).
 */
public final class Enso {
    /** ICEN categories, coldest first. */
    public enum IcenCategory {
        COLD_STRONG, COLD_MODERATE, COLD_WEAK, NEUTRAL, WARM_WEAK, WARM_MODERATE, WARM_STRONG, WARM_EXTRAORDINARY;

        public boolean isWarm() {
            return ordinal() > NEUTRAL.ordinal();
        }

        public boolean isCold() {
            return ordinal() < NEUTRAL.ordinal();
        }

        /** The category's identifier in files: {@code cold-strong} … {@code warm-extraordinary}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One month of the coastal index.
     *
     * @param month      the month
     * @param anomalyC   the month's Niño 1+2 anomaly, °C
     * @param icenC      the ICEN, °C
     * @param category   its ENFEN category
     * @param event      {@code el-nino-costero}, {@code la-nina-costera} or empty
     */
    public record IcenMonth(YearMonth month, double anomalyC, double icenC, IcenCategory category, String event) {
    }

    /**
     * One ONI season with its phase.
     *
     * @param season the season
     * @param phase  {@code el-nino}, {@code la-nina} or {@code neutral}
     */
    public record OniPhase(OniSeason season, String phase) {
    }

    private final EnsoThresholds thresholds;

    public Enso(EnsoThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The ENFEN category of an ICEN value. */
    public IcenCategory category(double icen) {
        EnsoThresholds t = thresholds;
        if (icen < t.coldStrong()) {
            return IcenCategory.COLD_STRONG;
        }
        if (icen < t.coldModerate()) {
            return IcenCategory.COLD_MODERATE;
        }
        if (icen < t.coldWeak()) {
            return IcenCategory.COLD_WEAK;
        }
        if (icen <= t.warmWeak()) {
            return IcenCategory.NEUTRAL;
        }
        if (icen <= t.warmModerate()) {
            return IcenCategory.WARM_WEAK;
        }
        if (icen <= t.warmStrong()) {
            return IcenCategory.WARM_MODERATE;
        }
        if (icen <= t.warmExtraordinary()) {
            return IcenCategory.WARM_STRONG;
        }
        return IcenCategory.WARM_EXTRAORDINARY;
    }

    /** The centred 3-month running mean of the anomalies; months without both neighbours are left out. */
    public static Map<YearMonth, Double> runningMean3(Map<YearMonth, Double> anomalies) {
        Map<YearMonth, Double> out = new TreeMap<>();
        for (Map.Entry<YearMonth, Double> e : anomalies.entrySet()) {
            Double before = anomalies.get(e.getKey().minusMonths(1));
            Double after = anomalies.get(e.getKey().plusMonths(1));
            if (before != null && after != null) {
                out.put(e.getKey(), (before + e.getValue() + after) / 3);
            }
        }
        return out;
    }

    /** The ICEN series with categories and coastal events, from monthly Niño-region data. */
    public List<IcenMonth> icen(List<NinoMonth> months) {
        Map<YearMonth, Double> anomalies = new TreeMap<>();
        for (NinoMonth m : months) {
            anomalies.put(m.month(), m.nino12AnomC());
        }
        Map<YearMonth, Double> icen = runningMean3(anomalies);
        List<YearMonth> keys = new ArrayList<>(icen.keySet());
        List<IcenCategory> cats = new ArrayList<>();
        for (YearMonth k : keys) {
            cats.add(category(icen.get(k)));
        }
        String[] events = new String[keys.size()];
        markRuns(keys, cats, true, "el-nino-costero", events);
        markRuns(keys, cats, false, "la-nina-costera", events);
        List<IcenMonth> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(new IcenMonth(keys.get(i), anomalies.get(keys.get(i)), icen.get(keys.get(i)), cats.get(i), events[i] == null ? "" : events[i]));
        }
        return out;
    }

    private void markRuns(List<YearMonth> keys, List<IcenCategory> cats, boolean warm, String name, String[] events) {
        int start = -1;
        for (int i = 0; i <= keys.size(); i++) {
            boolean in = i < keys.size() && (warm ? cats.get(i).isWarm() : cats.get(i).isCold())
                    && (start < 0 || keys.get(i).equals(keys.get(i - 1).plusMonths(1)));
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                if (i - start >= thresholds.eventMonths()) {
                    for (int k = start; k < i; k++) {
                        events[k] = name;
                    }
                }
                start = i < keys.size() && (warm ? cats.get(i).isWarm() : cats.get(i).isCold()) ? i : -1;
            }
        }
    }

    /** The ONI seasons with their phase. */
    public List<OniPhase> oniPhases(List<OniSeason> seasons) {
        String[] phase = new String[seasons.size()];
        markOni(seasons, true, phase);
        markOni(seasons, false, phase);
        List<OniPhase> out = new ArrayList<>();
        for (int i = 0; i < seasons.size(); i++) {
            out.add(new OniPhase(seasons.get(i), phase[i] == null ? "neutral" : phase[i]));
        }
        return out;
    }

    private void markOni(List<OniSeason> seasons, boolean warm, String[] phase) {
        double t = thresholds.oniThreshold();
        int start = -1;
        for (int i = 0; i <= seasons.size(); i++) {
            boolean in = i < seasons.size() && (warm ? seasons.get(i).anomalyC() >= t : seasons.get(i).anomalyC() <= -t);
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                if (i - start >= thresholds.oniEventSeasons()) {
                    for (int k = start; k < i; k++) {
                        phase[k] = warm ? "el-nino" : "la-nina";
                    }
                }
                start = -1;
            }
        }
    }
}
