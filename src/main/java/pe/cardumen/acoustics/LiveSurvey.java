package pe.cardumen.acoustics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.sonar.Nmea;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Echo-integration while the sounder records: follows the folder it writes into, reads each growing
 * {@code .raw} file as its datagrams are completed ({@link SimradRawReader.Follower}: a datagram still
 * being written is read at the next poll), and integrates one channel of every ping into the same
 * {@link EchoIntegration} as a batch run — one integration across the files in name order (the sounder
 * names them by start time), so distance intervals continue across file boundaries. Positions from the
 * NMEA fixes, speed over ground from VTG (or RMC), the bottom from {@code BOT0} datagrams in the raw
 * file or detected (a companion {@code .bot} file is read by the batch import, not live).
 *
 * <p>An interval is <em>finished</em> when a later interval has begun: its cells no longer change. After
 * the last file is complete, the cells equal those of {@link RawFileIntegrator} over the same files.
 * Not thread-safe: one poll at a time.
 */
public final class LiveSurvey {
    /**
     * The state after a poll.
     *
     * @param files             the raw files followed so far, in order
     * @param pings             pings integrated so far
     * @param fixes             position fixes so far
     * @param cells             every cell so far (the last interval still growing)
     * @param finishedIntervals intervals that no longer change
     * @param speedKnots        the latest speed over ground, kn (NaN when none yet)
     * @param newPings          the channel's pings calibrated during this poll (for the echogram)
     * @param newTrack          positions (lon, lat) received during this poll
     * @param warnings          every problem tolerated so far, prefixed with the file
     * @param datagrams         datagrams decoded during this poll (0: nothing new)
     */
    public record Snapshot(List<Path> files, int pings, int fixes, List<IntegrationCell> cells, int finishedIntervals, double speedKnots,
                           List<CalibratedPing> newPings, List<double[]> newTrack, List<String> warnings, int datagrams) {
        /** The cells of the finished intervals. */
        public List<IntegrationCell> finishedCells() {
            int last = cells.stream().mapToInt(IntegrationCell::interval).max().orElse(-1);
            return cells.stream().filter(c -> c.interval() < last).toList();
        }
    }

    private final Path dir;
    private final double channelKhz;
    private final IntegrationSettings settings;
    private final Function<SonarChannel, CalibrationOverrides> overrides;
    private final ZoneLayer zones;
    private final EchoIntegration integration;
    private final Map<Path, Followed> files = new LinkedHashMap<>();
    private final List<CalibratedPing> pending = new ArrayList<>();
    private final List<double[]> track = new ArrayList<>();
    private double speedKnots = Double.NaN;

    /** One file being followed. */
    private final class Followed {
        final Path file;
        final SimradRawReader.Follower follower;
        final Map<Long, double[]> bottoms = new HashMap<>();
        final List<SonarChannel> seen = new ArrayList<>();
        int selected = -1;
        String refused;
        long firstTicks = Long.MAX_VALUE;
        long lastTicks = Long.MIN_VALUE;
        int pings;
        String sounder = "";
        double trackNmi;
        double[] lastFix;

        Followed(Path file) {
            this.file = file;
            RawFileHandler positions = new RawFileHandler() {
                @Override
                public void configuration(String name, List<SonarChannel> channels) {
                    sounder = name;
                    seen.clear();
                    seen.addAll(channels);
                    selected = channels.stream().filter(c -> c.isNominally(channelKhz)).mapToInt(SonarChannel::number).findFirst().orElse(-1);
                }

                @Override
                public void nmea(long timeTicks, String sentence) {
                    Nmea.position(sentence).ifPresent(fix -> {
                        integration.addFix(timeTicks, fix.latDegrees(), fix.lonDegrees());
                        double[] lonLat = {fix.lonDegrees(), fix.latDegrees()};
                        track.add(lonLat);
                        if (lastFix != null) {
                            trackNmi += pe.cardumen.geo.Geodesy.distanceNmi(lastFix[0], lastFix[1], lonLat[0], lonLat[1]);
                        }
                        lastFix = lonLat;
                    });
                    Nmea.speedKnots(sentence).ifPresent(v -> speedKnots = v);
                }

                @Override
                public void bottom(long timeTicks, double[] depthsM) {
                    bottoms.putIfAbsent(timeTicks, depthsM);
                }
            };
            SvCalibrator calibrator = new SvCalibrator(overrides, ch -> ch == selected, cp -> {
                double[] b = bottoms.get(cp.ping().timeTicks());
                double recorded = b != null && b.length >= cp.channel().number() ? b[cp.channel().number() - 1] : Double.NaN;
                integration.addPing(cp, recorded);
                pending.add(cp);
                pings++;
                firstTicks = Math.min(firstTicks, cp.ping().timeTicks());
                lastTicks = Math.max(lastTicks, cp.ping().timeTicks());
            }, positions);
            this.follower = new SimradRawReader().follow(file, calibrator);
        }
    }

