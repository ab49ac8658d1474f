package pe.cardumen.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.Services;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.geo.ZoneLayerBuilder;
import pe.cardumen.io.vector.VectorLayer;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceSummary;

/**
 * The main window's state and actions, without any Node: the open workspace, status text, and the
 * operations of the File menu, each run through the {@link TaskRunner}. Failures are published as
 * messages for the controller to show; nothing here opens a dialog.
 */
public final class MainViewModel {
    private final Services services;
    private final TaskRunner tasks;
    private final MapViewModel map;
    private final ResourceBundle texts;
    private final UiPreferences preferences;

    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObjectProperty<String> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<String> notice = new SimpleObjectProperty<>(this, "notice");
    private final javafx.beans.property.BooleanProperty needsWorkspace = new javafx.beans.property.SimpleBooleanProperty(this, "needsWorkspace");
    private final ObjectProperty<pe.cardumen.app.SonarLoader.Loaded> sonar = new SimpleObjectProperty<>(this, "sonar");
    private final ObjectProperty<pe.cardumen.app.BiomassSurvey.Report> biomass = new SimpleObjectProperty<>(this, "biomass");
    private final ObjectProperty<String> biomassSurvey = new SimpleObjectProperty<>(this, "biomassSurvey", "");
    private final ObjectProperty<pe.cardumen.acoustics.biomass.BiomassParameters> parameters = new SimpleObjectProperty<>(this, "parameters");
    private final ObjectProperty<java.util.Map<String, List<HistoryPoint>>> zoneHistory = new SimpleObjectProperty<>(this, "zoneHistory",
            java.util.Map.of());
    /** The survey, channel and category of the last biomass computation, which a recompute repeats. */
    private String[] lastBiomassChoice;

    /**
     * One survey's biomass density in a zone, for the zone's time series.
     *
     * @param survey    the survey's id
     * @param period    its month
     * @param densityT  biomass density, t nmi⁻²
     * @param simulated whether the survey is simulated data
     */
    public record HistoryPoint(String survey, java.time.YearMonth period, double densityT, boolean simulated) {
    }
    /** The user's calibration corrections by channel frequency (kHz, rounded), kept for the session. */
    private final java.util.Map<Long, pe.cardumen.acoustics.CalibrationOverrides> calibration = new java.util.HashMap<>();
    private final pe.cardumen.ui.satellite.SatelliteViewModel satellite;
    private final ModelsViewModel models;
    private final QuotaViewModel quota;

    public MainViewModel(Services services, TaskRunner tasks, MapViewModel map, ResourceBundle texts, UiPreferences preferences) {
        this.services = services;
        this.tasks = tasks;
        this.map = map;
        this.texts = texts;
        this.preferences = preferences;
        status.set(texts.getString("status.ready"));
        parameters.set(preferences.biomassParameters().orElse(pe.cardumen.acoustics.biomass.BiomassParameters.defaults()));
        satellite = new pe.cardumen.ui.satellite.SatelliteViewModel(map, texts);
        PanelContext context = new PanelContext(services, tasks, map, texts, workspace::get, error::set, notice::set);
        models = new ModelsViewModel(context);
        quota = new QuotaViewModel(context);
    }

    /** The quota planning panel's state. */
    public QuotaViewModel quota() {
        return quota;
    }

    /** The Models panel's state. */
    public ModelsViewModel models() {
        return models;
    }

    /** The satellite panel's state. */
    public pe.cardumen.ui.satellite.SatelliteViewModel satellite() {
        return satellite;
    }

    /**
     * Loads a satellite grid (NetCDF, GeoTIFF or ERDDAP CSV) into the satellite panel: the field under
     * the zones, the zones coloured by its zonal mean, and the ENSO chart; with a workspace open, its
     * zonal statistics are imported into it. What was shown before stays if the file cannot be read.
     */
    public void loadSatellite(Path file) {
        loadSatellite(file, null);
    }

