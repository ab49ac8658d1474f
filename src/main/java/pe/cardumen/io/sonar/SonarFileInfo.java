package pe.cardumen.io.sonar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.domain.sonar.SonarTime;

/**
 * A handler that summarises a raw file without keeping its samples (memory stays bounded): channels
 * with ping counts, pulse lengths and time ranges, NMEA position coverage. Used by {@code cardumen
 * sonar info}.
 */
public final class SonarFileInfo implements RawFileHandler {
    private String sounder = "";
    private List<SonarChannel> channels = List.of();
    private final Map<Integer, ChannelStats> stats = new LinkedHashMap<>();
    private int positionSentences;
    private int fixes;
    private double latMin = Double.NaN;
    private double latMax = Double.NaN;
    private double lonMin = Double.NaN;
    private double lonMax = Double.NaN;

    /** Per-channel counts. */
    public static final class ChannelStats {
        private int pings;
        private long firstTicks = Long.MAX_VALUE;
        private long lastTicks = Long.MIN_VALUE;
        private int maxSamples;
        private int sectors;
        private final TreeSet<Double> pulseLengths = new TreeSet<>();
        private int cwPings;
        private int fmPings;
        private double sweepMinHz = Double.NaN;
        private double sweepMaxHz = Double.NaN;

        public int pings() {
            return pings;
        }

        /** Pings transmitted as CW. */
        public int cwPings() {
            return cwPings;
        }

        /** Pings transmitted as FM (broadband). */
        public int fmPings() {
            return fmPings;
        }

        /** Lowest and highest frequency swept by the channel's FM pings, Hz (NaN when none). */
        public double[] sweepHz() {
            return new double[] {sweepMinHz, sweepMaxHz};
        }

        public Instant first() {
            return pings == 0 ? null : SonarTime.toInstant(firstTicks);
        }

        public Instant last() {
            return pings == 0 ? null : SonarTime.toInstant(lastTicks);
        }

        public int maxSamples() {
            return maxSamples;
        }

        public int sectors() {
            return sectors;
        }

        public List<Double> pulseLengthsS() {
            return new ArrayList<>(pulseLengths);
        }
    }

    @Override
    public void configuration(String sounder, List<SonarChannel> channels) {
        this.sounder = sounder;
        this.channels = channels;
        for (SonarChannel c : channels) {
            stats.putIfAbsent(c.number(), new ChannelStats());
        }
    }

    @Override
    public void ping(Ping p) {
        ChannelStats s = stats.computeIfAbsent(p.channel(), k -> new ChannelStats());
        s.pings++;
        s.firstTicks = Math.min(s.firstTicks, p.timeTicks());
        s.lastTicks = Math.max(s.lastTicks, p.timeTicks());
        s.maxSamples = Math.max(s.maxSamples, p.sampleCount());
        s.sectors = Math.max(s.sectors, p.sectors());
        if (p.isFm()) {
            s.fmPings++;
            double lo = Math.min(p.frequencyStartHz(), p.frequencyEndHz());
            double hi = Math.max(p.frequencyStartHz(), p.frequencyEndHz());
            s.sweepMinHz = Double.isNaN(s.sweepMinHz) ? lo : Math.min(s.sweepMinHz, lo);
            s.sweepMaxHz = Double.isNaN(s.sweepMaxHz) ? hi : Math.max(s.sweepMaxHz, hi);
        } else {
            s.cwPings++;
        }
        if (Double.isFinite(p.pulseLengthS())) {
            // the file stores float32: show 0.001024, not 0.0010239999974146485
            s.pulseLengths.add(Double.parseDouble(Float.toString((float) p.pulseLengthS())));
        }
    }

    @Override
    public void nmea(long timeTicks, String sentence) {
        if (Nmea.isPositionSentence(sentence)) {
            positionSentences++;
            Nmea.position(sentence).ifPresent(f -> {
                fixes++;
                latMin = Double.isNaN(latMin) ? f.latDegrees() : Math.min(latMin, f.latDegrees());
                latMax = Double.isNaN(latMax) ? f.latDegrees() : Math.max(latMax, f.latDegrees());
                lonMin = Double.isNaN(lonMin) ? f.lonDegrees() : Math.min(lonMin, f.lonDegrees());
                lonMax = Double.isNaN(lonMax) ? f.lonDegrees() : Math.max(lonMax, f.lonDegrees());
            });
        }
    }

    public String sounder() {
        return sounder;
    }

    public List<SonarChannel> channels() {
        return channels;
    }

    public ChannelStats stats(int channel) {
        return stats.getOrDefault(channel, new ChannelStats());
    }

    /** Position sentences (GGA/GLL/RMC) seen. */
    public int positionSentences() {
        return positionSentences;
    }

    /** Valid position fixes among them. */
    public int fixes() {
        return fixes;
    }

    /** {latMin, latMax, lonMin, lonMax} of the fixes, degrees; NaNs when there are none. */
    public double[] positionBounds() {
        return new double[] {latMin, latMax, lonMin, lonMax};
    }
}
