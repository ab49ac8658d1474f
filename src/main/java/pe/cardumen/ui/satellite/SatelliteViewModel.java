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
import pe.cardumen.ui.map.ColourRamp;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.ui.map.RasterLegend;

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
    private final ReadOnlyObjectWrapper<LoadedGrid> grid = new ReadOnlyObjectWrapper<>(this, "grid");
    private final ObjectProperty<EnsoSeries> enso = new SimpleObjectProperty<>(this, "enso");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final ObjectProperty<ZoneMode> zoneMode = new SimpleObjectProperty<>(this, "zoneMode", ZoneMode.MEAN);
    private final BooleanProperty showGrid = new SimpleBooleanProperty(this, "showGrid", true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<RasterLegend> legend = new ReadOnlyObjectWrapper<>(this, "legend");
    private Map<String, Double> zoneTimeMeans;

    public SatelliteViewModel(MapViewModel map, ResourceBundle texts) {
        this.map = map;
        this.texts = texts;
        step.addListener((o, a, b) -> apply());
        zoneMode.addListener((o, a, b) -> apply());
        showGrid.addListener((o, a, b) -> apply());
    }

    /** Shows a loaded grid from its first step. */
    public void show(LoadedGrid loaded) {
        zoneTimeMeans = null;
        legend.set(loaded == null ? null : legendOf(loaded));
        grid.set(loaded);
        if (step.get() == 0) {
            apply();
        } else {
            step.set(0);
        }
    }

    /** Shows what another (discarded) panel state showed: grid, date, zone mode and grid visibility. */
    public void takeOver(SatelliteViewModel other) {
        enso.set(other.enso.get());
        zoneMode.set(other.zoneMode.get());
        showGrid.set(other.showGrid.get());
        int k = other.step.get();
        show(other.grid.get());
        step.set(k);
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
        LoadedGrid g = grid.get();
        if (g == null) {
            title.set("");
            map.rasterProperty().set(null);
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
        map.zoneSatelliteProperty().set(byZone);
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
