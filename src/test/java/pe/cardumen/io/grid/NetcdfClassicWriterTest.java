package pe.cardumen.io.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/** What the writer writes, the project's NetCDF-3 reader reads back (to the packing's half step), fill included. */
class NetcdfClassicWriterTest {
    @Test
    void aWrittenGridReadsBackThroughCfGrid() throws Exception {
        Path f = TestData.tempDir("nc-writer").resolve("t.nc");
        float[] step0 = {15.0f, 15.004f, Float.NaN, -2.5f, 400f, 21.999f};
        float[] step1 = {16.0f, 17.0f, 18.0f, 19.0f, 20.0f, 21.0f};
        NetcdfClassicWriter.write(f, new NetcdfClassicWriter.Grid("sst", "degree_C", "test temperature", 0.01, 0, (short) -999,
                "days since 1970-01-01 00:00:00", new double[] {19797, 19828}, new double[] {-12.5, -12.0}, new double[] {-78.5, -78.0, -77.5},
                List.of(step0, step1), Map.of("title", "a test")));
        assertThat(NetcdfClassicFile.probe(f)).isTrue();
        try (CfGrid g = CfGrid.open(f, null)) {
            assertThat(g.variableName()).isEqualTo("sst");
            assertThat(g.unit()).isEqualTo("°C");
            assertThat(g.latitudes()).containsExactly(-12.5, -12.0);
            assertThat(g.longitudes()).containsExactly(-78.5, -78.0, -77.5);
            assertThat(g.times()).containsExactly(Instant.parse("2024-03-15T00:00:00Z"), Instant.parse("2024-04-15T00:00:00Z"));
            float[] back = g.step(0);
            // find each written value wherever the reader puts rows (it may flip latitude to north-up)
            assertThat(back).hasSize(6);
            assertThat(count(back, Float.NaN)).isEqualTo(2); // the NaN, and 400 °C which does not fit 16 bits at 0.01
            for (float v : new float[] {15.0f, 15.0f, -2.5f, 22.0f}) {
                assertThat(nearest(back, v)).isCloseTo(v, within(0.005f + 1e-4f));
            }
            float[] second = g.step(1);
            double sum = 0;
            for (float v : second) {
                sum += v;
            }
            assertThat(sum).isCloseTo(16 + 17 + 18 + 19 + 20 + 21, within(1e-3));
        }
        // the bytes depend only on the grid
        byte[] first = Files.readAllBytes(f);
        Path g2 = f.resolveSibling("t2.nc");
        NetcdfClassicWriter.write(g2, new NetcdfClassicWriter.Grid("sst", "degree_C", "test temperature", 0.01, 0, (short) -999,
                "days since 1970-01-01 00:00:00", new double[] {19797, 19828}, new double[] {-12.5, -12.0}, new double[] {-78.5, -78.0, -77.5},
                List.of(step0, step1), Map.of("title", "a test")));
        assertThat(Files.readAllBytes(g2)).isEqualTo(first);
    }

    private static int count(float[] a, float nan) {
        int n = 0;
        for (float v : a) {
            n += Float.isNaN(v) ? 1 : 0;
        }
        return n;
    }

    private static float nearest(float[] a, float v) {
        float best = Float.NaN;
        for (float x : a) {
            if (!Float.isNaN(x) && (Float.isNaN(best) || Math.abs(x - v) < Math.abs(best - v))) {
                best = x;
            }
        }
        return best;
    }
}
