package pe.cardumen.acoustics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarTime;
import pe.cardumen.geo.ZoneLayer;

/**
 * Echo-integration of one channel over one or more files into cells of distance intervals × depth
 * layers. Pings are reduced as they arrive to a few numbers per layer, so memory grows with the number
 * of pings × layers, never with samples; positions and distances are resolved at the end, when every
 * NMEA fix is known.
 *
 * <p>For each ping, sample i is included in layer k when its depth ({@link CalibratedPing#depthM})
 * lies in [top(k), bottom(k)), its range from the transducer is at least the near field, it is not shallower than the
 * surface exclusion, and (when bottom exclusion is on) not deeper than the bottom minus the margin. The
 * bottom is the recorded one ({@code .bot}/{@code BOT0}) when given, else {@link BottomDetector}'s.
 * Then, with sv = 10^(Sv/10) or 0 below the threshold:
 * <pre>
 *   sa(ping, k)  = Σ sv·dz                                   m² m⁻²
 *   NASC(cell)   = 4π·1852² · mean over the interval's pings of sa(ping, k)
 *   Sv_mean      = 10·log10(Σ sv / number of included samples)
 * </pre>
 * Not thread-safe.
 */
public final class EchoIntegration {
    private final IntegrationSettings settings;
    private final BottomDetector detector;
    private final List<Reduced> pings = new ArrayList<>();
    private final Track track = new Track();
    private int bottomsDetected;
    private int bottomsRecorded;
    private int bottomsMissing;

    private record Reduced(long timeTicks, double[] sa, double[] svSum, long[] samples) {
    }

    public EchoIntegration(IntegrationSettings settings, BottomDetector detector) {
        this.settings = settings;
        this.detector = detector;
    }

    /** Adds a position fix. */
    public void addFix(long timeTicks, double latDegrees, double lonDegrees) {
        track.add(timeTicks, latDegrees, lonDegrees);
    }

    /**
     * Reduces a calibrated ping.
     *
     * @param recordedBottomM the bottom depth recorded for this ping, m; NaN to detect it
     */
    public void addPing(CalibratedPing cp, double recordedBottomM) {
        addPing(cp.ping().timeTicks(), cp.svDb(), cp.dzM(), cp.firstRangeM(), cp.transducerDepthM(), recordedBottomM);
    }

    /**
     * Reduces a ping given as Sv with the EK60 sample geometry (sample i at range (i − 1)·dz).
     *
     * @param sv               Sv per sample, dB re 1 m⁻¹
     * @param dz               sample thickness, m
     * @param transducerDepthM transducer depth, m
     * @param recordedBottomM  the recorded bottom depth, m; NaN to detect it
     */
    public void addPing(long timeTicks, float[] sv, double dz, double transducerDepthM, double recordedBottomM) {
        addPing(timeTicks, sv, dz, -dz, transducerDepthM, recordedBottomM);
    }

    private void addPing(long timeTicks, float[] sv, double dz, double firstRangeM, double transducerDepthM, double recordedBottomM) {
        // sample i lies at depth0 + i·dz (the same sum, in the same order, as an array of depths would hold)
        double depth0 = transducerDepthM + firstRangeM;
        double bottom = Double.NaN;
        if (settings.excludeBelowBottom()) {
            if (Double.isNaN(recordedBottomM)) {
                bottom = detector.detect(sv, depth0, dz, transducerDepthM);
                if (Double.isNaN(bottom)) {
                    bottomsMissing++;
                } else {
                    bottomsDetected++;
                }
            } else {
                bottom = recordedBottomM;
                bottomsRecorded++;
            }
        }
        int layers = settings.layerCount();
        double[] sa = new double[layers];
        double[] svSum = new double[layers];
        long[] n = new long[layers];
        double deepest = Double.isNaN(bottom) ? Double.POSITIVE_INFINITY : bottom - settings.bottomMarginM();
        // depth grows with i (dz > 0), so once a sample is below the layers or the bottom every later one is too
        boolean deeperOnward = dz > 0;
        for (int i = 0; i < sv.length; i++) {
            double d = depth0 + i * dz;
            if (d >= settings.layerBottomM() || d > deepest) {
                if (deeperOnward) {
                    break;
                }
                continue;
            }
            if (d < settings.layerTopM() || d < settings.surfaceExclusionM() || d - transducerDepthM < settings.nearFieldM() || Float.isNaN(sv[i])) {
                continue;
            }
            int k = (int) Math.floor((d - settings.layerTopM()) / settings.layerThicknessM());
            if (k >= layers) {
                if (deeperOnward) {
                    break;
                }
                continue;
            }
            double lin = sv[i] >= settings.thresholdDb() ? Math.pow(10, sv[i] / 10.0) : 0;
            sa[k] += lin * dz;
            svSum[k] += lin;
            n[k]++;
        }
        pings.add(new Reduced(timeTicks, sa, svSum, n));
    }

