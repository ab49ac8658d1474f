package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.CalibrationParameters;
import pe.cardumen.acoustics.EchogramBuilder;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.acoustics.SvCalibrator;
import pe.cardumen.acoustics.Track;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.sonar.Nmea;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Everything the sonar panel shows for a set of raw files and one channel: a per-file summary, the
 * echogram, the ship's track and the echo-integration cells. Two streaming passes per file (echogram
 * and track, then integration); memory is bounded by {@link EchogramBuilder}.
 */
public final class SonarLoader {
    /** Depth bins of the echogram. */
    /** Depth bins of the echograms shown. */
    public static final int ROWS = 500;

    /**
     * One file's summary.
     *
     * @param file     the file
     * @param sounder  the sounder and software
     * @param channels channel labels, e.g. {@code 38 kHz}
     * @param pings    pings of the shown channel
     * @param trackNmi sailed distance, nmi
     * @param warnings problems tolerated while reading
     */
    public record FileSummary(Path file, String sounder, List<String> channels, int pings, double trackNmi, List<String> warnings) {
    }

    /**
     * The result.
     *
     * @param files        per-file summaries
     * @param channels     the channels of the first file
     * @param channel      the channel shown
     * @param echogram     the echogram of that channel
     * @param cells        echo-integration cells (default settings)
     * @param trackLonLat  the track's fixes as {lon, lat} pairs
     * @param trackNmi     sailed distance over all files, nmi
     * @param settings     the echo-integration settings used
     * @param fileCalibration the shown channel's own calibration (first ping), before overrides; {@code null} during a live survey
     * @param overrides    the overrides applied to the shown channel
     */
    public record Loaded(List<FileSummary> files, List<SonarChannel> channels, SonarChannel channel, EchogramBuilder.Echogram echogram,
                         List<IntegrationCell> cells, List<double[]> trackLonLat, double trackNmi, IntegrationSettings settings,
                         CalibrationParameters fileCalibration, CalibrationOverrides overrides) {
    }

    /**
     * Loads the files.
     *
     * @param channelKhz the channel to show, kHz; NaN for 38 kHz when present, else the first channel
     * @param zones      zones for the cells' zone column, or {@code null}
     */
    public Loaded load(List<Path> files, double channelKhz, ZoneLayer zones, ProgressListener progress, CancellationToken cancel)
            throws IOException, FileFormatException {
        return load(files, channelKhz, c -> CalibrationOverrides.NONE, zones, progress, cancel);
    }

