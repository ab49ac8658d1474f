package pe.cardumen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.acoustics.SvCalibrator;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.Ping;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.io.FixedDecimals;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.RawReadSummary;
import pe.cardumen.io.sonar.EcsCalibrationReader;
import pe.cardumen.io.sonar.SimradRawReader;
import pe.cardumen.io.sonar.SonarFileInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cardumen sonar info|sv}: Simrad EK60/EK80 raw files. */
@Command(name = "sonar", mixinStandardHelpOptions = true, description = "Simrad EK60/EK80 echosounder raw files.",
        subcommands = {SonarCommand.Info.class, SonarCommand.Sv.class, SonarCommand.Spectrum.class, SonarCommand.Integrate.class, SonarCommand.Watch.class})
final class SonarCommand extends CommandGroup {
    SonarCommand(Supplier<Services> services) {
        super(services);
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Sounder, channels, pings per channel, time range, position coverage, datagram counts and warnings.")
    static final class Info implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SonarCommand parent;

        @Parameters(index = "0", description = "A .raw (or .bot) file.")
        Path file;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            SonarFileInfo info = new SonarFileInfo();
            RawReadSummary s = new SimradRawReader().read(file, info, ProgressListener.NONE, CancellationToken.NONE);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", s.fileName());
            m.put("size_bytes", s.fileBytes());
            m.put("sounder", info.sounder());
            List<Map<String, Object>> channels = new ArrayList<>();
            for (SonarChannel c : info.channels()) {
                SonarFileInfo.ChannelStats st = info.stats(c.number());
                Map<String, Object> ch = new LinkedHashMap<>();
                ch.put("number", c.number());
                ch.put("id", c.channelId());
                ch.put("frequency_hz", c.frequencyHz());
                // EK60 writes 0/1; EK80's split-beam variants (17, 49, 65, 81 …) all have bit 0 set
                ch.put("beam_type", c.beamType() == 0 ? "single" : (c.beamType() & 1) == 1 ? "split" : Integer.toString(c.beamType()));
                ch.put("pulse_lengths_s", st.pulseLengthsS());
                ch.put("pulse_form", st.fmPings() == 0 ? "CW" : st.cwPings() == 0 ? "FM" : "CW+FM");
                if (st.fmPings() > 0) {
                    ch.put("fm_sweep_hz", List.of(st.sweepHz()[0], st.sweepHz()[1]));
                }
                ch.put("pings", st.pings());
                ch.put("samples_per_ping_max", st.maxSamples());
                if (st.sectors() > 0) {
                    ch.put("complex_sectors", st.sectors());
                }
                ch.put("time_start_utc", st.first() == null ? null : st.first().toString());
                ch.put("time_end_utc", st.last() == null ? null : st.last().toString());
                channels.add(ch);
            }
            m.put("channels", channels);
            Map<String, Object> pos = new LinkedHashMap<>();
            pos.put("position_sentences", info.positionSentences());
            pos.put("valid_fixes", info.fixes());
            double[] b = info.positionBounds();
            pos.put("lat_min", Double.isNaN(b[0]) ? null : b[0]);
            pos.put("lat_max", Double.isNaN(b[1]) ? null : b[1]);
            pos.put("lon_min", Double.isNaN(b[2]) ? null : b[2]);
            pos.put("lon_max", Double.isNaN(b[3]) ? null : b[3]);
            m.put("positions", pos);
            m.put("datagrams", s.counts());
            m.put("bytes_read", s.bytesRead());
            m.put("truncated", s.truncated());
            m.put("warnings", s.warnings());
            PrintWriter out = parent.out();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                return 0;
            }
            out.printf(Locale.ROOT, "file          %s (%,d bytes)%n", s.fileName(), s.fileBytes());
            out.printf(Locale.ROOT, "sounder       %s%n", info.sounder());
            for (Map<String, Object> ch : channels) {
                String form = (String) ch.get("pulse_form");
                if (ch.containsKey("fm_sweep_hz")) {
                    @SuppressWarnings("unchecked")
                    List<Double> sweep = (List<Double>) ch.get("fm_sweep_hz");
                    form += String.format(Locale.ROOT, " %s–%s kHz", trim(sweep.get(0) / 1000), trim(sweep.get(1) / 1000));
                }
                out.printf(Locale.ROOT, "channel %-5s %s, %.0f kHz, %s, %s pings, up to %s samples, %s → %s%n", ch.get("number"), ch.get("id"),
                        (Double) ch.get("frequency_hz") / 1000, form, ch.get("pings"), ch.get("samples_per_ping_max"), ch.get("time_start_utc"),
                        ch.get("time_end_utc"));
            }
            out.printf(Locale.ROOT, "positions     %d valid fixes of %d position sentences%n", info.fixes(), info.positionSentences());
            out.printf(Locale.ROOT, "datagrams     %s%n", s.counts());
            for (String w : s.warnings()) {
                out.println("warning: " + w);
            }
            return 0;
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Command(name = "sv", mixinStandardHelpOptions = true,
            description = "Calibrated Sv of one channel (EK60, EK80 CW, or EK80 FM pulse-compressed, band-averaged at the sweep centre) as long-format CSV: ping_index,ping_time_utc,sample_index,range_m,depth_m,sv_db. "
                    + "Range convention: EK60 range = (i − 1)·dz (the TVG uses (i − 2)·dz); EK80 range = i·dz − c·τ/4; depth = range + transducer depth. "
                    + "sv_db is empty where the range is not positive (EK80).")
    static final class Sv implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SonarCommand parent;

