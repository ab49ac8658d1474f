package pe.cardumen.acoustics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.sonar.Nmea;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Echo-integrates one channel of a set of Simrad raw files (EK60, or EK80 CW; one transect or a
 * day's files) in a single pass per file: calibration from each file (or the user's overrides), the
 * recorded bottom from a companion {@code .bot} file of the same name or from {@code BOT0} datagrams
 * in the raw file that precede their ping (else detection), positions from the files' NMEA fixes,
 * cumulative distance continuing across files.
 */
public final class RawFileIntegrator {
    private BiConsumer<Path, String> sha256Sink;

    /**
     * Hashes each raw file in the pass that integrates it and hands its SHA-256 (lower-case hex) to
     * {@code sink} once the file has been read whole — for callers that record the digest anyway, so
     * that a file is read once, not twice.
     *
     * @return this integrator
     */
    public RawFileIntegrator hashingFiles(BiConsumer<Path, String> sink) {
        this.sha256Sink = sink;
        return this;
    }

    /**
     * What an integration produced.
     *
     * @param cells        the cells, interval then layer
     * @param warnings     every problem tolerated, prefixed with its file
     * @param pings        pings integrated
     * @param fixes        position fixes used
     * @param bottomCounts pings whose bottom was {recorded, detected, not found}
     */
    public record Result(List<IntegrationCell> cells, List<String> warnings, int pings, int fixes, int[] bottomCounts) {
    }

    /**
     * Integrates the files.
     *
     * @param channelKhz the channel's nominal frequency, kHz
     * @param zones      zones for the cells' zone column, or {@code null}
     * @throws FileFormatException when a file is not a raw file or has no such channel
     */
    public Result integrate(List<Path> files, double channelKhz, IntegrationSettings settings, CalibrationOverrides overrides,
                            ZoneLayer zones, ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException {
        return integrate(files, channelKhz, settings, c -> overrides, zones, progress, cancel);
    }

    /**
     * Integrates the files with per-channel calibration overrides (e.g. from an Echoview .ecs file).
     */
    public Result integrate(List<Path> files, double channelKhz, IntegrationSettings settings,
                            java.util.function.Function<SonarChannel, CalibrationOverrides> overrides, ZoneLayer zones,
                            ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException {
        EchoIntegration integration = new EchoIntegration(settings, BottomDetector.DEFAULT);
        List<String> warnings = new ArrayList<>();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        long total = bytes;
        long[] done = {0};
        for (Path file : files) {
            Map<Long, double[]> bottoms = companionBottoms(file, warnings, cancel);
            int[] selected = {-1};
            List<SonarChannel> seen = new ArrayList<>();
            long before = done[0];
            Map<Long, double[]> fileBottoms = bottoms;
            RawFileHandler positions = new RawFileHandler() {
                @Override
                public void configuration(String sounder, List<SonarChannel> channels) {
                    seen.clear();
                    seen.addAll(channels);
                    selected[0] = -1;
                    for (SonarChannel c : channels) {
                        if (c.isNominally(channelKhz)) {
                            selected[0] = c.number();
                        }
                    }
                }

                @Override
                public void nmea(long timeTicks, String sentence) {
                    Nmea.position(sentence).ifPresent(fix -> integration.addFix(timeTicks, fix.latDegrees(), fix.lonDegrees()));
                }

                @Override
                public void bottom(long timeTicks, double[] depthsM) {
                    // a BOT0 inside the raw file serves the pings that come after it with the same time
                    fileBottoms.putIfAbsent(timeTicks, depthsM);
                }
            };
            SvCalibrator calibrator = new SvCalibrator(overrides, ch -> ch == selected[0], cp -> {
                double[] b = fileBottoms.get(cp.ping().timeTicks());
                double recorded = b != null && b.length >= cp.channel().number() ? b[cp.channel().number() - 1] : Double.NaN;
                integration.addPing(cp, recorded);
            }, positions);
            RawReadSummary s;
            MessageDigest sha = sha256Sink == null ? null : FileDigest.newSha256();
            try {
                s = new SimradRawReader().digesting(sha).read(file, calibrator, (d, t, m) -> progress.progress(before + d, total, file.getFileName().toString()), cancel);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the calibration cannot go on with what the file records (e.g. no filter stages for τeff)
                throw new FileFormatException(file, "", e.getMessage(), e);
            }
            if (selected[0] < 0) {
                List<String> khz = seen.stream().map(c -> String.format(Locale.ROOT, "%.0f", c.frequencyHz() / 1000)).toList();
                throw new FileFormatException(file, "configuration", "has no " + String.format(Locale.ROOT, "%.0f", channelKhz)
                        + " kHz channel; it has " + khz + " kHz");
            }
            if (sha != null) {
                sha256Sink.accept(file, FileDigest.hex(sha));
            }
            for (String w : s.warnings()) {
                warnings.add(file.getFileName() + ": " + w);
            }
            done[0] += Files.size(file);
        }
        List<IntegrationCell> cells;
        try {
            cells = integration.cells(zones);
        } catch (IllegalStateException e) {
            throw new FileFormatException(files.get(files.size() - 1), "", e.getMessage(), e);
        }
        return new Result(cells, warnings, integration.pingCount(), integration.fixCount(), integration.bottomCounts());
    }

    /** The {@code <stem>.bot} file beside a raw file, whether or not it exists. */
    public static Path companionBottomFile(Path raw) {
        String stem = raw.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        return raw.resolveSibling(stem + ".bot");
    }

    /** Bottom depths by ping time from {@code <stem>.bot} beside the raw file; empty when there is none. */
    private static Map<Long, double[]> companionBottoms(Path raw, List<String> warnings, CancellationToken cancel) throws IOException {
        Path bot = companionBottomFile(raw);
        Map<Long, double[]> bottoms = new HashMap<>();
        if (!Files.isRegularFile(bot)) {
            return bottoms;
        }
        try {
            RawReadSummary s = new SimradRawReader().read(bot, new RawFileHandler() {
                @Override
                public void bottom(long timeTicks, double[] depthsM) {
                    bottoms.put(timeTicks, depthsM);
                }
            }, ProgressListener.NONE, cancel);
            for (String w : s.warnings()) {
                warnings.add(bot.getFileName() + ": " + w);
            }
        } catch (FileFormatException e) {
            warnings.add(e.getMessage() + "; the bottom is detected instead");
        }
        return bottoms;
    }
}