    /**
     * Loads the files with the user's calibration overrides per channel.
     */
    public Loaded load(List<Path> files, double channelKhz, java.util.function.Function<SonarChannel, CalibrationOverrides> overrides,
                       ZoneLayer zones, ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to load");
        }
        for (Path f : files) {
            if (!SimradRawReader.probe(f)) {
                throw new FileFormatException(f, "byte 0", "is not a Simrad EK60/EK80 raw file");
            }
        }
        List<SonarChannel> channels = new ArrayList<>();
        List<FileSummary> summaries = new ArrayList<>();
        List<double[]> track = new ArrayList<>();
        Track trackModel = new Track();
        List<Long> fixTimes = new ArrayList<>();
        EchogramBuilder[] echogram = {null};
        SonarChannel[] shown = {null};
        CalibrationParameters[] fileCal = {null};
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        long done = 0;
        for (Path file : files) {
            int[] pings = {0};
            String[] sounder = {""};
            List<String> labels = new ArrayList<>();
            int before = track.size();
            RawFileHandler positions = new RawFileHandler() {
                @Override
                public void configuration(String s, List<SonarChannel> cs) {
                    sounder[0] = s;
                    labels.clear();
                    cs.forEach(c -> labels.add(String.format(Locale.ROOT, "%.0f kHz", c.frequencyHz() / 1000)));
                    if (channels.isEmpty()) {
                        channels.addAll(cs);
                        shown[0] = choose(cs, channelKhz);
                    }
                }

                @Override
                public void nmea(long timeTicks, String sentence) {
                    Nmea.position(sentence).ifPresent(fix -> {
                        track.add(new double[] {fix.lonDegrees(), fix.latDegrees()});
                        trackModel.add(timeTicks, fix.latDegrees(), fix.lonDegrees());
                        fixTimes.add(timeTicks);
                    });
                }
            };
            SvCalibrator[] self = {null};
            SvCalibrator calibrator = new SvCalibrator(overrides,
                    ch -> shown[0] != null && ch == shown[0].number(), cp -> {
                        if (fileCal[0] == null) {
                            fileCal[0] = self[0].fileCalibration(cp.channel(), cp.ping());
                        }
                        if (echogram[0] == null) {
                            double deepest = cp.depthM(cp.svDb().length - 1);
                            echogram[0] = new EchogramBuilder(Math.max(10, deepest), ROWS);
                        }
                        echogram[0].add(cp, Double.NaN);
                        pings[0]++;
                    }, positions);
            self[0] = calibrator;
            long offset = done;
            long all = total;
            RawReadSummary s = new SimradRawReader().read(file, calibrator,
                    (d, t, m) -> progress.progress(offset + d / 2, all, file.getFileName().toString()), cancel);
            done += Files.size(file);
            double nmi = 0;
            for (int i = before + 1; i < track.size(); i++) {
                nmi += pe.cardumen.geo.Geodesy.distanceNmi(track.get(i - 1)[0], track.get(i - 1)[1], track.get(i)[0], track.get(i)[1]);
            }
            summaries.add(new FileSummary(file, sounder[0], List.copyOf(labels), pings[0], nmi, s.warnings()));
        }
        IntegrationSettings settings = IntegrationSettings.DEFAULT;
        List<IntegrationCell> cells = List.of();
        if (shown[0] != null) {
            IntegrationSettings chosen = trackModel.size() == 0 ? settings.withInterval(0) : settings;
            settings = chosen;
            cells = new RawFileIntegrator().integrate(files, shown[0].frequencyHz() / 1000, chosen, overrides, zones,
                    (d, t, m) -> progress.progress(t / 2 + d / 2, t, m), cancel).cells();
        }
        long[] times = fixTimes.stream().mapToLong(Long::longValue).toArray();
        double[] dist = trackModel.cumulativeDistanceNmi(times);
        double trackNmi = dist.length == 0 ? 0 : dist[dist.length - 1];
        EchogramBuilder.Echogram eg = echogram[0] == null ? new EchogramBuilder(10, ROWS).build() : echogram[0].build();
        return new Loaded(summaries, channels, shown[0], eg, cells, track, trackNmi, settings, fileCal[0],
                shown[0] == null ? CalibrationOverrides.NONE : overrides.apply(shown[0]));
    }

    /**
     * Sv(f) of a region of the echogram ({@link pe.cardumen.acoustics.BroadbandSpectrum}): the FM pings of
     * a channel between two times, between two depths below the surface.
     *
     * @param channelKhz the channel's nominal frequency, kHz
     * @param fromTicks  first ping time (FILETIME ticks, inclusive)
     * @param toTicks    last ping time (inclusive)
     * @param depthFromM top of the region, m below the surface
     * @param depthToM   bottom of the region, m
     * @param count      number of frequencies across the sweep
     * @throws IllegalArgumentException when the region has no FM ping or no spectral window fits in it
     */
    public pe.cardumen.acoustics.BroadbandSpectrum.Spectrum spectrum(List<Path> files, double channelKhz,
            java.util.function.Function<SonarChannel, CalibrationOverrides> overrides, long fromTicks, long toTicks, double depthFromM,
            double depthToM, int count, CancellationToken cancel) throws IOException, FileFormatException {
        List<pe.cardumen.acoustics.CalibratedPing> pings = new ArrayList<>();
        pe.cardumen.acoustics.Ek80Calibration[] cal = {null};
        pe.cardumen.acoustics.BroadbandSpectrum.Terms[] terms = {null};
        int[] cw = {0};
        for (Path file : files) {
            int[] selected = {-1};
            RawFileHandler chooser = new RawFileHandler() {
                @Override
                public void configuration(String s, List<SonarChannel> cs) {
                    selected[0] = cs.stream().filter(c -> c.isNominally(channelKhz)).mapToInt(SonarChannel::number).findFirst().orElse(-1);
                }
            };
            SvCalibrator[] self = {null};
            self[0] = new SvCalibrator(overrides, ch -> ch == selected[0], cp -> {
                long t = cp.ping().timeTicks();
                if (t < fromTicks || t > toTicks) {
                    return;
                }
                if (!cp.ping().isFm()) {
                    cw[0]++;
                    return;
                }
                if (cal[0] == null) {
                    cal[0] = self[0].ek80(cp.channel(), cp.ping());
                    terms[0] = self[0].broadbandTerms(cp.channel(), cp.ping());
                }
                pings.add(cp);
            }, chooser);
            new SimradRawReader().read(file, self[0], ProgressListener.NONE, cancel);
        }
        if (pings.isEmpty()) {
            throw new IllegalArgumentException(cw[0] > 0 ? "the region's " + cw[0] + " ping(s) are CW; Sv(f) needs FM (broadband) pings"
                    : "the region holds no ping of the " + Math.round(channelKhz) + " kHz channel");
        }
        var c = cal[0];
        double dz = c.base().sampleThicknessM();
        double first = pings.get(0).transducerDepthM() + c.rangeM(0);
        int from = (int) Math.ceil((depthFromM - first) / dz);
        int to = (int) Math.floor((depthToM - first) / dz);
        return pe.cardumen.acoustics.BroadbandSpectrum.sv(pings, c, terms[0], from, to,
                pe.cardumen.acoustics.BroadbandSpectrum.sweep(pings.get(0).ping(), count));
    }

    private static SonarChannel choose(List<SonarChannel> channels, double khz) {
        double want = Double.isNaN(khz) ? 38 : khz;
        for (SonarChannel c : channels) {
            if (c.isNominally(want)) {
                return c;
            }
        }
        return channels.isEmpty() ? null : channels.get(0);
    }
}
