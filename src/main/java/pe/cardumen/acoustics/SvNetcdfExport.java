package pe.cardumen.acoustics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.domain.sonar.SonarTime;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.netcdf.Netcdf4Writer;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Calibrated Sv of every channel of a Simrad raw file as one netCDF-4 file laid out as echopype's
 * {@code compute_Sv} output: {@code Sv(channel, ping_time, range_sample)} and {@code echo_range} of the
 * same shape (NaN where a channel did not ping at a time or has fewer samples), coordinates {@code channel}
 * (the channel ids), {@code ping_time} (ns since 1970) and {@code range_sample}, and per channel the
 * calibration used: {@code frequency_nominal}, {@code sound_speed}, {@code sound_absorption},
 * {@code gain_correction}, {@code sa_correction}, {@code equivalent_beam_angle}, {@code transmit_power},
 * {@code transmit_duration_nominal}, {@code sample_interval}, {@code tau_effective}, {@code water_level}
 * and, for FM, {@code frequency_start}/{@code frequency_end} (those of each channel's first ping).
 *
 * <p>Two passes over the file: the first finds the channels, their ping times and the longest ping,
 * which fix the arrays' shapes; the second calibrates every ping and writes its row where it belongs.
 * Memory holds one ping at a time and the list of ping times.
 */
public final class SvNetcdfExport {
    /** What was written. */
    public record Result(Path file, List<String> channels, int pingTimes, int rangeSamples, long pings, List<String> warnings) {
    }

    private final Function<SonarChannel, CalibrationOverrides> overrides;

    public SvNetcdfExport(Function<SonarChannel, CalibrationOverrides> overrides) {
        this.overrides = overrides;
    }

    /**
     * Writes {@code out} from {@code raw}.
     *
     * @param channelFilter the channels to export
     * @throws FileFormatException when the file has no readable configuration or no ping of the channels asked for
     */
    public Result export(Path raw, Path out, java.util.function.Predicate<SonarChannel> channelFilter, ProgressListener progress,
                         CancellationToken cancel)
            throws IOException, FileFormatException {
        // pass 1: shapes
        List<SonarChannel> channels = new ArrayList<>();
        TreeSet<Long> times = new TreeSet<>();
        int[] longest = {0};
        long[] pingCount = {0};
        Map<Integer, Integer> pingsPerChannel = new LinkedHashMap<>();
        RawFileHandler shapes = new RawFileHandler() {
            private final BitSet accepted = new BitSet();

            @Override
            public void configuration(String sounder, List<SonarChannel> cs) {
                if (channels.isEmpty()) {
                    channels.addAll(cs);
                }
                accepted.clear();
                cs.stream().filter(channelFilter).forEach(c -> accepted.set(c.number()));
            }

            @Override
            public void ping(Ping p) {
                if (accepted.get(p.channel())) {
                    times.add(p.timeTicks());
                    longest[0] = Math.max(longest[0], p.sampleCount());
                    pingCount[0]++;
                    pingsPerChannel.merge(p.channel(), 1, Integer::sum);
                }
            }
        };
        new SimradRawReader().read(raw, shapes, (d, t, m) -> progress.progress(d / 3, t, m), cancel);
        List<SonarChannel> chosen = channels.stream().filter(c -> pingsPerChannel.containsKey(c.number())).toList();
        if (channels.isEmpty()) {
            throw new FileFormatException(raw, "configuration", "has no channel configuration that could be read (its first datagram is "
                    + "damaged or missing), so no Sv can be exported; copy the file again from the echosounder PC");
        }
        if (chosen.isEmpty()) {
            throw new FileFormatException(raw, "", "has no ping of the channel(s) asked for; it has "
                    + channels.stream().map(c -> String.format(java.util.Locale.ROOT, "%.0f", c.frequencyHz() / 1000)).toList() + " kHz"
                    + (pingCount[0] == 0 ? " but no ping could be read" : ""));
        }
        long[] ticks = times.stream().mapToLong(Long::longValue).toArray();
        int nc = chosen.size();
        int nt = ticks.length;
        int nr = Math.max(1, longest[0]);
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < nc; i++) {
            index.put(chosen.get(i).number(), i);
        }

        Netcdf4Writer.Schema schema = new Netcdf4Writer.Schema()
                .dimension("channel", nc).dimension("ping_time", nt).dimension("range_sample", nr)
                .attribute("Conventions", "CF-1.7")
                .attribute("title", "Calibrated volume backscattering strength (Sv) of " + raw.getFileName())
                .attribute("processing_software_name", "Cardumen")
                .attribute("processing_software_version", AppInfo.version())
                .attribute("processing_function", "sonar sv --format netcdf")
                .attribute("source_file", raw.getFileName().toString());
        schema.variable("channel", Netcdf4Writer.Type.STRING, "channel").data(chosen.stream().map(SonarChannel::channelId).toArray(String[]::new))
                .attribute("long_name", "Vendor channel ID");
        long[] nanos = new long[nt];
        for (int t = 0; t < nt; t++) {
            nanos[t] = (ticks[t] - SonarTime.TICKS_TO_UNIX_EPOCH) * 100;
        }
        schema.variable("ping_time", Netcdf4Writer.Type.INT64, "ping_time").data(nanos).attribute("standard_name", "time")
                .attribute("long_name", "Timestamp of each ping").attribute("units", "nanoseconds since 1970-01-01T00:00:00Z")
                .attribute("calendar", "gregorian").attribute("axis", "T");
        long[] samples = new long[nr];
        for (int i = 0; i < nr; i++) {
            samples[i] = i;
        }
        schema.variable("range_sample", Netcdf4Writer.Type.INT64, "range_sample").data(samples).attribute("long_name", "Along-range sample number, base 0");
        schema.variable("Sv", Netcdf4Writer.Type.FLOAT32, "channel", "ping_time", "range_sample").fill(Float.NaN)
                .attribute("long_name", "Volume backscattering strength (Sv re 1 m-1)").attribute("units", "dB")
                .attribute("comment", "NaN where the channel did not ping or has no sample");
        schema.variable("echo_range", Netcdf4Writer.Type.FLOAT32, "channel", "ping_time", "range_sample").fill(Float.NaN)
                .attribute("long_name", "Range distance").attribute("units", "m")
                .attribute("comment", "EK60 and GPT: (i - 1)·dz, the TVG using (i - 2)·dz; EK80 WBT: i·dz - c·tau/4");
        String[][] perChannel = {
            {"frequency_nominal", "Transducer frequency", "Hz"}, {"frequency_start", "Start of the FM sweep (NaN for CW)", "Hz"},
            {"frequency_end", "End of the FM sweep (NaN for CW)", "Hz"}, {"sound_speed", "Sound speed", "m s-1"},
            {"sound_absorption", "Absorption coefficient at the (centre) frequency", "dB m-1"}, {"gain_correction", "Gain used", "dB"},
            {"sa_correction", "Sa correction used", "dB"}, {"equivalent_beam_angle", "Two-way equivalent beam angle used", "dB re 1 sr"},
            {"transmit_power", "Transmit power", "W"}, {"transmit_duration_nominal", "Nominal pulse duration", "s"},
            {"sample_interval", "Sample interval", "s"}, {"tau_effective", "Effective pulse duration (EK80; NaN for EK60)", "s"},
            {"water_level", "Transducer depth below the surface", "m"}};
        for (String[] v : perChannel) {
            schema.variable(v[0], Netcdf4Writer.Type.FLOAT64, "channel").attribute("long_name", v[1]).attribute("units", v[2]);
        }
        double[][] values = new double[perChannel.length][nc];
        for (double[] row : values) {
            Arrays.fill(row, Double.NaN);
        }
        boolean[] described = new boolean[nc];
        BitSet written = new BitSet(nc * nt);

        // pass 2: calibrate and write each ping's row
        float[] sv = new float[nr];
        float[] range = new float[nr];
        IOException[] failure = {null};
        Netcdf4Writer w = Netcdf4Writer.create(out, schema);
        RawReadSummary summary;
        try {
            SvCalibrator[] self = {null};
            self[0] = new SvCalibrator(overrides, index::containsKey, cp -> {
                if (failure[0] != null) {
                    return;
                }
                Ping p = cp.ping();
                Integer c = index.get(p.channel());
                int t = Arrays.binarySearch(ticks, p.timeTicks());
                if (c == null || t < 0) {
                    return;
                }
                float[] s = cp.svDb();
                Arrays.fill(sv, Float.NaN);
                Arrays.fill(range, Float.NaN);
                System.arraycopy(s, 0, sv, 0, Math.min(s.length, nr));
                for (int i = 0; i < Math.min(s.length, nr); i++) {
                    range[i] = (float) cp.rangeM(i);
                }
                long row = ((long) c * nt + t) * nr;
                try {
                    w.write("Sv", row, sv, 0, nr);
                    w.write("echo_range", row, range, 0, nr);
                } catch (IOException e) {
                    failure[0] = e;
                }
                written.set(c * nt + t);
                if (!described[c]) {
                    described[c] = true;
                    describe(self[0], cp, values, c);
                }
            }, null);
            try {
                summary = new SimradRawReader().read(raw, self[0], (d, t, m) -> progress.progress(t / 3 + d * 2 / 3, t, m), cancel);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the calibration cannot go on with what the file records (e.g. no filter stages for τeff)
                throw new FileFormatException(raw, "", e.getMessage(), e);
            }
            if (failure[0] != null) {
                throw failure[0];
            }
            Arrays.fill(sv, Float.NaN);
            for (int k = written.nextClearBit(0); k < nc * nt; k = written.nextClearBit(k + 1)) {
                w.write("Sv", (long) k * nr, sv, 0, nr);
                w.write("echo_range", (long) k * nr, sv, 0, nr);
            }
            for (int v = 0; v < perChannel.length; v++) {
                w.write(perChannel[v][0], 0, values[v]);
            }
        } catch (IOException | RuntimeException e) {
            w.abandon();
            throw e;
        }
        w.close();
        long size = Files.size(out);
        progress.progress(size, size, out.getFileName().toString());
        return new Result(out, chosen.stream().map(SonarChannel::channelId).toList(), nt, nr, pingCount[0], summary.warnings());
    }

    private void describe(SvCalibrator calibrator, CalibratedPing cp, double[][] values, int c) {
        Ping p = cp.ping();
        CalibrationParameters used = calibrator.fileCalibration(cp.channel(), p).with(overrides.apply(cp.channel()));
        double tau = Double.NaN;
        boolean ek80Wideband = !Double.isNaN(p.slope()) && !calibrator.isGpt(cp.channel(), p);
        if (ek80Wideband) {
            tau = calibrator.ek80(cp.channel(), p).effectivePulseS();
        }
        double[] row = {cp.channel().frequencyHz(), p.isFm() ? p.frequencyStartHz() : Double.NaN, p.isFm() ? p.frequencyEndHz() : Double.NaN,
            used.soundSpeedMPerS(), used.absorptionDbPerM(), used.gainDb(), used.saCorrectionDb(), used.equivalentBeamAngleDb(),
            used.transmitPowerW(), used.pulseLengthS(), used.sampleIntervalS(), tau, cp.transducerDepthM()};
        for (int v = 0; v < row.length; v++) {
            values[v][c] = row[v];
        }
    }
}
