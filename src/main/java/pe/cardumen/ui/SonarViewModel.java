package pe.cardumen.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.app.Importer;
import pe.cardumen.app.SonarLoader;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.workspace.Workspace;

/**
 * The sonar panel's state: the Simrad raw files being looked at (echogram, track, NASC per interval
 * and per zone on the map), the user's calibration corrections, and — only when the user asks, naming
 * the survey — their import into the workspace, recorded in its audit log. Looking at a file never
 * changes the workspace. Every method runs on the JavaFX thread.
 */
public final class SonarViewModel {
    /** What an import into the workspace did. */
    public record Imported(String survey, List<Importer.Outcome> outcomes) {
        /** How many files were imported (not refused, not already there). */
        public long imported() {
            return outcomes.stream().filter(Importer.Outcome::imported).count();
        }
    }

    private final PanelContext context;
    private final ObjectProperty<SonarLoader.Loaded> loaded = new SimpleObjectProperty<>(this, "loaded");
    private final javafx.beans.property.BooleanProperty visible = new javafx.beans.property.SimpleBooleanProperty(this, "visible");
    private final ObjectProperty<Imported> lastImport = new SimpleObjectProperty<>(this, "lastImport");
    /** The user's calibration corrections by channel frequency (kHz, rounded), kept for the session. */
    private final Map<Long, CalibrationOverrides> calibration = new HashMap<>();

    SonarViewModel(PanelContext context) {
        this.context = context;
    }

    /** The files shown in the sonar panel, or {@code null} when it is closed. */
    public ObjectProperty<SonarLoader.Loaded> loadedProperty() {
        return loaded;
    }

    /** Whether the sonar panel is open (its files stay loaded while it is closed, so that it can be reopened). */
    public javafx.beans.property.ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    /** A region's Sv(f), with the region it was computed for. */
    public record RegionSpectrum(pe.cardumen.acoustics.BroadbandSpectrum.Spectrum spectrum, double channelKhz, int pings, double depthFromM,
                                 double depthToM) {
    }

    private final ObjectProperty<RegionSpectrum> spectrum = new SimpleObjectProperty<>(this, "spectrum");

    /** The Sv(f) of the last region dragged on the echogram, or {@code null}. */
    public ObjectProperty<RegionSpectrum> spectrumProperty() {
        return spectrum;
    }

    /**
     * Computes Sv(f) of a region of the echogram in the background (FM channels only) and puts it in
     * {@link #spectrumProperty()}; a CW channel or too small a region is reported with the reason.
     *
     * @param fromTicks first ping time of the region; {@code toTicks} its last
     * @param columns   echogram columns in the region (for the note)
     */
    public void spectrum(long fromTicks, long toTicks, double depthFromM, double depthToM, int columns) {
        var shown = loaded.get();
        if (shown == null || shown.channel() == null) {
            return;
        }
        double khz = shown.channel().frequencyHz() / 1000;
        var overrides = overrides();
        List<Path> files = files(shown);
        int pings = columns * shown.echogram().pingsPerColumn();
        context.tasks().run(MessageFormat.format(context.texts().getString("task.spectrum"), Formats.number(depthFromM, 1), Formats.number(depthToM, 1)),
                (p, c) -> new SonarLoader().spectrum(files, khz, overrides, fromTicks, toTicks, depthFromM, depthToM, SPECTRUM_FREQUENCIES, c),
                s -> spectrum.set(new RegionSpectrum(s, khz, pings, depthFromM, depthToM)), context::failed);
    }

    /** Frequencies of a region's Sv(f) across the sweep. */
    static final int SPECTRUM_FREQUENCIES = 101;

    /**
     * A live survey's state as the panel shows it.
     *
     * @param folder            the folder followed
     * @param running           whether it is still followed
     * @param files             raw files seen
     * @param pings             pings integrated
     * @param fixes             position fixes
     * @param speedKnots        latest speed over ground, kn (NaN when none)
     * @param finishedIntervals intervals that no longer change
     * @param importedFiles     files whose settled cells are in the workspace
     * @param survey            the survey imported into ({@code null}: not imported)
     */
    public record LiveStatus(Path folder, boolean running, int files, int pings, int fixes, double speedKnots, int finishedIntervals,
                             int importedFiles, String survey) {
    }

    private final ObjectProperty<LiveStatus> live = new SimpleObjectProperty<>(this, "live");
    private LiveRun liveRun;

    /** The live survey's state, or {@code null} when none was started. */
    public ObjectProperty<LiveStatus> liveProperty() {
        return live;
    }

