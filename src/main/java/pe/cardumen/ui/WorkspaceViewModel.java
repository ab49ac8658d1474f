package pe.cardumen.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.geo.ZoneLayerBuilder;
import pe.cardumen.io.vector.VectorLayer;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.workspace.SurveyInfo;
import pe.cardumen.workspace.Workspace;
import pe.cardumen.workspace.WorkspaceSummary;

/**
 * The open workspace: which file, the status line, opening one (the map first: zones, then the rest),
 * building the demo, importing and exporting zone layers, and the reads the menus need (surveys, a
 * layer's fields), all in the background. Every method runs on the JavaFX thread.
 */
public final class WorkspaceViewModel {
    /**
     * A workspace just read: its zones and summary, for the map and the other view models.
     *
     * @param file    the workspace
     * @param zones   its zone layer
     * @param summary counts and the zone source
     * @param surveys its surveys in order
     * @param latest  the latest survey's stored biomass, for the first map; {@code null} without any
     */
    public record Opened(Path file, ZoneLayer zones, WorkspaceSummary summary, List<SurveyInfo> surveys, BiomassViewModel.Shown latest) {
    }

    private final PanelContext context;
    private final UiPreferences preferences;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty needsWorkspace = new SimpleBooleanProperty(this, "needsWorkspace");
    /** The status line's key and arguments, so that it can be said again in another language. */
    private Object[] statusKey = {"status.ready"};

    WorkspaceViewModel(PanelContext context, UiPreferences preferences) {
        this.context = context;
        this.preferences = preferences;
        setStatus("status.ready");
    }

    /** The open workspace's file, or {@code null}. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The last workspace read, set on the JavaFX thread once its zones are in. */
    public ReadOnlyObjectProperty<Opened> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The status line when no task is running. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Set when the application started with no workspace to open and no sample data to build the demo
     * from; the window then offers to open a workspace or to create one with the zones only.
     */
    public BooleanProperty needsWorkspaceProperty() {
        return needsWorkspace;
    }

    private void setStatus(String key, Object... args) {
        Object[] k = new Object[args.length + 1];
        k[0] = key;
        System.arraycopy(args, 0, k, 1, args.length);
        statusKey = k;
        status.set(MessageFormat.format(context.texts().getString(key), args));
    }

    /** Says the status line again in the window's (new) language. */
    void relabel() {
        Object[] args = java.util.Arrays.copyOfRange(statusKey, 1, statusKey.length);
        if ("status.workspace".equals(statusKey[0]) && opened.get() != null) {
            args[2] = zoneSource(opened.get().summary());
        }
        setStatus((String) statusKey[0], args);
    }

    /**
     * Opens the workspace the user had last, or on first start builds (or reopens) the demo workspace in
     * the user's Cardumen folder.
     *
     * @param requested a workspace named on the command line, or {@code null}
     */
    public void openInitial(Path requested) {
        if (requested != null) {
            open(requested);
            return;
        }
        Path last = preferences.lastWorkspace().filter(Files::isRegularFile).orElse(null);
        if (last != null) {
            open(last);
            return;
        }
        Path demo = Services.userDirectory().resolve("demo" + Workspace.SUFFIX);
        if (Files.isRegularFile(demo)) {
            open(demo);
        } else if (context.services().sampleData().isPresent()) {
            buildDemo(demo);
        } else {
            // no sample data to build a demo from: the coast is on the map; the window offers to open or create a workspace
            setStatus("status.noSampleData");
            needsWorkspace.set(true);
        }
    }

    /**
     * Opens a workspace and shows its zones. The map comes first: this reads the zones, the summary, the
     * surveys and the latest survey's stored biomass; the other view models read what they need (biomass, history, models) when
     * {@link #openedProperty()} changes.
     */
    public void open(Path path) {
        context.tasks().run(MessageFormat.format(context.texts().getString("task.openWorkspace"), path.getFileName()), (p, c) -> {
            StartupTrace.mark("opening " + path.getFileName());
            try (Workspace ws = Workspace.open(path)) {
                var zones = ws.zones();
                StartupTrace.mark("zones read");
                WorkspaceSummary summary = ws.summary();
                StartupTrace.mark("summary read");
                var surveys = ws.surveys();
                StartupTrace.mark("surveys read");
                var latest = BiomassViewModel.readLatest(ws, surveys).orElse(null);
                StartupTrace.mark("latest biomass read");
                return new Opened(path, new ZoneLayer(summary.zoneSource(), zones), summary, surveys, latest);
            }
        }, o -> {
            StartupTrace.mark("workspace read");
            file.set(o.file());
            preferences.setLastWorkspace(o.file());
            MapViewModel map = context.map();
            map.zonesProperty().set(o.zones());
            map.selectedProperty().set(null);
            setStatus("status.workspace", o.file().getFileName(), o.summary().zones(), zoneSource(o.summary()));
            opened.set(o);
        }, context::failed);
    }

