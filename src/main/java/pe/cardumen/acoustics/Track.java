package pe.cardumen.acoustics;

import java.util.ArrayList;
import java.util.List;
import pe.cardumen.geo.Geodesy;

/**
 * The ship's track from NMEA fixes: positions interpolated to any time, linearly in time between the
 * two fixes around it (fixes come every second or so, so the straight line is the sailed path to far
 * below GPS error). Times before the first fix or after the last take that fix when it is at most
 * {@link #MAX_EXTRAPOLATION_TICKS} away, else have no position.
 *
 * <p>Fixes must be added in time order; equal times keep the first.
 */
public final class Track {
    /** How far outside the fixes a time may lie and still take the nearest fix: 60 s in FILETIME ticks. */
    public static final long MAX_EXTRAPOLATION_TICKS = 60L * 10_000_000L;

    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> positions = new ArrayList<>();

    /** Adds a fix (lat, lon degrees) at a FILETIME. Fixes out of time order are ignored. */
    public void add(long timeTicks, double latDegrees, double lonDegrees) {
        if (!times.isEmpty() && timeTicks <= times.get(times.size() - 1)[0]) {
            return;
        }
        times.add(new long[] {timeTicks});
        positions.add(new double[] {latDegrees, lonDegrees});
    }

    /** Number of fixes. */
    public int size() {
        return times.size();
    }

    /**
     * The position at a time, {lat, lon} degrees; NaNs when there is no fix near enough.
     */
    public double[] at(long timeTicks) {
        int n = times.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int lo = 0;
        int hi = n - 1;
        if (timeTicks <= times.get(0)[0]) {
            return timeTicks >= times.get(0)[0] - MAX_EXTRAPOLATION_TICKS ? positions.get(0).clone() : new double[] {Double.NaN, Double.NaN};
        }
        if (timeTicks >= times.get(n - 1)[0]) {
            return timeTicks <= times.get(n - 1)[0] + MAX_EXTRAPOLATION_TICKS ? positions.get(n - 1).clone() : new double[] {Double.NaN, Double.NaN};
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times.get(mid)[0] <= timeTicks) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = (double) (timeTicks - times.get(lo)[0]) / (times.get(hi)[0] - times.get(lo)[0]);
        double[] a = positions.get(lo);
        double[] b = positions.get(hi);
        return new double[] {a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])};
    }

    /**
     * Cumulative sailed distance at each of the given times (ascending), nautical miles: the sum of
     * geodesic distances between consecutive interpolated positions. Times without a position add nothing.
     */
    public double[] cumulativeDistanceNmi(long[] timesTicks) {
        double[] d = new double[timesTicks.length];
        double[] prev = null;
        double sum = 0;
        for (int i = 0; i < timesTicks.length; i++) {
            double[] p = at(timesTicks[i]);
            if (!Double.isNaN(p[0])) {
                if (prev != null) {
                    sum += Geodesy.distanceNmi(prev[1], prev[0], p[1], p[0]);
                }
                prev = p;
            }
            d[i] = sum;
        }
        return d;
    }
}