    /** Seconds between polls of a live survey. */
    static final double LIVE_POLL_SECONDS = 2;

    /**
     * Starts following the folder the echosounder writes into (File ▸ Live survey…): every
     * {@link #LIVE_POLL_SECONDS} s the new datagrams are read and integrated, the echogram, the track and
     * the NASC on the map are extended, and — when a workspace is open and a survey is given — each
     * file's settled cells are imported into the survey. {@link #stopLive()} imports the rest.
     *
     * @param survey the survey being run; {@code null} or blank: nothing is imported
     */
    public void startLive(Path folder, double channelKhz, String survey) {
        stopLive();
        String id = survey == null || survey.isBlank() ? null : survey.strip();
        Path ws = id == null ? null : context.workspace().get();
        LiveRun run;
        try {
            run = new LiveRun(folder, channelKhz, ws, id);
        } catch (RuntimeException e) {
            context.failed(e);
            return;
        }
        liveRun = run;
        live.set(new LiveStatus(folder, true, 0, 0, 0, Double.NaN, 0, 0, ws == null ? null : id));
        run.start();
    }

    /** Stops the live survey: one last poll, the remaining cells imported. */
    public void stopLive() {
        LiveRun run = liveRun;
        liveRun = null;
        if (run != null) {
            run.stop(true);
        }
    }

    /**
     * On quitting: stops a live survey and waits (at most {@code seconds}) for its last poll, so that the
     * settled cells of its files are in the workspace before the application exits.
     */
    public void stopLiveAndWait(double seconds) {
        LiveRun run = liveRun;
        liveRun = null;
        if (run != null) {
            run.stop(false);
            run.awaitLast(seconds);
        }
    }

