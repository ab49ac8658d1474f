package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped versions through DJL reproduce the golden predictions within 1e-5. The golden inputs are
 * 62 zones of the demo workspace's 2024-09 feature rows; the golden outputs were computed by TensorFlow
 * Java's own SavedModelBundle (not DJL), so the test also ties DJL's path — translator, tensor names,
 * standardisation — to TensorFlow's.
 */
class GoldenPredictionTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "2.0.0"})
    void shippedVersionsReproduceTheirGoldenPredictions(String version) throws Exception {
        ModelRegistry registry = new ModelRegistry(Path.of("models"));
        ModelRegistry.Version v = registry.resolve("anchoveta-biomass:" + version);
        FeatureFrame frame = FeatureFrame.read(GOLDEN.resolve("features-2024-09.csv"));
        List<String> golden = Files.readAllLines(GOLDEN.resolve("anchoveta-biomass-" + version + ".csv"));
        assertThat(golden).hasSize(frame.rows() + 1);
        float[][] q;
        try (ModelPredictor p = ModelPredictor.open(v)) {
            q = p.predict(ModelInput.of(frame, v.card()));
        }
        String[] zones = frame.text("zone");
        for (int i = 0; i < q.length; i++) {
            String[] g = golden.get(i + 1).split(",");
            assertThat(g[0]).isEqualTo(zones[i]);
            for (int j = 0; j < 3; j++) {
                assertThat((double) q[i][j]).as("zone %s quantile %d", zones[i], j).isCloseTo(Double.parseDouble(g[j + 1]), within(1e-5));
            }
            assertThat(q[i][0]).isLessThanOrEqualTo(q[i][1]);
            assertThat(q[i][1]).isLessThanOrEqualTo(q[i][2]);
        }
    }
}
