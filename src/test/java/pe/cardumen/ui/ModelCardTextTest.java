package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.cardumen.model.ModelCard;

/** The Models panel shows the card as a form in the window's language and number format, not raw JSON. */
class ModelCardTextTest {
    private static final Path CARD = Path.of("models/anchoveta-biomass/1.0.0/model.json");

    @AfterEach
    void english() {
        Formats.use(Locale.ENGLISH);
    }

    private static Map<String, String> fields(Locale locale) throws Exception {
        Formats.use(locale);
        WindowTexts texts = new WindowTexts(locale);
        return ModelCardText.fields(ModelCard.read(CARD), true, List.of(), texts).stream()
                .collect(Collectors.toMap(ModelCardText.Field::label, ModelCardText.Field::value));
    }

    @Test
    void spanishCardIsInSpanishWithSpanishNumbers() throws Exception {
        Map<String, String> f = fields(Locale.forLanguageTag("es-PE"));
        assertThat(f).containsKeys("Modelo", "Verificación", "Entrenado con", "División temporal", "Cuantiles", "Reproducible");
        assertThat(f.get("Modelo")).isEqualTo("anchoveta-biomass 1.0.0");
        // 52080 rows in the shipped card's training section, grouped the Spanish way
        assertThat(f.get("Entrenado con")).startsWith("52.080 filas");
        assertThat(f.get("División temporal")).contains("entrenamiento: 1998-03 … 2017-09 (37.200 filas)")
                .contains("prueba (reservada): 2022-03 … 2025-09 (7.440 filas)").doesNotContain("rows");
        assertThat(f.get("Cuantiles")).isEqualTo("P10, P50, P90");
        assertThat(f.get("Ajustes elegidos")).contains("learningRate = 0,01").contains("batch = 256");
        assertThat(f.keySet().stream().filter(k -> k.startsWith("Entradas (")).findFirst()).isPresent();
        assertThat(f.values()).noneMatch(v -> v.contains("{") || v.contains("\" :"));
    }

    @Test
    void englishCardAndMetricsAreExplained() throws Exception {
        Map<String, String> f = fields(Locale.ENGLISH);
        assertThat(f.get("Trained on")).startsWith("52,080 zone-survey rows");
        WindowTexts texts = new WindowTexts(Locale.ENGLISH);
        for (String m : ModelCardText.METRICS) {
            assertThat(ModelCardText.metricHelp(m, texts)).as(m).isNotEqualTo(m).hasSizeGreaterThan(30);
        }
        assertThat(ModelCardText.metricHelp("rmse", texts)).contains("log(1 + density in t nmi⁻²)");
        // coverage in the unit a manager reads (the card stores the share), the others on the log scale
        assertThat(ModelCardText.metricValue("coverage", 0.5923387096774193)).isEqualTo("59 %");
        assertThat(ModelCardText.metricValue("rmse", 1.398647655972122)).isEqualTo("1.399");
        assertThat(ModelCardText.metricValue("auc", Double.NaN)).isEqualTo("—");
        assertThat(ModelCardText.forecastName("persistence", texts)).isEqualTo("Persistence (the zone's previous survey)");
        Formats.use(Locale.forLanguageTag("es"));
        assertThat(ModelCardText.metricValue("rmse", 1.398647655972122)).isEqualTo("1,399");
        assertThat(ModelCardText.metricHelp("coverage", new WindowTexts(Locale.forLanguageTag("es")))).contains("80 %").contains("intervalo");
    }
}
