package pe.cardumen.acoustics;

import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a stream of calibrated pings to a bounded echogram for display: each column averages a run
 * of consecutive pings and each row a depth bin, in the linear domain (mean sv, then dB); a sample
 * counts in every row its thickness dz overlaps, so rows thinner than a sample show no gaps. When the
 * columns reach {@link #MAX_COLUMNS} they are merged pairwise and each column then covers twice as many
 * pings, so memory stays bounded however long the files are.
 *
 * <p>Not thread-safe.
 */
public final class EchogramBuilder {
    /** The most columns kept. */
    public static final int MAX_COLUMNS = 4096;

    private final double depthMaxM;
    private final int rows;
    private final List<double[]> sums = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> bottoms = new ArrayList<>();
    private int pingsPerColumn = 1;
    private int inCurrent;
    private final BottomDetector detector = BottomDetector.DEFAULT;

    /**
     * @param depthMaxM deepest depth shown, m
     * @param rows      depth bins from the surface to {@code depthMaxM}
     */
    public EchogramBuilder(double depthMaxM, int rows) {
        this.depthMaxM = depthMaxM;
        this.rows = rows;
    }

    /** Adds a ping; {@code recordedBottomM} is NaN to detect the bottom. */
    public void add(CalibratedPing cp, double recordedBottomM) {
        float[] sv = cp.svDb();
        if (inCurrent == 0) {
            sums.add(new double[rows]);
            counts.add(new int[rows]);
            times.add(new long[] {cp.ping().timeTicks(), cp.ping().timeTicks()});
            bottoms.add(new double[] {0, 0});
        }
        double[] sum = sums.get(sums.size() - 1);
        int[] count = counts.get(counts.size() - 1);
        double[] depth = new double[sv.length];
        double half = cp.dzM() / 2;
        for (int i = 0; i < sv.length; i++) {
            depth[i] = cp.depthM(i);
            if (Float.isNaN(sv[i])) {
                continue;
            }
            // a sample fills the rows its thickness covers, so that rows thinner than a sample have no gaps
            int first = Math.max(0, (int) Math.floor((depth[i] - half) / depthMaxM * rows));
            int last = Math.min(rows - 1, (int) Math.ceil((depth[i] + half) / depthMaxM * rows) - 1);
            double lin = Math.pow(10, sv[i] / 10.0);
            for (int row = first; row <= last; row++) {
                sum[row] += lin;
                count[row]++;
            }
        }
        times.get(times.size() - 1)[1] = cp.ping().timeTicks();
        double bottom = Double.isNaN(recordedBottomM) ? detector.detect(sv, depth, cp.transducerDepthM()) : recordedBottomM;
        if (!Double.isNaN(bottom)) {
            double[] b = bottoms.get(bottoms.size() - 1);
            b[0] += bottom;
            b[1]++;
        }
        inCurrent++;
        if (inCurrent == pingsPerColumn) {
            inCurrent = 0;
            if (sums.size() >= MAX_COLUMNS) {
                halve();
            }
        }
    }

    private void halve() {
        List<double[]> s = new ArrayList<>();
        List<int[]> c = new ArrayList<>();
        List<long[]> t = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int k = 0; k + 1 < sums.size(); k += 2) {
            double[] sum = sums.get(k).clone();
            int[] count = counts.get(k).clone();
            for (int r = 0; r < rows; r++) {
                sum[r] += sums.get(k + 1)[r];
                count[r] += counts.get(k + 1)[r];
            }
            s.add(sum);
            c.add(count);
            t.add(new long[] {times.get(k)[0], times.get(k + 1)[1]});
            b.add(new double[] {bottoms.get(k)[0] + bottoms.get(k + 1)[0], bottoms.get(k)[1] + bottoms.get(k + 1)[1]});
        }
        sums.clear();
        sums.addAll(s);
        counts.clear();
        counts.addAll(c);
        times.clear();
        times.addAll(t);
        bottoms.clear();
        bottoms.addAll(b);
        pingsPerColumn *= 2;
    }

    /** The echogram so far. */
    public Echogram build() {
        int cols = sums.size();
        float[][] sv = new float[cols][rows];
        long[] start = new long[cols];
        long[] end = new long[cols];
        double[] bottom = new double[cols];
        for (int k = 0; k < cols; k++) {
            for (int r = 0; r < rows; r++) {
                int n = counts.get(k)[r];
                sv[k][r] = n == 0 || sums.get(k)[r] <= 0 ? Float.NaN : (float) (10 * Math.log10(sums.get(k)[r] / n));
            }
            start[k] = times.get(k)[0];
            end[k] = times.get(k)[1];
            bottom[k] = bottoms.get(k)[1] == 0 ? Double.NaN : bottoms.get(k)[0] / bottoms.get(k)[1];
        }
        return new Echogram(sv, depthMaxM, start, end, bottom, pingsPerColumn);
    }

    /**
     * A display echogram.
     *
     * @param svDb           mean Sv per column and depth bin, dB (NaN where no sample)
     * @param depthMaxM      depth of the last bin's bottom edge, m
     * @param columnStart    FILETIME of each column's first ping
     * @param columnEnd      FILETIME of each column's last ping
     * @param bottomDepthM   mean bottom depth per column, m (NaN where none)
     * @param pingsPerColumn pings averaged per column
     */
    public record Echogram(float[][] svDb, double depthMaxM, long[] columnStart, long[] columnEnd, double[] bottomDepthM, int pingsPerColumn) {
        public int columns() {
            return svDb.length;
        }

        public int rows() {
            return svDb.length == 0 ? 0 : svDb[0].length;
        }
    }
}
