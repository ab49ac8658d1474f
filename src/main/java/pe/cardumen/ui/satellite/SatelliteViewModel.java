package pe.cardumen.ui.satellite;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import pe.cardumen.app.SatelliteLoader.LoadedGrid;
import pe.cardumen.app.Services.EnsoSeries;
import pe.cardumen.ocean.ZonalStatistics;
import pe.cardumen.render.ColourRamp;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.render.RasterLegend;

/**
 * The satellite panel's state, without any Node: the loaded grid, the time step shown, whether the
 * grid is drawn under the zones and what the zones are coloured by. Every change is pushed to the
 * {@link MapViewModel} (raster underlay and per-zone values).
 *
 * <p>The colour scale is fixed for a grid (2nd–98th percentile of a sample of all its steps) so that
 * stepping through time compares like with like.
 */
public final class SatelliteViewModel {
    /** What the zones show. */
    public enum ZoneMode {
        /** The zonal mean of the step shown. */
        MEAN,
        /** The zonal mean minus the zone's mean over all the loaded steps. */
        ANOMALY
    }

    /** How many values the legend's percentiles are taken from at most. */
    private static final int LEGEND_SAMPLE = 2_000_000;

    private final MapViewModel map;
    private final ResourceBundle texts;
    /** The services, tasks and workspace for loading and importing; null in a view model that is only shown grids. */
    private final pe.cardumen.ui.PanelContext context;
    private final ReadOnlyObjectWrapper<LoadedGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ObjectProperty<EnsoSeries> enso = new SimpleObjectProperty<>(this, "enso");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ObjectProperty<ZoneMode> zoneMode = new SimpleObjectProperty<>(this, "zoneMode", ZoneMode.MEAN);
    private final BooleanProperty showGrid = new SimpleBooleanProperty(this, "showGrid", true);
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<RasterLegend> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    private Map<String, Double> zoneTimeMeans;
    /** The fixed zone classes of the grid shown, per zone mode (computed once per grid). */
    private final Map<ZoneMode, MapViewModel.ZoneScale> scales = new java.util.EnumMap<>(ZoneMode.class);

    /** A view model that is shown grids loaded elsewhere (tests). */
    public SatelliteViewModel(MapViewModel map, ResourceBundle texts) {
        this(map, texts, null);
    }

    /** A view model that loads grids itself and imports them into the workspace when asked. */
    public SatelliteViewModel(pe.cardumen.ui.PanelContext context) {
        this(context.map(), context.texts(), context);
    }

    private SatelliteViewModel(MapViewModel map, ResourceBundle texts, pe.cardumen.ui.PanelContext context) {
        this.map = map;
        this.texts = texts;
        this.context = context;
        step.addListener((o, a, b) -> apply());
        zoneMode.addListener((o, a, b) -> apply());
        showGrid.addListener((o, a, b) -> apply());
    }

    /** Whether the satellite panel is open (its grid stays loaded while it is closed, so that it can be reopened). */
    public javafx.beans.property.ReadOnlyBooleanProperty visibleProperty() {
        return visible;
    }

    /** Closes the panel: the field and its zone values leave the map; the grid stays loaded for {@link #reopen()}. */
    public void close() {
        visible.set(false);
        apply();
    }

    /** Opens the panel again on the grid it had (nothing happens when none was loaded). */
    public void reopen() {
        if (grid.get() != null) {
            visible.set(true);
            apply();
        }
    }

    /** Shows a loaded grid from its first step. */
    public void show(LoadedGrid loaded) {
        zoneTimeMeans = null;
        scales.clear();
        legend.set(loaded == null ? null : legendOf(loaded));
        grid.set(loaded);
        visible.set(loaded != null);
        if (step.get() == 0) {
            apply();
        } else {
            step.set(0);
        }
    }

