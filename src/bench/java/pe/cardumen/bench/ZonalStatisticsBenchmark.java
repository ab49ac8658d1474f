package pe.cardumen.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.ocean.ZonalStatistics;

/**
 * Zonal statistics over a year of a synthetic 0.05° grid covering the Peru box (18.5–3.0°S,
 * 84–70°W: 311 × 281 cells, about 10 % missing) and the 930 AIP zones. One operation is one grid
 * cell of one time step, so JMH's ops/s is the throughput in cell-values per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ZonalStatisticsBenchmark {
    static final int ROWS = 311;
    static final int COLS = 281;
    static final int STEPS = 365;
    private ZonalStatistics stats;
    private float[][] year;

    @Setup
    public void setUp() throws Exception {
        ZoneLayer zones = Services.standard().generateZones(ProgressListener.NONE, CancellationToken.NONE);
        double[] lat = new double[ROWS];
        double[] lon = new double[COLS];
        for (int i = 0; i < ROWS; i++) {
            lat[i] = -18.5 + 0.05 * i;
        }
        for (int j = 0; j < COLS; j++) {
            lon[j] = -84.0 + 0.05 * j;
        }
        long t0 = System.nanoTime();
        stats = new ZonalStatistics(zones, lat, lon);
        long assigned = zones.zones().stream().mapToLong(z -> stats.cellsOf(z.code())).sum();
        System.out.printf("%nzone assignment of %d cells: %.0f ms; %d cells (%.1f %%) lie in a zone%n", ROWS * COLS, (System.nanoTime() - t0) / 1e6,
                assigned, 100.0 * assigned / (ROWS * COLS));
        SplittableRandom random = new SplittableRandom(2026);
        year = new float[STEPS][ROWS * COLS];
        for (float[] step : year) {
            for (int k = 0; k < step.length; k++) {
                step[k] = random.nextInt(10) == 0 ? Float.NaN : (float) (14 + 14 * random.nextDouble());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * ROWS * COLS)
    public void aYearOfDailySteps(Blackhole sink) {
        for (float[] step : year) {
            sink.consume(stats.compute(step));
        }
    }
}
