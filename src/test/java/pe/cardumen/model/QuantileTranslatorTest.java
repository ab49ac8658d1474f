package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The translator refuses inputs that are not the card's, in the card's order. */
class QuantileTranslatorTest {
    @Test
    void aReorderedOrMissingFeatureIsRefused() throws Exception {
        ModelRegistry.Version v = new ModelRegistry(Path.of("models")).resolve("anchoveta-biomass:1.0.0");
        List<String> names = new ArrayList<>(v.card().inputNames());
        float[][] rows = new float[2][names.size()];
        Collections.swap(names, 1, 2);
        ModelInput swapped = new ModelInput(names, rows);
        try (ModelPredictor p = ModelPredictor.open(v)) {
            assertThatThrownBy(() -> p.predict(swapped)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of order: column 2 is 'month_sin'").hasMessageContaining("expects 'dist_mid_nmi'");
            List<String> fewer = new ArrayList<>(v.card().inputNames());
            fewer.remove("sst_mean_c");
            assertThatThrownBy(() -> p.predict(new ModelInput(fewer, new float[1][fewer.size()]))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing [sst_mean_c]");
        }
        // a feature table without a needed column is named before anything runs
        FeatureFrame frame = FeatureFrame.parse("zone,period,lat_deg\n1030,2024-09,-3.4\n", "t.csv");
        assertThatThrownBy(() -> ModelInput.of(frame, v.card())).hasMessageContaining("lacks the inputs").hasMessageContaining("dist_mid_nmi");
    }
}