    /**
     * Reads a satellite grid (NetCDF, GeoTIFF or ERDDAP CSV) into the panel: the field under the zones,
     * the zones coloured by its zonal mean, and the ENSO chart. The workspace is not touched
     * ({@link #importIntoWorkspace} does that); what was shown before stays if the file cannot be read.
     *
     * @param variable the variable to show; {@code null}: SST, chlorophyll or the first gridded one
     */
    public void load(java.nio.file.Path file, String variable) {
        var zones = map.zonesProperty().get();
        boolean needEnso = enso.get() == null;
        context.tasks().run(MessageFormat.format(texts.getString("task.loadSatellite"), file.getFileName()), (p, c) -> {
            var loaded = new pe.cardumen.app.SatelliteLoader().load(file, variable, zones, p, c);
            return new Loaded(loaded, needEnso ? context.services().ensoSeries() : null);
        }, r -> {
            if (r.enso() != null) {
                enso.set(r.enso());
            }
            show(r.grid());
            if (r.grid().stats() != null) {
                map.colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.SATELLITE);
            }
            String msg = MessageFormat.format(texts.getString("satellite.loaded"), file.getFileName(), r.grid().steps().length, r.grid().variable(),
                    r.grid().unit());
            context.notice().accept(r.grid().warnings().isEmpty() ? msg : msg + " — " + String.join("; ", r.grid().warnings()));
        }, context::failed);
    }

    private record Loaded(LoadedGrid grid, EnsoSeries enso) {
    }

    /**
     * Imports the grid shown into the open workspace: its zonal statistics per zone and time step, as
     * {@code cardumen import} stores them, recorded in the audit log.
     */
    public void importIntoWorkspace() {
        LoadedGrid g = grid.get();
        java.nio.file.Path ws = context.workspace().get();
        if (ws == null) {
            context.error().accept(texts.getString("workspace.none"));
            return;
        }
        if (g == null) {
            context.error().accept(texts.getString("satellite.nothingToImport"));
            return;
        }
        context.tasks().run(MessageFormat.format(texts.getString("task.importSatellite"), g.file().getFileName()), (p, c) -> {
            try (pe.cardumen.workspace.Workspace w = pe.cardumen.workspace.Workspace.open(ws)) {
                var outcome = new pe.cardumen.app.Importer(38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT)
                        .importAll(w, List.of(g.file()), pe.cardumen.domain.ProgressListener.NONE, c).get(0);
                if (!outcome.imported()) {
                    throw new IllegalStateException(outcome.error());
                }
                w.audit("satellite.import", g.file().getFileName() + ": zonal statistics of " + outcome.cells() + " zone-steps");
                return outcome;
            }
        }, o -> context.notice().accept(MessageFormat.format(texts.getString("satellite.imported"), g.file().getFileName(), o.cells())
                + (o.warnings().isEmpty() ? "" : " — " + String.join("; ", o.warnings()))), context::failed);
    }

    /** Says the titles again in the window's (new) language. */
    public void relabel() {
        apply();
    }

    public ReadOnlyObjectProperty<LoadedGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    /** The ENSO indices for the chart. */
    public ObjectProperty<EnsoSeries> ensoProperty() {
        return enso;
    }

    /** The index of the time step shown. */
    public IntegerProperty stepProperty() {
        return step;
    }

    public ObjectProperty<ZoneMode> zoneModeProperty() {
        return zoneMode;
    }

    /** Whether the map's legend describes the grid (zones as outlines) rather than the zones (filled). */
    public BooleanProperty legendDescribesGridProperty() {
        return map.legendDescribesGridProperty();
    }

    public BooleanProperty showGridProperty() {
        return showGrid;
    }

    /** "variable [unit] — date" of the step shown. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The raster's colour scale. */
    public ReadOnlyObjectProperty<RasterLegend> legendProperty() {
        return legend.getReadOnlyProperty();
    }

    /** The time of the step shown, or {@code null} when the grid is undated. */
    public Instant time() {
        LoadedGrid g = grid.get();
        return g == null || g.times().length == 0 ? null : g.times()[Math.min(step.get(), g.times().length - 1)];
    }

    /** Moves to the next step, wrapping round (the play button). */
    public void next() {
        LoadedGrid g = grid.get();
        if (g != null && g.steps().length > 0) {
            step.set((step.get() + 1) % g.steps().length);
        }
    }

    /** Removes the grid from the map. */
    public void clear() {
        show(null);
    }

    private void apply() {
        LoadedGrid g = visible.get() ? grid.get() : null;
        if (g == null) {
            title.set("");
            map.rasterProperty().set(null);
            map.zoneSatelliteScaleProperty().set(null);
            map.zoneSatelliteProperty().set(Map.of());
            map.zoneSatelliteTitleProperty().set("");
            return;
        }
        int k = Math.min(Math.max(step.get(), 0), g.steps().length - 1);
        float[] values = g.steps()[k];
        Instant t = time();
        String when = t == null ? "—" : t.atZone(ZoneOffset.UTC).toLocalDate().toString();
        title.set(MessageFormat.format(texts.getString("satellite.title"), g.variable(), g.unit(), when));
        map.rasterProperty().set(showGrid.get() ? new MapViewModel.Raster(g.lat(), g.lon(), values, legend.get()) : null);
        if (g.stats() == null) {
            map.zoneSatelliteProperty().set(Map.of());
            return;
        }
        Map<String, Double> byZone = zoneMeans(g.stats(), values);
        String unit = g.unit();
        if (zoneMode.get() == ZoneMode.ANOMALY) {
            Map<String, Double> climate = timeMeans(g);
            Map<String, Double> anomalies = new HashMap<>();
            byZone.forEach((zone, v) -> anomalies.put(zone, v - climate.getOrDefault(zone, Double.NaN)));
            byZone = anomalies;
            map.zoneSatelliteTitleProperty().set(g.variable() + " − " + texts.getString("satellite.zoneAnomaly") + " [" + unit + "], " + when);
        } else {
            map.zoneSatelliteTitleProperty().set(g.variable() + " " + texts.getString("satellite.zoneMean") + " [" + unit + "], " + when);
        }
        map.zoneSatelliteScaleProperty().set(scale(g, zoneMode.get()));
        map.zoneSatelliteProperty().set(byZone);
    }

    /**
     * The zone classes of the grid for a mode, fixed over all its dates: quantiles of every zone's mean
     * on every date (five classes), or for anomalies seven classes symmetric about zero up to the
     * largest anomaly of any zone on any date.
     */
    MapViewModel.ZoneScale scale(LoadedGrid g, ZoneMode mode) {
        return scales.computeIfAbsent(mode, m -> {
            Map<String, Double> climate = m == ZoneMode.ANOMALY ? timeMeans(g) : Map.of();
            List<Double> all = new java.util.ArrayList<>();
            double maxAbs = 0;
            for (float[] step : g.steps()) {
                for (var e : zoneMeans(g.stats(), step).entrySet()) {
                    if (m == ZoneMode.ANOMALY) {
                        double a = e.getValue() - climate.getOrDefault(e.getKey(), Double.NaN);
                        if (Double.isFinite(a)) {
                            maxAbs = Math.max(maxAbs, Math.abs(a));
                        }
                    } else if (Double.isFinite(e.getValue())) {
                        all.add(e.getValue());
                    }
                }
            }
            if (m == ZoneMode.ANOMALY) {
                return new MapViewModel.ZoneScale(pe.cardumen.render.Choropleth.symmetricBreaks(maxAbs, 7), true);
            }
            double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
            double[] b = pe.cardumen.render.Choropleth.quantiles("", v, 5, ColourRamp.THERMAL).breaks();
            return new MapViewModel.ZoneScale(b.length >= 2 ? b : new double[] {0, 1}, false);
        });
    }

    private static Map<String, Double> zoneMeans(ZonalStatistics stats, float[] values) {
        Map<String, Double> out = new HashMap<>();
        for (ZonalStatistics.ZoneStat s : stats.compute(values)) {
            if (s.nValid() > 0) {
                out.put(s.zone(), s.mean());
            }
        }
        return out;
    }

    /** Each zone's mean over all loaded steps (of the steps where it has data), computed once per grid. */
    private Map<String, Double> timeMeans(LoadedGrid g) {
        if (zoneTimeMeans == null) {
            Map<String, double[]> acc = new HashMap<>();
            for (float[] s : g.steps()) {
                zoneMeans(g.stats(), s).forEach((zone, v) -> {
                    double[] a = acc.computeIfAbsent(zone, z -> new double[2]);
                    a[0] += v;
                    a[1]++;
                });
            }
            Map<String, Double> out = new HashMap<>();
            acc.forEach((zone, a) -> out.put(zone, a[0] / a[1]));
            zoneTimeMeans = out;
        }
        return zoneTimeMeans;
    }

    private static RasterLegend legendOf(LoadedGrid g) {
        long total = 0;
        for (float[] s : g.steps()) {
            total += s.length;
        }
        int stride = (int) Math.max(1, (total + LEGEND_SAMPLE - 1) / LEGEND_SAMPLE);
        float[] sample = new float[(int) Math.min(total, LEGEND_SAMPLE)];
        int n = 0;
        long index = 0;
        for (float[] s : g.steps()) {
            for (float v : s) {
                if (index++ % stride == 0 && n < sample.length) {
                    sample[n++] = v;
                }
            }
        }
        boolean log = g.isChlorophyll();
        return RasterLegend.of(g.variable() + " [" + g.unit() + "]", java.util.Arrays.copyOf(sample, n), log,
                log ? ColourRamp.CHLOROPHYLL : ColourRamp.THERMAL);
    }

    /** The steps' times as a list, for the chart. */
    public List<Instant> times() {
        LoadedGrid g = grid.get();
        return g == null ? List.of() : java.util.Arrays.asList(g.times());
    }
}
