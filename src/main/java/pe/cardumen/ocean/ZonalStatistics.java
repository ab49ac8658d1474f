package pe.cardumen.ocean;

import java.util.ArrayList;
import java.util.List;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;

/**
 * Statistics of a gridded field per zone. Assignment rule: a grid cell belongs to the zone that
 * contains its centre; a zone that contains no cell centre (smaller than a grid cell, or a sliver) but
 * whose centroid lies within the grid takes the cell nearest its centroid, and
 * {@link ZoneStat#nearestCell()} says so; a zone outside the grid has no cells (no valid values). The assignment is computed
 * once per grid and zone layer, then each time step costs one pass over the assigned cells.
 */
public final class ZonalStatistics {
    private final List<Zone> zones;
    private final int[][] cells;
    private final boolean[] nearest;

    /**
     * One zone's statistics for one time step.
     *
     * @param zone          the zone's code
     * @param mean          mean of the valid values
     * @param min           minimum
     * @param max           maximum
     * @param std           population standard deviation
     * @param nValid        valid (not missing) values
     * @param validFraction valid values / cells assigned to the zone (0 when none is)
     * @param nearestCell   whether the zone took the nearest cell because no cell centre lies inside it
     */
    public record ZoneStat(String zone, double mean, double min, double max, double std, int nValid, double validFraction, boolean nearestCell) {
    }

    /**
     * Assigns the grid's cells to the zones.
     *
     * @param lat cell-centre latitudes, degrees
     * @param lon cell-centre longitudes, degrees (−180…180)
     */
    public ZonalStatistics(ZoneLayer layer, double[] lat, double[] lon) {
        this.zones = layer.zones();
        List<List<Integer>> byZone = new ArrayList<>();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int z = 0; z < zones.size(); z++) {
            byZone.add(new ArrayList<>());
            index.put(zones.get(z).code(), z);
        }
        for (int i = 0; i < lat.length; i++) {
            for (int j = 0; j < lon.length; j++) {
                int cell = i * lon.length + j;
                layer.zoneAt(lon[j], lat[i]).ifPresent(z -> byZone.get(index.get(z.code())).add(cell));
            }
        }
        cells = new int[zones.size()][];
        nearest = new boolean[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            List<Integer> list = byZone.get(z);
            Zone zone = zones.get(z);
            if (list.isEmpty() && within(lat, zone.centroidLat()) && within(lon, zone.centroidLon())) {
                int bi = nearestIndex(lat, zone.centroidLat());
                int bj = nearestIndex(lon, zone.centroidLon());
                cells[z] = new int[] {bi * lon.length + bj};
                nearest[z] = true;
            } else {
                cells[z] = list.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** Whether a value lies within the axis's extent, half a spacing beyond its end points. */
    private static boolean within(double[] axis, double value) {
        if (axis.length == 0) {
            return false;
        }
        double lo = Math.min(axis[0], axis[axis.length - 1]);
        double hi = Math.max(axis[0], axis[axis.length - 1]);
        double half = axis.length > 1 ? Math.abs(axis[1] - axis[0]) / 2 : 0;
        return value >= lo - half && value <= hi + half;
    }

    private static int nearestIndex(double[] axis, double value) {
        int best = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i] - value) < Math.abs(axis[best] - value)) {
                best = i;
            }
        }
        return best;
    }

    /** Cells assigned to each zone, for tests and the map. */
    public int cellsOf(String code) {
        for (int z = 0; z < zones.size(); z++) {
            if (zones.get(z).code().equals(code)) {
                return cells[z].length;
            }
        }
        return 0;
    }

    /**
     * The statistics of one time step.
     *
     * @param values the field, lat-major, NaN where missing
     */
    public List<ZoneStat> compute(float[] values) {
        List<ZoneStat> out = new ArrayList<>(zones.size());
        for (int z = 0; z < zones.size(); z++) {
            int n = 0;
            double sum = 0;
            double sumSq = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int c : cells[z]) {
                float v = values[c];
                if (!Float.isNaN(v)) {
                    n++;
                    sum += v;
                    sumSq += (double) v * v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            double mean = n == 0 ? Double.NaN : sum / n;
            double std = n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
            out.add(new ZoneStat(zones.get(z).code(), mean, n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max, std, n,
                    cells[z].length == 0 ? 0 : (double) n / cells[z].length, nearest[z]));
        }
        return out;
    }
}