    /** Pings reduced so far. */
    public int pingCount() {
        return pings.size();
    }

    /** Position fixes so far. */
    public int fixCount() {
        return track.size();
    }

    /** How the bottom was found: {recorded, detected, missing} ping counts. */
    public int[] bottomCounts() {
        return new int[] {bottomsRecorded, bottomsDetected, bottomsMissing};
    }

    /**
     * The cells, in interval then layer order.
     *
     * @param zones the zone layer for the {@code zone} column; {@code null} leaves it empty
     * @throws IllegalStateException when distance intervals are asked for but the files have no positions
     */
    public List<IntegrationCell> cells(ZoneLayer zones) {
        List<Reduced> sorted = new ArrayList<>(pings);
        sorted.sort(Comparator.comparingLong(Reduced::timeTicks));
        long[] times = sorted.stream().mapToLong(Reduced::timeTicks).toArray();
        int[] interval = new int[sorted.size()];
        if (settings.perPing()) {
            for (int i = 0; i < interval.length; i++) {
                interval[i] = i;
            }
        } else {
            if (track.size() == 0) {
                throw new IllegalStateException("the files have no NMEA positions, so distance intervals cannot be formed; "
                        + "integrate per ping (--per-ping) instead");
            }
            double[] dist = track.cumulativeDistanceNmi(times);
            for (int i = 0; i < interval.length; i++) {
                interval[i] = (int) Math.floor(dist[i] / settings.intervalNmi() + 1e-12);
            }
        }
        Map<Integer, List<Integer>> byInterval = new TreeMap<>();
        for (int i = 0; i < interval.length; i++) {
            byInterval.computeIfAbsent(interval[i], k -> new ArrayList<>()).add(i);
        }
        List<IntegrationCell> cells = new ArrayList<>();
        int layers = settings.layerCount();
        for (Map.Entry<Integer, List<Integer>> e : byInterval.entrySet()) {
            List<Integer> members = e.getValue();
            double latSum = 0;
            double lonSum = 0;
            int positioned = 0;
            for (int i : members) {
                double[] p = track.at(times[i]);
                if (!Double.isNaN(p[0])) {
                    latSum += p[0];
                    lonSum += p[1];
                    positioned++;
                }
            }
            double lat = positioned == 0 ? Double.NaN : latSum / positioned;
            double lon = positioned == 0 ? Double.NaN : lonSum / positioned;
            String zone = zones == null || positioned == 0 ? "" : zones.zoneAt(lon, lat).map(z -> z.code()).orElse("");
            for (int k = 0; k < layers; k++) {
                double sa = 0;
                double svSum = 0;
                long n = 0;
                for (int i : members) {
                    Reduced r = sorted.get(i);
                    sa += r.sa()[k];
                    svSum += r.svSum()[k];
                    n += r.samples()[k];
                }
                double svMean = n == 0 || svSum == 0 ? Double.NaN : 10 * Math.log10(svSum / n);
                cells.add(new IntegrationCell(e.getKey(), k, SonarTime.toInstant(times[members.get(0)]),
                        SonarTime.toInstant(times[members.get(members.size() - 1)]), lat, lon, settings.layerTop(k), settings.layerBottom(k),
                        svMean, EchoIntegrator.NASC_PER_SA * sa / members.size(), members.size(), n, zone));
            }
        }
        return cells;
    }
}