    private String zoneSource(WorkspaceSummary summary) {
        String source = summary.zoneSource();
        return pe.cardumen.geo.ZoneGridGenerator.SOURCE.equals(source) ? context.texts().getString("zones.generated") : source;
    }

    /** Builds the demo workspace at {@code out} (which must not exist) and opens it. */
    public void buildDemo(Path out) {
        context.tasks().run(context.texts().getString("task.buildDemo"), (p, c) -> {
            context.services().demoWorkspace().build(out, p, c);
            return out;
        }, this::open, context::failed);
    }

    /**
     * Replaces the open workspace's zones with an official layer. On any problem the workspace keeps its
     * zones and the error lists what is wrong.
     */
    public void importZones(Path layerFile, String codeField) {
        Path ws = file.get();
        if (ws == null) {
            context.error().accept(context.texts().getString("workspace.none"));
            return;
        }
        context.tasks().run(MessageFormat.format(context.texts().getString("task.importZones"), layerFile.getFileName()), (p, c) -> {
            VectorLayer layer = context.services().vectorLayerReader().read(layerFile, null);
            ZoneLayer zones = new ZoneLayerBuilder().build(layerFile, layer, codeField);
            try (Workspace w = Workspace.open(ws)) {
                w.replaceZones(zones.source(), zones.zones(), c);
                w.recordImport("zones", layer.result().provenance(), zones.size(), layer.result().rejects(), layer.result().warnings().size());
            }
            return zones;
        }, zones -> {
            context.notice().accept(MessageFormat.format(context.texts().getString("import.done"), zones.size(), layerFile.getFileName()));
            open(ws);
        }, context::failed);
    }

    /** Writes the zones shown on the map to a GeoJSON, GeoPackage or Shapefile. */
    public void exportZones(Path out) {
        ZoneLayer zones = context.map().zonesProperty().get();
        if (zones == null) {
            context.error().accept(context.texts().getString("export.noZones"));
            return;
        }
        context.tasks().run(MessageFormat.format(context.texts().getString("task.exportZones"), out.getFileName()), (p, c) -> {
            context.services().zoneExporter().export(zones.zones(), out);
            return out;
        }, f -> context.notice().accept(MessageFormat.format(context.texts().getString("export.done"), zones.size(), f.getFileName())), context::failed);
    }

    /** Reads the fields of a layer in the background, for the import dialog's code-field choice. */
    public void readFields(Path layerFile, Consumer<List<String>> then) {
        context.tasks().run(MessageFormat.format(context.texts().getString("task.readLayer"), layerFile.getFileName()),
                (p, c) -> context.services().vectorLayerReader().read(layerFile, null).fieldNames(), then, context::failed);
    }

    /** Reads the surveys of the open workspace in the background (empty without a workspace). */
    public void readSurveys(Consumer<List<SurveyInfo>> then) {
        Path ws = file.get();
        if (ws == null) {
            then.accept(List.of());
            return;
        }
        context.tasks().run(context.texts().getString("task.surveys"), (p, c) -> {
            try (Workspace w = Workspace.open(ws)) {
                return w.surveys();
            }
        }, then, context::failed);
    }

    /** Loads the coastline so the map shows the coast before any workspace is open. */
    public void loadCoastline() {
        context.tasks().run(context.texts().getString("task.loadCoast"), (p, c) -> {
            StartupTrace.mark("loading the coastline");
            var coast = context.services().coastline();
            StartupTrace.mark("coastline loaded");
            return coast;
        }, context.map().coastlineProperty()::set, context::failed);
    }

    /** The real sample files the user can open (File ▸ Open sample); empty without sample data. */
    public List<SampleData.SampleFile> sampleFiles() {
        try {
            return context.services().sampleData().openableFiles();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
