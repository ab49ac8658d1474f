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
        ZoneLayer zones = context.map().zonesProperty().get();
        var overrides = overrides();
        context.tasks().run(MessageFormat.format(context.texts().getString("task.loadSonar"), files.size()),
                (p, c) -> new SonarLoader().load(files, channelKhz, overrides, zones, p, c), l -> {
                    show(l);
                    context.notice().accept(MessageFormat.format(context.texts().getString("sonar.loaded"), files.size(), Formats.number(l.trackNmi(), 2),
                            l.cells().size()));
                }, context::failed);
    }

    /** Shows another channel of the files shown. */
    public void showChannel(double channelKhz) {
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
