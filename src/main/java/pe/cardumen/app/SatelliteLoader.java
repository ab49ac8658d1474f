package pe.cardumen.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.ocean.ZonalStatistics;

/**
 * Loads a grid for the satellite panel: every time step in memory (bounded: at most
 * {@link #MAX_VALUES} values, keeping every k-th step beyond that) and the zone assignment for the
 * zonal statistics of any step.
 */
public final class SatelliteLoader {
    /** The most grid values held for display. */
    public static final long MAX_VALUES = 40_000_000L;

    /**
     * A loaded grid.
     *
     * @param file     the file
     * @param format   its format
     * @param variable the variable shown
     * @param unit     its normalised unit
     * @param lat      cell-centre latitudes
     * @param lon      cell-centre longitudes (−180…180)
     * @param times    the time of each kept step (null entries when undated)
     * @param steps    the values of each kept step, lat-major, NaN missing
     * @param stats    the zone assignment
     * @param warnings problems tolerated
     * @param gridded  the file's gridded variables (two or more dimensions), for the variable chooser
     */
    public record LoadedGrid(Path file, String format, String variable, String unit, double[] lat, double[] lon, Instant[] times, float[][] steps,
                             ZonalStatistics stats, List<String> warnings, List<String> gridded) {
        /** Whether the values are chlorophyll (shown on a log scale). */
        public boolean isChlorophyll() {
            return unit.startsWith("mg");
        }
    }

    /**
     * Reads a grid.
     *
     * @param variable the variable to show, or {@code null} for SST, chlorophyll or the first gridded one
     * @param zones    the zones for the zonal statistics, or {@code null}
     */
    public LoadedGrid load(Path file, String variable, ZoneLayer zones, ProgressListener progress, CancellationToken cancel)
            throws IOException, FileFormatException {
        try (CfGrid g = CfGrid.open(file, variable)) {
            Instant[] all = g.times();
            long perStep = (long) g.latitudes().length * g.longitudes().length;
            int every = (int) Math.max(1, Math.ceil(all.length * (double) perStep / MAX_VALUES));
            int kept = (all.length + every - 1) / every;
            Instant[] times = new Instant[kept];
            float[][] steps = new float[kept][];
            List<String> warnings = new java.util.ArrayList<>(g.warnings());
            for (int k = 0; k < kept; k++) {
                cancel.throwIfCancelled();
                times[k] = all[k * every];
                try {
                    steps[k] = g.step(k * every);
                } catch (FileFormatException e) {
                    if (k == 0) {
                        throw e;
                    }
                    // a truncated file: show the complete steps before the damage
                    warnings.add("time steps from " + (k * every + 1) + " of " + all.length + " skipped: " + e.getMessage());
                    times = java.util.Arrays.copyOf(times, k);
                    steps = java.util.Arrays.copyOf(steps, k);
                    break;
                }
                progress.progress(k + 1, kept, file.getFileName().toString());
            }
            if (every > 1) {
                warnings.add("the grid is large: every " + every + "th time step is shown");
            }
            ZonalStatistics stats = zones == null ? null : new ZonalStatistics(zones, g.latitudes(), g.longitudes());
            List<String> gridded = g.variables().values().stream()
                    .filter(v -> v.dimensions().size() >= 2 && !g.dimensions().containsKey(v.name()))
                    .map(pe.cardumen.io.grid.NcVariable::name).sorted().toList();
            return new LoadedGrid(file, g.format(), g.variableName(), g.unit(), g.latitudes(), g.longitudes(), times, steps, stats, List.copyOf(warnings),
                    gridded.isEmpty() ? List.of(g.variableName()) : gridded);
        }
    }
}
