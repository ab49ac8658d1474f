package pe.cardumen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.cli.CliRunner;
import pe.cardumen.model.ModelRegistry;

/**
 * The quota PDF, in Spanish and English, from two simulated years: its text (extracted with PDFBox)
 * holds the recommended catch exactly as the command prints it, the model's full hash, the ≥-free
 * Spanish words with accents; every page renders to an image.
 */
class QuotaReportTest {
    private static Path dir;
    private static Path ws;

    @BeforeAll
    static void history() throws Exception {
        ws = CliRunner.simulatedWorkspace("report", 2020, 2021, "2021-1:9.88e6", 9, 20);
        dir = ws.getParent();
    }

    private static String text(Path pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = renderer.renderImageWithDPI(i, 40);
                assertThat(img.getWidth()).as("page " + (i + 1)).isPositive();
            }
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void spanishAndEnglishReportsCarryTheRecommendationAndProvenance() throws Exception {
        Path es = dir.resolve("informe.pdf");
        var r = CliRunner.run("report", "--workspace", ws.toString(), "--season", "2022-I", "--lang", "es", "--out", es.toString(), "--survey", "2021-1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // "wrote …: N pages (es), recommended catch X t (neutral)"
        String printed = r[1].replaceAll("(?s).*recommended catch (.*?) t \\(neutral\\).*", "$1").trim();
        String t = text(es).replaceAll("\\s+", " ");
        // Spanish groups thousands with points (4.200.000), not commas
        assertThat(printed).matches("\\d{1,3}(\\.\\d{3})+");
        assertThat(t).contains("Base: crucero 2021-1, cálculo de biomasa guardado n.º");
        assertThat(t).contains("Límite de captura de anchoveta").contains("temporada 2022-I")
                .contains("LMTCP) recomendado, escenario neutral: " + printed + " t")
                .contains("Tabla de decisión").contains("Biomasa por grado de latitud").contains("Biomasa por franja de distancia")
                .contains("Contexto ENSO").contains("Plan de abastecimiento").contains("Parámetros y umbrales").contains("Procedencia")
                .contains("datos SIMULADOS").contains("exploitation.max=0.35").contains("SIMULATED-2021-1-nasc.csv");
        assertThat(t).contains("t mn⁻²");

        Path en = dir.resolve("report.pdf");
        var m = CliRunner.run("report", "--workspace", ws.toString(), "--season", "2022-I", "--lang", "en", "--out", en.toString(), "--model",
                "anchoveta-biomass:2.0.0", "--period", "2021-09");
        assertThat(m[0]).as(m[2]).isEqualTo("0");
        String hash = new ModelRegistry(Path.of("models")).resolve("anchoveta-biomass:2.0.0").sha256();
        String te = text(en).replaceAll("\\s+", " ");
        assertThat(te).contains("Anchoveta catch limit").contains("Decision table").contains("Supply plan").contains(hash)
                .contains("anchoveta-biomass:2.0.0");
        String printedEn = m[1].replaceAll("(?s).*recommended catch (.*?) t \\(neutral\\).*", "$1").trim();
        assertThat(te).contains("neutral scenario: " + printedEn + " t");
    }
}