    /** One live survey: polls on its own thread, hands each result to the JavaFX thread. */
    private final class LiveRun {
        private final pe.cardumen.acoustics.LiveSurvey survey;
        private final double channelKhz;
        private final Path workspace;
        private final String id;
        private final java.util.concurrent.ScheduledExecutorService executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cardumen-live-survey");
            t.setDaemon(true);
            return t;
        });
        private final java.util.Set<Path> imported = new java.util.HashSet<>();
        private final List<double[]> track = new ArrayList<>();
        private final Function<SonarChannel, CalibrationOverrides> overrides;
        private final IntegrationSettings settings = IntegrationSettings.DEFAULT;
        private pe.cardumen.acoustics.EchogramBuilder echogram;
        private SonarChannel channel;
        private volatile boolean stopped;

        LiveRun(Path folder, double channelKhz, Path workspace, String id) {
            this.channelKhz = channelKhz;
            this.workspace = workspace;
            this.id = id;
            this.overrides = overrides();
            this.survey = new pe.cardumen.acoustics.LiveSurvey(folder, channelKhz, settings, overrides, context.map().zonesProperty().get());
        }

        void start() {
            executor.scheduleWithFixedDelay(() -> poll(false), 0, (long) (LIVE_POLL_SECONDS * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private volatile boolean showLast = true;
        private Thread lastPoll;

        void awaitLast(double seconds) {
            try {
                if (lastPoll != null) {
                    lastPoll.join((long) (seconds * 1000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** @param show whether the last poll's result is shown (not when other files replace the view) */
        void stop(boolean show) {
            showLast = show;
            stopped = true;
            executor.shutdown();
            // the last poll and import, after any poll under way
            lastPoll = new Thread(() -> {
                try {
                    executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                poll(true);
            }, "cardumen-live-survey-stop");
            lastPoll.setDaemon(true);
            lastPoll.start();
        }

        private void poll(boolean last) {
            if (stopped && !last) {
                return;
            }
            try {
                var snapshot = survey.poll(pe.cardumen.domain.CancellationToken.NONE);
                for (var cp : snapshot.newPings()) {
                    if (echogram == null) {
                        echogram = new pe.cardumen.acoustics.EchogramBuilder(Math.max(10, cp.depthM(cp.svDb().length - 1)), SonarLoader.ROWS);
                        channel = cp.channel();
                    }
                    echogram.add(cp, Double.NaN);
                }
                track.addAll(snapshot.newTrack());
                if (workspace != null) {
                    var settled = survey.settledFiles(snapshot, last).stream().filter(f -> !imported.contains(f.file())).toList();
                    if (!settled.isEmpty()) {
                        try (Workspace w = Workspace.open(workspace)) {
                            Importer importer = new Importer(channelKhz, settings, overrides).inSurvey(id);
                            for (var f : settled) {
                                importer.importLive(w, f);
                                imported.add(f.file());
                            }
                        }
                    }
                }
                var progress = survey.progress();
                List<SonarLoader.FileSummary> files = progress.stream().map(f -> new SonarLoader.FileSummary(f.file(), f.sounder(),
                        f.channels().stream().map(c -> Formats.number(c.frequencyHz() / 1000, 0) + " kHz").toList(), f.pings(), f.trackNmi(),
                        snapshot.warnings().stream().filter(w -> w.startsWith(f.file().getFileName() + ": ")).toList())).toList();
                List<SonarChannel> channels = progress.isEmpty() ? List.of() : progress.get(0).channels();
                var eg = echogram == null ? new pe.cardumen.acoustics.EchogramBuilder(10, SonarLoader.ROWS).build() : echogram.build();
                double nmi = 0;
                for (int i = 1; i < track.size(); i++) {
                    nmi += pe.cardumen.geo.Geodesy.distanceNmi(track.get(i - 1)[0], track.get(i - 1)[1], track.get(i)[0], track.get(i)[1]);
                }
                var loadedNow = new SonarLoader.Loaded(files, channels, channel, eg, snapshot.cells(),
                        List.copyOf(track), nmi, snapshot.fixes() == 0 ? settings.withInterval(0) : settings, null,
                        channel == null ? CalibrationOverrides.NONE : overrides.apply(channel));
                var status = new LiveStatus(survey.folder(), !last, snapshot.files().size(), snapshot.pings(), snapshot.fixes(), snapshot.speedKnots(),
                        snapshot.finishedIntervals(), imported.size(), workspace == null ? null : id);
                List<String> warnings = snapshot.warnings();
                boolean display = !last || showLast;
                javafx.application.Platform.runLater(() -> {
                    if (display) {
                        show(loadedNow);
                    }
                    live.set(status);
                    if (last) {
                        context.notice().accept(MessageFormat.format(context.texts().getString("live.stopped"), status.pings(), status.finishedIntervals(),
                                status.importedFiles(), status.survey() == null ? "—" : status.survey())
                                + (warnings.isEmpty() ? "" : " — " + String.join("; ", warnings)));
                    }
                });
            } catch (Exception e) {
                stopped = true;
                executor.shutdown();
                javafx.application.Platform.runLater(() -> {
                    var s = live.get();
                    if (s != null) {
                        live.set(new LiveStatus(s.folder(), false, s.files(), s.pings(), s.fixes(), s.speedKnots(), s.finishedIntervals(),
                                s.importedFiles(), s.survey()));
                    }
                    context.failed(e);
                });
            }
        }
    }

    /** The last import into the workspace (for the panel's note). */
    public ObjectProperty<Imported> lastImportProperty() {
        return lastImport;
    }

    private Function<SonarChannel, CalibrationOverrides> overrides() {
        Map<Long, CalibrationOverrides> cal = Map.copyOf(calibration);
        return ch -> cal.getOrDefault(Math.round(ch.frequencyHz() / 1000), CalibrationOverrides.NONE);
    }

    /**
     * Reads Simrad raw files into the sonar panel and the map (echogram, track, NASC per interval and
     * per zone). The workspace is not touched: {@link #importInto} does that.
     *
     * @param channelKhz the channel to show, kHz; NaN for 38 kHz or the first channel
     */
    public void load(List<Path> files, double channelKhz) {
        if (liveRun != null) {
            // other files replace the live view: the survey stops (its rest imported) without showing again
            LiveRun run = liveRun;
            liveRun = null;
            run.stop(false);
        }
        ZoneLayer zones = context.map().zonesProperty().get();
        var overrides = overrides();
        context.tasks().run(MessageFormat.format(context.texts().getString("task.loadSonar"), files.size()),
                (p, c) -> new SonarLoader().load(files, channelKhz, overrides, zones, p, c), l -> {
                    show(l);
                    context.notice().accept(MessageFormat.format(context.texts().getString("sonar.loaded"), files.size(), Formats.number(l.trackNmi(), 2),
                            l.cells().size()));
                }, context::failed);
    }

    /** Shows another channel of the files shown (during a live survey: follows the folder on that channel). */
    public void showChannel(double channelKhz) {
        LiveStatus running = live.get();
        if (liveRun != null && running != null) {
            startLive(running.folder(), channelKhz, running.survey());
            return;
        }
        var shown = loaded.get();
        if (shown != null) {
            load(files(shown), channelKhz);
        }
    }

    /**
     * Applies the user's calibration corrections to the shown channel and reads the files again with
     * them (the echogram and NASC use them, and so does a later import).
     */
    public void recalibrate(CalibrationOverrides overrides) {
        var shown = loaded.get();
        if (shown == null || shown.channel() == null) {
            return;
        }
        calibration.put(Math.round(shown.channel().frequencyHz() / 1000), overrides);
        load(files(shown), shown.channel().frequencyHz() / 1000);
    }

    /**
     * Imports the files shown into the open workspace under a survey (their NASC of the channel shown,
     * with the calibration shown), and records it in the audit log.
     *
     * @param survey the survey's id, e.g. {@code 2026-1}; blank for none
     */
    public void importInto(String survey) {
        var shown = loaded.get();
        Path ws = context.workspace().get();
        if (ws == null) {
            context.error().accept(context.texts().getString("workspace.none"));
            return;
        }
        if (shown == null || shown.channel() == null) {
            context.error().accept(context.texts().getString("sonar.nothingToImport"));
            return;
        }
        String id = survey == null || survey.isBlank() ? null : survey.strip();
        double khz = shown.channel().frequencyHz() / 1000;
        var overrides = overrides();
        List<Path> files = files(shown);
        context.tasks().run(MessageFormat.format(context.texts().getString("task.importSonar"), files.size(), id == null ? "—" : id), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                Importer importer = new Importer(khz, IntegrationSettings.DEFAULT, overrides).inSurvey(id);
                List<Importer.Outcome> outcomes = importer.importAll(w, files, ProgressListener.NONE, c);
                long done = outcomes.stream().filter(Importer.Outcome::imported).count();
                w.audit("sonar.import", done + " of " + files.size() + " raw file(s) at " + pe.cardumen.domain.LanguageNumbers.ENGLISH.number(khz, 0) + " kHz into survey "
                        + (id == null ? "(none)" : id) + ": " + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
                return new Imported(id, outcomes);
            }
        }, r -> {
            lastImport.set(r);
            List<String> refused = r.outcomes().stream().filter(o -> !o.imported()).map(o -> o.file().getFileName() + ": " + o.error()).toList();
            String msg = MessageFormat.format(context.texts().getString("sonar.imported"), r.imported(), r.outcomes().size(), id == null ? "—" : id);
            context.notice().accept(refused.isEmpty() ? msg : msg + " — " + String.join("; ", refused));
        }, context::failed);
    }

    /** Closes the sonar panel: its track and NASC leave the map; the files stay loaded for {@link #reopen()}. */
    public void close() {
        visible.set(false);
        MapViewModel map = context.map();
        map.trackProperty().set(List.of());
        map.nascPointsProperty().set(List.of());
        map.zoneNascProperty().set(Map.of());
    }

    /** Opens the sonar panel again with the files it had (nothing happens when none were loaded). */
    public void reopen() {
        if (loaded.get() != null) {
            show(loaded.get());
        }
    }

    private static List<Path> files(SonarLoader.Loaded l) {
        return l.files().stream().map(SonarLoader.FileSummary::file).toList();
    }

    private void show(SonarLoader.Loaded l) {
        loaded.set(l);
        visible.set(true);
        MapViewModel map = context.map();
        map.trackProperty().set(l.trackLonLat());
        Map<Integer, double[]> byInterval = new TreeMap<>();
        Map<String, double[]> byZone = new HashMap<>();
        for (var c : l.cells()) {
            if (Double.isNaN(c.lat())) {
                continue;
            }
            // NASC of an interval is the sum over its layers (the water column)
            byInterval.computeIfAbsent(c.interval(), k -> new double[] {c.lon(), c.lat(), 0})[2] += c.nascM2PerNmi2();
        }
        for (var c : l.cells()) {
            if (!c.zone().isEmpty() && c.layer() == 0) {
                double column = byInterval.containsKey(c.interval()) ? byInterval.get(c.interval())[2] : 0;
                double[] acc = byZone.computeIfAbsent(c.zone(), k -> new double[2]);
                acc[0] += column;
                acc[1]++;
            }
        }
        Map<String, Double> zoneMeans = new HashMap<>();
        byZone.forEach((zone, acc) -> zoneMeans.put(zone, acc[0] / acc[1]));
        map.nascPointsProperty().set(new ArrayList<>(byInterval.values()));
        map.zoneNascProperty().set(zoneMeans);
    }
}