        @Parameters(index = "0", description = "An EK60/ES60/ER60 or EK80 (CW or FM) .raw file.")
        Path file;

        @Option(names = "--channel", description = "Channel frequency in kHz, e.g. 38. Required for CSV; for NetCDF, default every channel.")
        Double channelKhz;

        @Option(names = "--pings", description = "Ping range A-B (0-based, inclusive), e.g. 0-9. Default: all. CSV only.")
        String pings;

        @Option(names = "--csv", description = "CSV output (the default; the same as --format csv).")
        boolean csv;

        @Option(names = "--format", defaultValue = "csv", description = "csv (long format on standard output) or netcdf (netCDF-4, echopype's "
                + "Sv layout, every channel in one pass, to --out).")
        String format;

        @Option(names = "--out", description = "Output file (required for --format netcdf).")
        Path outFile;

        @Option(names = "--gain", description = "Override the transducer gain, dB.")
        Double gain;

        @Option(names = "--sa-correction", description = "Override the Sa correction, dB.")
        Double saCorrection;

        @Option(names = "--eba", description = "Override the equivalent beam angle, dB re 1 sr.")
        Double eba;

        @Option(names = "--sound-speed", description = "Override the sound speed, m/s.")
        Double soundSpeed;

        @Option(names = "--absorption", description = "Override the absorption coefficient, dB/m.")
        Double absorption;

        @Option(names = "--ecs", description = "An Echoview calibration file (.ecs); options given here take precedence over it.")
        Path ecs;