    /** Loads one variable of a satellite grid ({@code null}: SST, chlorophyll or the first gridded one). */
    public void loadSatellite(Path file, String variable) {
        ZoneLayer zones = map.zonesProperty().get();
        boolean needEnso = satellite.ensoProperty().get() == null;
        Path ws = workspace.get();
        tasks.run(MessageFormat.format(texts.getString("task.loadSatellite"), file.getFileName()), (p, c) -> {
            var loaded = new pe.cardumen.app.SatelliteLoader().load(file, variable, zones, p, c);
            if (ws != null && variable == null) {
                // the file's zonal statistics go into the workspace, as 'cardumen import' does
                try (Workspace w = Workspace.open(ws)) {
                    var outcome = new pe.cardumen.app.Importer(38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT)
                            .importAll(w, List.of(file), pe.cardumen.domain.ProgressListener.NONE, c).get(0);
                    if (!outcome.imported()) {
                        throw new IllegalStateException(outcome.error());
                    }
                }
            }
            return new Object[] {loaded, needEnso ? services.ensoSeries() : null};
        }, result -> {
            var loaded = (pe.cardumen.app.SatelliteLoader.LoadedGrid) result[0];
            if (result[1] != null) {
                satellite.ensoProperty().set((pe.cardumen.app.Services.EnsoSeries) result[1]);
            }
            satellite.show(loaded);
            if (loaded.stats() != null) {
                map.colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.SATELLITE);
            }
            String msg = MessageFormat.format(texts.getString("satellite.loaded"), file.getFileName(), loaded.steps().length, loaded.variable(), loaded.unit());
            notice.set(loaded.warnings().isEmpty() ? msg : msg + " — " + String.join("; ", loaded.warnings()));
        }, this::failed);
    }

    public ObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last failure's message, for an error dialog; the controller clears it after showing it. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }

    /** A message for the notification bar (import summaries, warnings). */
    public ObjectProperty<String> noticeProperty() {
        return notice;
    }

    public MapViewModel map() {
        return map;
    }

    /** Loads the coastline so the map shows the coast before any workspace is open. */
    public void loadCoastline() {
        tasks.run(texts.getString("task.loadCoast"), (p, c) -> {
            StartupTrace.mark("loading the coastline");
            var coast = services.coastline();
            StartupTrace.mark("coastline loaded");
            return coast;
        }, map.coastlineProperty()::set, this::failed);
    }

    /**
     * Opens the workspace the user had last, or on first start builds (or reopens) the demo workspace in
     * the user's Cardumen folder.
     *
     * @param requested a workspace named on the command line, or {@code null}
     */
    public void openInitialWorkspace(Path requested) {
        if (requested != null) {
            openWorkspace(requested);
            return;
        }
        Path last = preferences.lastWorkspace().filter(Files::isRegularFile).orElse(null);
        if (last != null) {
            openWorkspace(last);
            return;
        }
        Path demo = Services.userDirectory().resolve("demo" + Workspace.SUFFIX);
        if (Files.isRegularFile(demo)) {
            openWorkspace(demo);
        } else if (services.sampleData().isPresent()) {
            buildDemo(demo);
        } else {
            // no sample data to build a demo from: the coast is on the map; the window offers to open or create a workspace
            status.set(texts.getString("status.noSampleData"));
            needsWorkspace.set(true);
        }
    }

    /**
     * Set when the application started with no workspace to open and no sample data to build the demo
     * from; the window then offers to open a workspace or to create one with the zones only.
     */
    public javafx.beans.property.BooleanProperty needsWorkspaceProperty() {
        return needsWorkspace;
    }

    /** The real sample files the user can open (File ▸ Open sample); empty without sample data. */
    public List<pe.cardumen.app.SampleData.SampleFile> sampleFiles() {
        try {
            return services.sampleData().openableFiles();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Opens a sample file in its panel. */
    public void openSample(pe.cardumen.app.SampleData.SampleFile file) {
        if (file.kind() == pe.cardumen.app.SampleData.SampleFile.Kind.SONAR) {
            loadSonar(List.of(file.path()), Double.NaN);
        } else {
            loadSatellite(file.path());
        }
    }

    /**
     * Opens a workspace and shows its zones. The map comes first: the zones and the latest biomass are
     * read and drawn, then the zone history (every survey's stored run, for the charts) is read in a
     * second task, so that a workspace with a long history shows its map as fast as an empty one.
     */
    public void openWorkspace(Path file) {
        tasks.run(MessageFormat.format(texts.getString("task.openWorkspace"), file.getFileName()), (p, c) -> {
            StartupTrace.mark("opening " + file.getFileName());
            try (Workspace ws = Workspace.open(file)) {
                List<Zone> zones = ws.zones();
                StartupTrace.mark("zones read");
                WorkspaceSummary summary = ws.summary();
                java.util.Map<String, Double> biomass = new java.util.HashMap<>();
                var runs = ws.biomassRuns();
                String label = "";
                if (!runs.isEmpty()) {
                    var latest = runs.get(runs.size() - 1);
                    ws.biomass(latest.id()).forEach(r -> biomass.put(r.zone(), r.densityTPerNmi2()));
                    label = biomassTitle(latest.survey(), latest.survey() != null && ws.isSimulatedSurvey(latest.survey()));
                }
                return new Opened(file, new ZoneLayer(summary.zoneSource(), zones), summary, biomass, java.util.Map.of(), label);
            }
        }, o -> {
            StartupTrace.mark("workspace read");
            show(o);
            loadHistory(o.file());
            // a workspace with a default model scores it against any survey not scored yet; an alert shows in the banner
            models.monitor();
        }, this::failed);
    }

    /** Reads the zone history of the open workspace in the background and hands it to the charts. */
    private void loadHistory(Path file) {
        tasks.run(MessageFormat.format(texts.getString("task.history"), file.getFileName()), (p, c) -> {
            try (Workspace ws = Workspace.open(file)) {
                return history(ws);
            }
        }, h -> {
            if (file.equals(workspace.get())) {
                zoneHistory.set(h);
            }
        }, this::failed);
    }

    /** Builds the demo workspace at {@code out} (which must not exist) and opens it. */
    public void buildDemo(Path out) {
        tasks.run(texts.getString("task.buildDemo"), (p, c) -> {
            services.demoWorkspace().build(out, p, c);
            return out;
        }, this::openWorkspace, this::failed);
    }

    /**
     * Replaces the open workspace's zones with an official layer. On any problem the workspace keeps its
     * zones and the error lists what is wrong.
     */
    public void importZones(Path file, String codeField) {
        Path ws = workspace.get();
        if (ws == null) {
            error.set("open a workspace first");
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("task.importZones"), file.getFileName()), (p, c) -> {
            VectorLayer layer = services.vectorLayerReader().read(file, null);
            ZoneLayer zones = new ZoneLayerBuilder().build(file, layer, codeField);
            try (Workspace w = Workspace.open(ws)) {
                w.replaceZones(zones.source(), zones.zones(), c);
                w.recordImport("zones", layer.result().provenance(), zones.size(), layer.result().rejects(), layer.result().warnings().size());
            }
            return zones;
        }, zones -> {
            notice.set(MessageFormat.format(texts.getString("import.done"), zones.size(), file.getFileName()));
            openWorkspace(ws);
        }, this::failed);
    }

    /** The last biomass computed in this session, for the tables; {@code null} before any. */
    public ObjectProperty<pe.cardumen.app.BiomassSurvey.Report> biomassProperty() {
        return biomass;
    }

    /**
     * Computes the biomass of the open workspace from its NASC and hauls with the current parameter set
     * (1,000 bootstrap replicates, seed 1), stores it with its parameter set and colours the zones by it.
     */
    public void computeBiomass() {
        computeBiomass(null, null, null);
    }

    /**
     * The channel and category labels of the workspace's NASC, for the choice when there are several
     * (two lists: channels, categories).
     */
    public List<List<String>> nascLabels(String survey) throws Exception {
        Path ws = workspace.get();
        if (ws == null) {
            return List.of(List.of(), List.of());
        }
        try (Workspace w = Workspace.open(ws)) {
            var cells = w.nascCells(survey);
            return List.of(cells.stream().map(pe.cardumen.domain.sonar.NascCell::channel).distinct().sorted().toList(),
                    cells.stream().map(pe.cardumen.domain.sonar.NascCell::category).distinct().sorted().toList());
        }
    }

    /**
     * The same, for one survey and one channel and category of its NASC (null: the only one there is).
     */
    public void computeBiomass(String survey, String channel, String category) {
        Path ws = workspace.get();
        if (ws == null) {
            error.set("open a workspace first");
            return;
        }
        ZoneLayer zones = map.zonesProperty().get();
        var params = parameters.get();
        lastBiomassChoice = new String[] {survey, channel, category};
        tasks.run(texts.getString("task.biomass"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                if (w.hauls(survey).isEmpty()) {
                    throw new IllegalStateException(texts.getString("biomass.noHauls"));
                }
                var report = new pe.cardumen.app.BiomassSurvey().compute(w, zones, survey, params, channel, category, 1000, 1);
                c.throwIfCancelled();
                pe.cardumen.app.BiomassSurvey.store(w, survey, report, 1000, 1);
                boolean simulated = w.surveys().stream().anyMatch(s -> s.id().equals(survey) && s.simulated());
                return new Object[] {report, history(w), survey == null ? "" : survey, simulated};
            }
        }, result -> {
            var report = (pe.cardumen.app.BiomassSurvey.Report) result[0];
            @SuppressWarnings("unchecked")
            var history = (java.util.Map<String, List<HistoryPoint>>) result[1];
            zoneHistory.set(history);
            biomassSurvey.set((String) result[2] + ((Boolean) result[3] ? " — " + texts.getString("data.simulated") : ""));
            map.zoneBiomassTitleProperty().set(biomassTitle(survey, (Boolean) result[3]));
            java.util.Map<String, Double> density = new java.util.HashMap<>();
            report.zones().forEach(r -> density.put(r.zone(), r.densityTPerNmi2()));
            map.zoneBiomassProperty().set(density);
            map.colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
            biomass.set(report);
        }, this::failed);
    }

    /** The sonar files shown in the sonar panel, or {@code null}. */
    public ObjectProperty<pe.cardumen.app.SonarLoader.Loaded> sonarProperty() {
        return sonar;
    }

    /**
     * Loads Simrad raw files into the sonar panel and the map (echogram, track, NASC per interval and per
     * zone) and, when a workspace is open, imports them into it.
     *
     * @param channelKhz the channel to show, kHz; NaN for 38 kHz or the first channel
     */
    public void loadSonar(List<Path> files, double channelKhz) {
        ZoneLayer zones = map.zonesProperty().get();
        Path ws = workspace.get();
        tasks.run(MessageFormat.format(texts.getString("task.loadSonar"), files.size()), (p, c) -> {
            java.util.Map<Long, pe.cardumen.acoustics.CalibrationOverrides> cal = java.util.Map.copyOf(calibration);
            java.util.function.Function<pe.cardumen.domain.sonar.SonarChannel, pe.cardumen.acoustics.CalibrationOverrides> overrides =
                    ch -> cal.getOrDefault(Math.round(ch.frequencyHz() / 1000), pe.cardumen.acoustics.CalibrationOverrides.NONE);
            var loaded = new pe.cardumen.app.SonarLoader().load(files, channelKhz, overrides, zones, p, c);
            List<pe.cardumen.app.Importer.Outcome> outcomes = List.of();
            if (ws != null && loaded.channel() != null) {
                try (Workspace w = Workspace.open(ws)) {
                    outcomes = new pe.cardumen.app.Importer(loaded.channel().frequencyHz() / 1000, pe.cardumen.acoustics.IntegrationSettings.DEFAULT,
                            overrides).importAll(w, files, pe.cardumen.domain.ProgressListener.NONE, c);
                }
            }
            return new Object[] {loaded, outcomes};
        }, result -> {
            var loaded = (pe.cardumen.app.SonarLoader.Loaded) result[0];
            @SuppressWarnings("unchecked")
            var outcomes = (List<pe.cardumen.app.Importer.Outcome>) result[1];
            showSonar(loaded);
            long imported = outcomes.stream().filter(pe.cardumen.app.Importer.Outcome::imported).count();
            notice.set(MessageFormat.format(texts.getString("sonar.loaded"), files.size(), String.format(java.util.Locale.getDefault(), "%.2f",
                    loaded.trackNmi()), loaded.cells().size(), imported));
        }, this::failed);
    }

    /**
     * Applies the user's calibration corrections to the shown channel and reloads the sonar files with
     * them (the echogram, NASC and a new import all use them).
     */
    public void recalibrate(pe.cardumen.acoustics.CalibrationOverrides overrides) {
        var loaded = sonar.get();
        if (loaded == null || loaded.channel() == null) {
            return;
        }
        calibration.put(Math.round(loaded.channel().frequencyHz() / 1000), overrides);
        loadSonar(loaded.files().stream().map(pe.cardumen.app.SonarLoader.FileSummary::file).toList(), loaded.channel().frequencyHz() / 1000);
    }

    private void showSonar(pe.cardumen.app.SonarLoader.Loaded loaded) {
        sonar.set(loaded);
        map.trackProperty().set(loaded.trackLonLat());
        java.util.Map<Integer, double[]> byInterval = new java.util.TreeMap<>();
        java.util.Map<String, double[]> byZone = new java.util.HashMap<>();
        for (var c : loaded.cells()) {
            if (Double.isNaN(c.lat())) {
                continue;
            }
            // NASC of an interval is the sum over its layers (the water column)
            byInterval.computeIfAbsent(c.interval(), k -> new double[] {c.lon(), c.lat(), 0})[2] += c.nascM2PerNmi2();
        }
        for (var c : loaded.cells()) {
            if (!c.zone().isEmpty() && c.layer() == 0) {
                double column = byInterval.containsKey(c.interval()) ? byInterval.get(c.interval())[2] : 0;
                double[] acc = byZone.computeIfAbsent(c.zone(), k -> new double[2]);
                acc[0] += column;
                acc[1]++;
            }
        }
        java.util.Map<String, Double> zoneMeans = new java.util.HashMap<>();
        byZone.forEach((zone, acc) -> zoneMeans.put(zone, acc[0] / acc[1]));
        map.nascPointsProperty().set(new java.util.ArrayList<>(byInterval.values()));
        map.zoneNascProperty().set(zoneMeans);
    }

    /** Writes the zones shown on the map to a GeoJSON, GeoPackage or Shapefile. */
    public void exportZones(Path out) {
        ZoneLayer zones = map.zonesProperty().get();
        if (zones == null) {
            error.set("there are no zones to export");
            return;
        }
        tasks.run(MessageFormat.format(texts.getString("task.exportZones"), out.getFileName()), (p, c) -> {
            services.zoneExporter().export(zones.zones(), out);
            return out;
        }, f -> notice.set(MessageFormat.format(texts.getString("export.done"), zones.size(), f.getFileName())), this::failed);
    }

    /** The fields of a layer, for the import dialog's code-field choice. */
    public List<String> fieldsOf(Path file) throws Exception {
        return services.vectorLayerReader().read(file, null).fieldNames();
    }

    private record Opened(Path file, ZoneLayer zones, WorkspaceSummary summary, java.util.Map<String, Double> biomass,
                          java.util.Map<String, List<HistoryPoint>> history, String biomassTitle) {
    }

    /** The biomass legend's title for a survey ("" without one: the generic title). */
    private String biomassTitle(String survey, boolean simulated) {
        if (survey == null) {
            return "";
        }
        return MessageFormat.format(texts.getString("map.biomassSurvey"), survey) + (simulated ? " — " + texts.getString("data.simulated") : "");
    }

    /** Each zone's density in each survey (the survey's latest stored run), in survey order. */
    private static java.util.Map<String, List<HistoryPoint>> history(Workspace ws) throws pe.cardumen.workspace.WorkspaceException {
        java.util.Map<String, List<HistoryPoint>> out = new java.util.HashMap<>();
        var runs = ws.biomassRuns();
        for (var survey : ws.surveys()) {
            if (survey.period() == null) {
                continue;
            }
            pe.cardumen.workspace.BiomassRun latest = null;
            for (var r : runs) {
                if (survey.id().equals(r.survey())) {
                    latest = r;
                }
            }
            if (latest == null) {
                continue;
            }
            for (var row : ws.biomass(latest.id())) {
                out.computeIfAbsent(row.zone(), k -> new java.util.ArrayList<>())
                        .add(new HistoryPoint(survey.id(), survey.period(), row.densityTPerNmi2(), survey.simulated()));
            }
        }
        return out;
    }

    /** The survey of the last biomass shown ("" for a workspace without surveys), labelled when simulated. */
    public ObjectProperty<String> biomassSurveyProperty() {
        return biomassSurvey;
    }

    /** Each zone's biomass density across the workspace's surveys (zone code → points in survey order). */
    public ObjectProperty<java.util.Map<String, List<HistoryPoint>>> zoneHistoryProperty() {
        return zoneHistory;
    }

    /** The parameter set the next biomass computation uses (remembered between sessions). */
    public ObjectProperty<pe.cardumen.acoustics.biomass.BiomassParameters> parametersProperty() {
        return parameters;
    }

    /**
     * Replaces the parameter set, remembers it, and recomputes the last biomass computation with it
     * (when there was one in this session).
     */
    public void applyParameters(pe.cardumen.acoustics.biomass.BiomassParameters p) {
        parameters.set(p);
        preferences.setBiomassParameters(p);
        if (lastBiomassChoice != null) {
            computeBiomass(lastBiomassChoice[0], lastBiomassChoice[1], lastBiomassChoice[2]);
        }
    }

    /** The open workspace's default model ({@code id:version}), or {@code null}. */
    public String defaultModel() throws Exception {
        Path ws = workspace.get();
        if (ws == null) {
            return null;
        }
        try (Workspace w = Workspace.open(ws)) {
            return w.setting(pe.cardumen.app.ModelService.DEFAULT_MODEL).orElse(null);
        }
    }

    /** The surveys of the open workspace, in order, for the choice when there are several. */
    public List<pe.cardumen.workspace.SurveyInfo> surveys() throws Exception {
        Path ws = workspace.get();
        if (ws == null) {
            return List.of();
        }
        try (Workspace w = Workspace.open(ws)) {
            return w.surveys();
        }
    }

    private void show(Opened o) {
        workspace.set(o.file());
        preferences.setLastWorkspace(o.file());
        map.zoneBiomassTitleProperty().set(o.biomassTitle());
        map.zoneBiomassProperty().set(o.biomass());
        if (!o.biomass().isEmpty() && map.colourByProperty().get() == pe.cardumen.ui.map.ZoneAttribute.AREA) {
            // a workspace with results opens on them rather than on the zones' areas
            map.colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
        }
        zoneHistory.set(o.history());
        lastBiomassChoice = null;
        models.predictionProperty().set(null);
        map.zoneModelProperty().set(null);
        map.zonesProperty().set(o.zones());
        map.selectedProperty().set(null);
        String source = o.summary().zoneSource();
        if (pe.cardumen.geo.ZoneGridGenerator.SOURCE.equals(source)) {
            source = texts.getString("zones.generated");
        }
        status.set(MessageFormat.format(texts.getString("status.workspace"), o.file().getFileName(), o.summary().zones(), source));
    }

    private void failed(Throwable t) {
        if (t instanceof CancellationException) {
            status.set(texts.getString("status.ready"));
            return;
        }
        String msg = t.getMessage() == null ? t.toString() : t.getMessage();
        error.set(msg);
    }
}
