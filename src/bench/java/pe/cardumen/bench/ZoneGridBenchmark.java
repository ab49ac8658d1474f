package pe.cardumen.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.GridSpec;
import pe.cardumen.geo.ZoneGridGenerator;
import pe.cardumen.geo.ZoneLayer;

/** Generating the full AIP grid (31 latitude bands × 30 distance bands) from the coastline, on all cores. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class ZoneGridBenchmark {
    private Coastline coast;

    @Setup
    public void setUp() throws Exception {
        coast = Services.standard().coastline();
    }

    @Benchmark
    public ZoneLayer generateFullGrid() {
        return new ZoneGridGenerator().generate(coast, GridSpec.PERU, ProgressListener.NONE, CancellationToken.NONE);
    }
}