        @Override
        public Integer call() throws Exception {
            var overrides = overrides(ecs, new CalibrationOverrides(gain, saCorrection, eba, soundSpeed, absorption));
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("netcdf") || f.equals("nc")) {
                return netcdf(overrides);
            }
            if (!f.equals("csv")) {
                throw new IllegalArgumentException("--format " + format + ": give csv or netcdf");
            }
            if (channelKhz == null) {
                throw new IllegalArgumentException("--channel is required for CSV output (one channel per table); --format netcdf writes every channel");
            }
            double channelKhz = this.channelKhz;
            int[] range = pingRange(pings);
            PrintWriter out = parent.out();
            int[] written = {0};
            int[] selected = {-1};
            StringBuilder chunk = new StringBuilder(1 << 16);
            RawFileHandler chooser = new RawFileHandler() {
                @Override
                public void configuration(String sounder, List<SonarChannel> channels) {
                    selected[0] = -1;
                    for (SonarChannel c : channels) {
                        if (c.isNominally(channelKhz)) {
                            selected[0] = c.number();
                        }
                    }
                    if (selected[0] < 0) {
                        List<String> khz = channels.stream().map(c -> String.format(Locale.ROOT, "%.0f", c.frequencyHz() / 1000)).toList();
                        throw new IllegalArgumentException(file.getFileName() + " has no " + fmt(channelKhz) + " kHz channel; it has " + khz + " kHz");
                    }
                }
            };
            SvCalibrator calibrator = new SvCalibrator(overrides, ch -> ch == selected[0], cp -> {
                Ping p = cp.ping();
                if (p.index() < range[0] || p.index() > range[1]) {
                    return;
                }
                if (written[0] == 0) {
                    // the header once a ping is known to exist: a refused file leaves standard output empty
                    out.println("ping_index,ping_time_utc,sample_index,range_m,depth_m,sv_db");
                }
                float[] sv = cp.svDb();
                String time = p.time().toString();
                // a ping's rows built in one buffer and written at once: println would flush the
                // autoflushing stream on every row
                chunk.setLength(0);
                for (int i = 0; i < sv.length; i++) {
                    chunk.append(p.index()).append(',').append(time).append(',').append(i).append(',');
                    FixedDecimals.append(chunk, cp.rangeM(i), 4).append(',');
                    FixedDecimals.append(chunk, cp.depthM(i), 4).append(',');
                    if (!Float.isNaN(sv[i])) {
                        FixedDecimals.append(chunk, sv[i], 4);
                    }
                    chunk.append(System.lineSeparator());
                }
                out.append(chunk);
                written[0]++;
            }, chooser);
            RawReadSummary s = new SimradRawReader().read(file, calibrator, ProgressListener.NONE, CancellationToken.NONE);
            out.flush();
            for (String w : s.warnings()) {
                parent.err().println("warning: " + w);
            }
            if (written[0] == 0) {
                throw new IllegalArgumentException("no ping of the " + fmt(channelKhz) + " kHz channel in the range " + (pings == null ? "all" : pings));
            }
            return 0;
        }

        private int netcdf(java.util.function.Function<SonarChannel, CalibrationOverrides> overrides) throws Exception {
            if (outFile == null) {
                throw new IllegalArgumentException("--format netcdf needs --out FILE.nc");
            }
            if (pings != null) {
                throw new IllegalArgumentException("--pings applies to CSV output; the NetCDF export writes every ping");
            }
            Double khz = channelKhz;
            java.util.function.Predicate<SonarChannel> filter = khz == null ? c -> true : c -> c.isNominally(khz);
            var result = new pe.cardumen.acoustics.SvNetcdfExport(overrides).export(file, outFile, filter, ProgressListener.NONE, CancellationToken.NONE);
            for (String w : result.warnings()) {
                parent.err().println("warning: " + w);
            }
            parent.err().printf(Locale.ROOT, "%s: Sv of %d channel(s) × %,d ping times × %,d samples (%,d pings) written to %s (%,d bytes)%n",
                    file.getFileName(), result.channels().size(), result.pingTimes(), result.rangeSamples(), result.pings(), outFile,
                    java.nio.file.Files.size(outFile));
            return 0;
        }

        private static String fmt(double khz) {
            return khz == Math.rint(khz) ? Long.toString((long) khz) : Double.toString(khz);
        }

        static int[] pingRange(String text) {
            if (text == null) {
                return new int[] {0, Integer.MAX_VALUE};
            }
            String[] parts = text.trim().split("-");
            try {
                int a = Integer.parseInt(parts[0].trim());
                int b = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : a;
                if (a < 0 || b < a || parts.length > 2) {
                    throw new NumberFormatException();
                }
                return new int[] {a, b};
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("--pings '" + text + "' is not a range A-B of ping numbers from 0, e.g. 0-9");
            }
        }
    }

    @Command(name = "spectrum", mixinStandardHelpOptions = true,
            description = "Sv(f) of a region, or TS(f) of its strongest echo, of an EK80 FM channel (Andersen et al. 2021) as CSV: "
                    + "frequency_hz,sv_db (or ts_db). The region is a range interval of a ping range; Sv(f) averages the linear sv(f) of "
                    + "every sliding window centred in it. TS(f) is on the beam axis (no beam-pattern compensation).")
    static final class Spectrum implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SonarCommand parent;

        @Parameters(index = "0", description = "An EK80 .raw file with FM pings.")
        Path file;

        @Option(names = "--channel", required = true, description = "Channel nominal frequency in kHz, e.g. 38.")
        double channelKhz;

        @Option(names = "--pings", description = "Ping range A-B (0-based, inclusive). Default: all.")
        String pings;

        @Option(names = "--range", required = true, description = "Range interval FROM:TO in metres from the transducer, e.g. 12:15.")
        String range;

        @Option(names = "--ts", description = "TS(f) of the strongest echo of the region in the first ping of the range, instead of Sv(f).")
        boolean ts;

        @Option(names = "--frequencies", defaultValue = "101", description = "Number of frequencies across the sweep (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--ecs", description = "An Echoview calibration file (.ecs).")
        Path ecs;

        @Override
        public Integer call() throws Exception {
            int[] pingRange = Sv.pingRange(pings);
            double[] metres = metres(range);
            if (count < 2 || count > 10_000) {
                throw new IllegalArgumentException("--frequencies " + count + ": give 2 to 10,000");
            }
            var overrides = overrides(ecs, CalibrationOverrides.NONE);
            List<pe.cardumen.acoustics.CalibratedPing> chosen = new ArrayList<>();
            int[] selected = {-1};
            pe.cardumen.acoustics.Ek80Calibration[] cal = new pe.cardumen.acoustics.Ek80Calibration[1];
            pe.cardumen.acoustics.BroadbandSpectrum.Terms[] terms = new pe.cardumen.acoustics.BroadbandSpectrum.Terms[1];
            RawFileHandler chooser = new RawFileHandler() {
                @Override
                public void configuration(String sounder, List<SonarChannel> channels) {
                    selected[0] = channels.stream().filter(c -> c.isNominally(channelKhz)).mapToInt(SonarChannel::number).findFirst().orElse(-1);
                    if (selected[0] < 0) {
                        List<String> khz = channels.stream().map(c -> String.format(Locale.ROOT, "%.0f", c.frequencyHz() / 1000)).toList();
                        throw new IllegalArgumentException(file.getFileName() + " has no " + Sv.fmt(channelKhz) + " kHz channel; it has " + khz + " kHz");
                    }
                }
            };
            SvCalibrator[] calibrator = new SvCalibrator[1];
            calibrator[0] = new SvCalibrator(overrides, ch -> ch == selected[0], cp -> {
                Ping p = cp.ping();
                if (p.index() < pingRange[0] || p.index() > pingRange[1] || !p.isFm()) {
                    return;
                }
                if (cal[0] == null) {
                    cal[0] = calibrator[0].ek80(cp.channel(), p);
                    terms[0] = calibrator[0].broadbandTerms(cp.channel(), p);
                }
                if (!ts || chosen.isEmpty()) {
                    chosen.add(cp);
                }
            }, chooser);
            new SimradRawReader().read(file, calibrator[0], ProgressListener.NONE, CancellationToken.NONE);
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("no FM ping of the " + Sv.fmt(channelKhz) + " kHz channel in the range "
                        + (pings == null ? "all" : pings) + "; spectra need FM (broadband) pings");
            }
            var c = cal[0];
            double dz = c.base().sampleThicknessM();
            int from = (int) Math.ceil((metres[0] - c.rangeM(0)) / dz);
            int to = (int) Math.floor((metres[1] - c.rangeM(0)) / dz);
            double[] f = pe.cardumen.acoustics.BroadbandSpectrum.sweep(chosen.get(0).ping(), count);
            var spectrum = ts ? pe.cardumen.acoustics.BroadbandSpectrum.ts(chosen.get(0), c, terms[0], from, to, f)
                    : pe.cardumen.acoustics.BroadbandSpectrum.sv(chosen, c, terms[0], from, to, f);
            PrintWriter out = parent.out();
            out.println(ts ? "frequency_hz,ts_db" : "frequency_hz,sv_db");
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < f.length; k++) {
                FixedDecimals.append(b, f[k], 1).append(',');
                FixedDecimals.append(b, spectrum.db()[k], 4).append(System.lineSeparator());
            }
            out.append(b);
            out.flush();
            parent.err().printf(Locale.ROOT, "%s of %s, %d ping(s), %d window(s), mean range %.2f m%n", ts ? "TS(f)" : "Sv(f)",
                    file.getFileName(), chosen.size(), spectrum.windows(), spectrum.rangeM());
            return 0;
        }

        private static double[] metres(String text) {
            String[] parts = text.split(":");
            try {
                double a = Double.parseDouble(parts[0].trim());
                double b = Double.parseDouble(parts[1].trim());
                if (parts.length != 2 || !(a >= 0) || !(b > a)) {
                    throw new NumberFormatException();
                }
                return new double[] {a, b};
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("--range '" + text + "' is not FROM:TO in metres with FROM < TO, e.g. 12:15");
            }
        }
    }

    @Command(name = "integrate", mixinStandardHelpOptions = true,
            description = "Echo-integrate one channel of EK60 or EK80 (CW or FM) raw files into distance intervals × depth layers (NASC, m² nmi⁻²) as CSV. "
                    + "A .bot file beside a .raw gives the bottom line; otherwise it is detected.")
    static final class Integrate implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SonarCommand parent;

        @Parameters(arity = "1..*", description = "EK60 .raw files, in any order (pings are sorted by time).")
        List<Path> files;

        @Option(names = "--channel", required = true, description = "Channel frequency in kHz, e.g. 38.")
        double channelKhz;

        @picocli.CommandLine.Mixin
        IntegrationOptions grid;

        @Option(names = "--workspace", description = "Take the zone column from this workspace's zones (default: the generated AIP grid).")
        Path workspace;

        @Option(names = "--ecs", description = "An Echoview calibration file (.ecs) to use instead of the files' own calibration.")
        Path ecs;

        @Option(names = "--csv", description = "CSV output (the only format; accepted for symmetry).")
        boolean csv;

        @Override
        public Integer call() throws Exception {
            IntegrationSettings s = grid.settings();
            ZoneLayer zones = new ZoneLayer("zones", ZonesCommand.zones(parent.services(), workspace));
            RawFileIntegrator.Result r = new RawFileIntegrator().integrate(files, channelKhz, s, overrides(ecs, CalibrationOverrides.NONE), zones,
                    ProgressListener.NONE, CancellationToken.NONE);
            PrintWriter out = parent.out();
            out.println(CELL_HEADER);
            for (IntegrationCell c : r.cells()) {
                printCell(out, c);
            }
            out.flush();
            for (String w : r.warnings()) {
                parent.err().println("warning: " + w);
            }
            int[] b = r.bottomCounts();
            parent.err().printf(Locale.ROOT, "%d pings, %d position fixes; bottom: %d recorded, %d detected, %d not found%n",
                    r.pings(), r.fixes(), b[0], b[1], b[2]);
            return 0;
        }

        static double nmi(String text) {
            return IntegrationSettings.intervalNmi(text);
        }
    }

    static final String CELL_HEADER = "interval,layer,time_start_utc,time_end_utc,lat,lon,depth_min_m,depth_max_m,sv_mean_db,nasc_m2_per_nmi2,n_pings,zone";

    static void printCell(PrintWriter out, IntegrationCell c) {
        out.printf(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%.2f,%.2f,%s,%.4f,%d,%s%n", c.interval(), c.layer(), c.timeStart(), c.timeEnd(),
                number(c.lat(), "%.6f"), number(c.lon(), "%.6f"), c.depthMinM(), c.depthMaxM(), number(c.svMeanDb(), "%.4f"),
                c.nascM2PerNmi2(), c.pings(), c.zone());
    }

    private static String number(double v, String format) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }

    /** The echo-integration grid and exclusions, shared by {@code integrate} and {@code watch}. */
    static final class IntegrationOptions {
        @Option(names = "--interval", description = "Interval length along the track, e.g. 1nmi or 0.5nmi (default 1nmi).")
        String interval;

        @Option(names = "--per-ping", description = "One interval per ping instead of distance intervals.")
        boolean perPing;

        @Option(names = "--layers", description = "Depth layers top:bottom:thickness in metres (default 10:250:10).")
        String layers;

        @Option(names = "--threshold", description = "Sv threshold, dB re 1 m⁻¹ (default −70).")
        Double threshold;

        @Option(names = "--no-bottom", description = "Do not exclude samples below the bottom.")
        boolean noBottom;

        @Option(names = "--near-field", description = "Exclude samples closer than this to the transducer, m (default 2).")
        Double nearField;

        @Option(names = "--surface", description = "Exclude samples shallower than this depth, m (default 0).")
        Double surface;

        IntegrationSettings settings() {
            IntegrationSettings s = IntegrationSettings.DEFAULT;
            if (perPing) {
                s = s.withInterval(0);
            } else if (interval != null) {
                s = s.withInterval(IntegrationSettings.intervalNmi(interval));
            }
            if (layers != null) {
                s = s.withLayers(layers);
            }
            if (threshold != null) {
                s = s.withThreshold(threshold);
            }
            if (noBottom) {
                s = s.withBottomExclusion(false);
            }
            if (nearField != null) {
                s = s.withNearField(nearField);
            }
            if (surface != null) {
                s = s.withSurfaceExclusion(surface);
            }
            return s;
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Live echo-integration while the echosounder records: follows DIR, reads each growing .raw file as its datagrams "
                    + "are written, and prints each distance interval's cells (the columns of 'integrate') once the interval is finished; "
                    + "intervals continue across files. A status line per poll on standard error (files, pings, fixes, speed over ground "
                    + "from VTG). With --workspace and --survey, each file's settled cells are imported into the survey as soon as they "
                    + "are final, and the rest when the watch stops (Ctrl-C, or --stop-when-idle).")
    static final class Watch implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SonarCommand parent;

        @Parameters(index = "0", description = "The folder the echosounder writes its .raw files into.")
        Path dir;

        @Option(names = "--channel", required = true, description = "Channel frequency in kHz, e.g. 38.")
        double channelKhz;

        @picocli.CommandLine.Mixin
        IntegrationOptions grid;

        @Option(names = "--every", defaultValue = "2", description = "Seconds between polls (default ${DEFAULT-VALUE}).")
        double every;

        @Option(names = "--stop-when-idle", description = "Stop after this many seconds without a new datagram (default: run until Ctrl-C).")
        Double idle;

        @Option(names = "--workspace", description = "Import settled cells into this workspace (its zones name the cells' zones).")
        Path workspace;

        @Option(names = "--survey", description = "The survey being run, e.g. 2026-1 (with --workspace).")
        String survey;

        @Option(names = "--ecs", description = "An Echoview calibration file (.ecs).")
        Path ecs;

        @Override
        public Integer call() throws Exception {
            if (!(every > 0 && every <= 3600)) {
                throw new IllegalArgumentException("--every " + every + ": give seconds between polls, more than 0 and at most 3600");
            }
            if (survey != null && workspace == null) {
                throw new IllegalArgumentException("--survey needs --workspace (the workspace to import into)");
            }
            IntegrationSettings settings = grid.settings();
            var overrides = overrides(ecs, CalibrationOverrides.NONE);
            ZoneLayer zones = new ZoneLayer("zones", ZonesCommand.zones(parent.services(), workspace));
            pe.cardumen.acoustics.LiveSurvey live = new pe.cardumen.acoustics.LiveSurvey(dir, channelKhz, settings, overrides, zones);
            pe.cardumen.app.Importer importer = workspace == null ? null
                    : new pe.cardumen.app.Importer(channelKhz, settings, overrides).inSurvey(survey);
            PrintWriter out = parent.out();
            PrintWriter err = parent.err();
            out.println(CELL_HEADER);
            out.flush();
            AtomicBoolean stop = new AtomicBoolean();
            Thread hook = new Thread(() -> stop.set(true), "cardumen-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            java.util.Set<Integer> printed = new java.util.HashSet<>();
            java.util.Set<Path> imported = new java.util.HashSet<>();
            int warningsShown = 0;
            long lastNews = System.nanoTime();
            pe.cardumen.acoustics.LiveSurvey.Snapshot s;
            try {
                while (true) {
                    s = live.poll(CancellationToken.NONE);
                    if (s.datagrams() > 0) {
                        lastNews = System.nanoTime();
                    }
                    for (IntegrationCell c : s.finishedCells()) {
                        if (printed.add(c.interval() * 10_000 + c.layer())) {
                            printCell(out, c);
                        }
                    }
                    out.flush();
                    for (; warningsShown < s.warnings().size(); warningsShown++) {
                        err.println("warning: " + s.warnings().get(warningsShown));
                    }
                    if (importer != null) {
                        importSettled(importer, live.settledFiles(s, false), imported, err);
                    }
                    err.printf(Locale.ROOT, "%s  %d file(s), %,d pings, %,d fixes, speed %s, %d interval(s) finished%n",
                            java.time.LocalTime.now().withNano(0), s.files().size(), s.pings(), s.fixes(),
                            Double.isNaN(s.speedKnots()) ? "—" : String.format(Locale.ROOT, "%.1f kn", s.speedKnots()), s.finishedIntervals());
                    err.flush();
                    boolean idleLongEnough = idle != null && (System.nanoTime() - lastNews) / 1e9 >= idle;
                    if (stop.get() || idleLongEnough) {
                        break;
                    }
                    Thread.sleep((long) (every * 1000));
                }
                // the watch stops: the last interval is as complete as it will be
                for (IntegrationCell c : s.cells()) {
                    if (printed.add(c.interval() * 10_000 + c.layer())) {
                        printCell(out, c);
                    }
                }
                out.flush();
                if (importer != null) {
                    importSettled(importer, live.settledFiles(s, true), imported, err);
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping (Ctrl-C): the hook has run
                }
            }
            return 0;
        }

        private void importSettled(pe.cardumen.app.Importer importer, List<pe.cardumen.acoustics.LiveSurvey.FileCells> settled,
                                   java.util.Set<Path> imported, PrintWriter err) throws Exception {
            List<pe.cardumen.acoustics.LiveSurvey.FileCells> fresh = settled.stream().filter(f -> !imported.contains(f.file())).toList();
            if (fresh.isEmpty()) {
                return;
            }
            try (pe.cardumen.workspace.Workspace w = pe.cardumen.workspace.Workspace.open(workspace)) {
                for (var f : fresh) {
                    var outcome = importer.importLive(w, f);
                    imported.add(f.file());
                    err.println(outcome.imported() ? f.file().getFileName() + ": " + outcome.cells() + " cells imported into survey "
                            + (survey == null ? "(none)" : survey) : "warning: " + outcome.error());
                }
            }
        }
    }

    /**
     * The calibration overrides per channel: the .ecs file's values for the channel, replaced by any
     * given on the command line.
     */
    static java.util.function.Function<SonarChannel, CalibrationOverrides> overrides(Path ecs, CalibrationOverrides explicit) throws Exception {
        return CalibrationOverrides.perChannel(ecs, explicit);
    }
}