    /**
     * @param dir        the folder the sounder writes into
     * @param channelKhz the channel to integrate, kHz
     * @param zones      zones for the cells' zone column, or {@code null}
     */
    public LiveSurvey(Path dir, double channelKhz, IntegrationSettings settings, Function<SonarChannel, CalibrationOverrides> overrides,
                      ZoneLayer zones) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder; give the folder the echosounder writes its .raw files into");
        }
        this.dir = dir;
        this.channelKhz = channelKhz;
        this.settings = settings;
        this.overrides = overrides;
        this.zones = zones;
        this.integration = new EchoIntegration(settings, BottomDetector.DEFAULT);
    }

    /** The folder followed. */
    public Path folder() {
        return dir;
    }

    /** Reads what the sounder has written since the last poll and integrates it. */
    public Snapshot poll(CancellationToken cancel) throws IOException {
        List<Path> present;
        try (Stream<Path> list = Files.list(dir)) {
            present = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".raw") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path p : present) {
            files.computeIfAbsent(p, Followed::new);
        }
        int datagrams = 0;
        for (Followed f : files.values()) {
            if (f.refused != null) {
                continue;
            }
            try {
                datagrams += f.follower.poll(cancel);
            } catch (FileFormatException e) {
                f.refused = e.getMessage();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the calibration cannot go on with what the file records (e.g. no filter stages for τeff)
                f.refused = f.file.getFileName() + ": " + e.getMessage() + "; the rest of the file is not integrated";
            }
        }
        List<IntegrationCell> cells = List.of();
        if (integration.pingCount() > 0 && (settings.perPing() || integration.fixCount() > 0)) {
            cells = integration.cells(zones);
        }
        int last = cells.stream().mapToInt(IntegrationCell::interval).max().orElse(-1);
        int finished = (int) cells.stream().mapToInt(IntegrationCell::interval).filter(i -> i < last).distinct().count();
        Snapshot s = new Snapshot(List.copyOf(files.keySet()), integration.pingCount(), integration.fixCount(), cells, finished, speedKnots,
                List.copyOf(pending), List.copyOf(track), warnings(), datagrams);
        pending.clear();
        track.clear();
        return s;
    }

    /** Every warning so far, prefixed with its file; a file without the channel is named once. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Followed f : files.values()) {
            if (f.refused != null) {
                out.add(f.refused);
            }
            if (f.follower.offset() > 0 && f.selected < 0 && !f.seen.isEmpty()) {
                out.add(f.file.getFileName() + ": has no " + String.format(Locale.ROOT, "%.0f", channelKhz) + " kHz channel; it has "
                        + f.seen.stream().map(c -> String.format(Locale.ROOT, "%.0f", c.frequencyHz() / 1000)).toList() + " kHz");
            }
            for (String w : f.follower.warnings()) {
                out.add(f.file.getFileName() + ": " + w);
            }
        }
        return out;
    }

    /** The cells of one followed file whose intervals are settled (the intervals that begin in it). */
    public record FileCells(Path file, SonarChannel channel, List<IntegrationCell> cells, List<String> warnings) {
    }

    /**
     * The followed files whose cells no longer change, with the cells of the intervals that begin in
     * them: a file whose successor has pings and whose intervals are all finished; with {@code
     * everything}, every file (the survey stopped, the last interval is as complete as it will be).
     */
    public List<FileCells> settledFiles(Snapshot s, boolean everything) {
        List<Followed> list = new ArrayList<>(files.values());
        int last = s.cells().stream().mapToInt(IntegrationCell::interval).max().orElse(-1);
        List<FileCells> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Followed f = list.get(i);
            if (f.firstTicks == Long.MAX_VALUE) {
                continue;
            }
            boolean successorStarted = list.subList(i + 1, list.size()).stream().anyMatch(n -> n.firstTicks != Long.MAX_VALUE);
            java.time.Instant from = pe.cardumen.domain.sonar.SonarTime.toInstant(f.firstTicks);
            java.time.Instant to = pe.cardumen.domain.sonar.SonarTime.toInstant(f.lastTicks);
            List<IntegrationCell> mine = s.cells().stream().filter(c -> !c.timeStart().isBefore(from) && !c.timeStart().isAfter(to)).toList();
            boolean settled = everything || (successorStarted && mine.stream().allMatch(c -> c.interval() < last));
            if (settled) {
                List<String> w = new ArrayList<>();
                if (f.refused != null) {
                    w.add(f.refused);
                }
                w.addAll(f.follower.warnings());
                SonarChannel channel = f.selected < 1 || f.selected > f.seen.size() ? null : f.seen.get(f.selected - 1);
                out.add(new FileCells(f.file, channel, mine, w));
            }
        }
        return out;
    }

    /**
     * What is known of a followed file so far.
     *
     * @param sounder  the sounder and its software version, from the configuration ("" before it is read)
     * @param channels the file's channels
     * @param pings    pings of the integrated channel read so far
     * @param bytes    bytes decoded so far
     * @param trackNmi distance sailed between the file's position fixes so far, nmi
     */
    public record FileProgress(Path file, String sounder, List<SonarChannel> channels, int pings, long bytes, double trackNmi) {
    }

    /** Every followed file, in order. */
    public List<FileProgress> progress() {
        return files.values().stream().map(f -> new FileProgress(f.file, f.sounder, List.copyOf(f.seen), f.pings, f.follower.offset(),
                f.trackNmi)).toList();
    }

    /** The time span of a followed file's integrated pings (FILETIME ticks), or {@code null} when it has none. */
    public long[] pingSpan(Path file) {
        Followed f = files.get(file);
        return f == null || f.firstTicks == Long.MAX_VALUE ? null : new long[] {f.firstTicks, f.lastTicks};
    }
}
