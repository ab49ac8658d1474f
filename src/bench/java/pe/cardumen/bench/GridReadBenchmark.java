package pe.cardumen.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import pe.cardumen.io.grid.CfGrid;

/**
 * Reading every time step of each real satellite file (open, CF decoding, unpacking, unit
 * normalisation), from the OS page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GridReadBenchmark {
    @Param({"oisst_v21_peru_2026-01-01_2026-02-15.nc", "oisst_v21_peru_packed_netcdf4.nc", "oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif",
            "erddap_modis_sst_1day_0-360lon.nc", "erddap_viirs_chla_monthly.nc"})
    public String file;

    private Path path;

    /** The file from sample-data/satellite, or decompressed from the test references (the MODIS file). */
    @Setup
    public void locate() throws java.io.IOException {
        path = Path.of(System.getProperty("cardumen.sampleData", "sample-data"), "satellite", file);
        if (!java.nio.file.Files.exists(path)) {
            Path gz = Path.of("src/test/resources/reference/satellite", file + ".gz");
            path = Path.of("target/bench", file);
            java.nio.file.Files.createDirectories(path.getParent());
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(gz))) {
                java.nio.file.Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Benchmark
    public void readAllSteps(Blackhole sink) throws Exception {
        try (CfGrid g = CfGrid.open(path, null)) {
            for (int k = 0; k < g.times().length; k++) {
                sink.consume(g.step(k));
            }
        }
    }
}
