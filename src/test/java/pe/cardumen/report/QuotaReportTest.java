package pe.cardumen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.cli.CliRunner;
import pe.cardumen.domain.LanguageNumbers;
import pe.cardumen.model.ModelRegistry;

/**
 * The quota PDF, in Spanish and English, from two simulated years: what it says (read back with
 * PDFBox) against what the CLI prints and its CSV tables, its structure (PDF/A-1b by PDFBox's
 * preflight, tags, metadata, "page N of M"), and that the page-1 map is vector paths of the app's
 * own classes.
 */
class QuotaReportTest {
    private static Path dir;
    private static Path ws;
    private static Path es;
    private static String esPrinted;

    @BeforeAll
    static void history() throws Exception {
        ws = CliRunner.simulatedWorkspace("report", 2020, 2021, "2021-1:9.88e6", 9, 20);
        dir = ws.getParent();
        es = dir.resolve("informe.pdf");
        var r = CliRunner.run("report", "--workspace", ws.toString(), "--season", "2022-I", "--lang", "es", "--out", es.toString(), "--survey", "2021-1");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // "wrote …: N pages (es), recommended catch X t (neutral)"
        esPrinted = r[1].replaceAll("(?s).*recommended catch (.*?) t \\(neutral\\).*", "$1").trim();
        // the pages as images, for a person to look at (target/report-pages)
        Path pages = Path.of("target", "report-pages");
        Files.createDirectories(pages);
        try (var doc = Loader.loadPDF(es.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(renderer.renderImageWithDPI(i, 110), "png", pages.resolve("informe-" + (i + 1) + ".png").toFile());
            }
        }
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

    private static String page(Path pdf, int page) throws Exception {
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(page);
            s.setEndPage(page);
            return s.getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void spanishReportIsInSpanishAndCarriesTheRecommendationAndBasis() throws Exception {
        String t = text(es).replaceAll("\\s+", " ");
        // Spanish groups thousands with points (4.200.000), not commas
        assertThat(esPrinted).matches("\\d{1,3}(\\.\\d{3})+");
        String first = page(es, 1);
        assertThat(first).contains("Límite de captura de anchoveta: stock norte-centro, temporada 2022-I")
                .contains("Límite de captura recomendado (LMTCP)").contains("Base: crucero 2021-1, cálculo de biomasa guardado n.º")
                .contains("neutro").contains(esPrinted + " t").contains("datos SIMULADOS").contains("Densidad de biomasa (t mn⁻²)")
                .contains("Callao").contains("mn").contains("Página 1 de");
        // no English vocabulary left in the Spanish report
        assertThat(t).doesNotContain("north-centre").doesNotContain("strong-el-nino").doesNotContain("Limited")
                .doesNotContain("exploitation.max=").doesNotContain(" cold ").doesNotContain("warm");
        assertThat(t).contains("El Niño fuerte").contains("Tabla de decisión").contains("Biomasa por grado de latitud")
                .contains("Biomasa por distancia a la costa").contains("Contexto ENSO").contains("Plan de abastecimiento")
                .contains("Parámetros y umbrales").contains("Tasa de explotación máxima E_max").contains("Procedencia")
                .contains("Anexo: archivos de entrada").contains("SIMULATED-2021-1-nasc.csv");
        // parameters in the reader's number format: 0,35 not 0.35
        assertThat(t).contains("Tasa de explotación máxima E_max 0,35").doesNotContain("0.35 ").doesNotContain("false").contains("aproximación mensual de Pope");
    }

    @Test
    void englishReportNamesTheModelAndItsHash() throws Exception {
        Path en = dir.resolve("report.pdf");
        var m = CliRunner.run("report", "--workspace", ws.toString(), "--season", "2022-I", "--lang", "en", "--out", en.toString(), "--model",
                "anchoveta-biomass:2.0.0", "--period", "2021-09");
        assertThat(m[0]).as(m[2]).isEqualTo("0");
        String hash = new ModelRegistry(Path.of("models")).resolve("anchoveta-biomass:2.0.0").sha256();
        String te = text(en).replaceAll("\\s+", " ");
        assertThat(te).contains("Anchoveta catch limit: north-centre stock, season 2022-I").contains("Decision table").contains("Supply plan")
                .contains(hash).contains("anchoveta-biomass:2.0.0").contains("Predicted biomass density, P50 (t nmi⁻²)").contains("Page 2 of");
        String printedEn = m[1].replaceAll("(?s).*recommended catch (.*?) t \\(neutral\\).*", "$1").trim();
        assertThat(page(en, 1)).contains("Recommended catch limit (LMTCP)").contains("neutral").contains(printedEn + " t");
        assertThat(validate(en).isValid()).as(errors(validate(en))).isTrue();
    }

    /** Supply plan and decision table: the PDF's numbers are the CSV's (as the reader's format prints them). */
    @Test
    void numbersAreTheCsvTablesNumbers() throws Exception {
        LanguageNumbers n = LanguageNumbers.of(Locale.forLanguageTag("es"));
        String t = text(es).replaceAll("\\s+", " ");
        var supply = CliRunner.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--season", "2022-I", "--survey", "2021-1", "--table", "supply");
        assertThat(supply[0]).as(supply[2]).isEqualTo("0");
        String[] lines = supply[1].strip().split("\n");
        List<String> head = List.of(lines[0].split(","));
        int total = head.indexOf("landings_t");
        int meal = head.indexOf("fishmeal_t");
        assertThat(total).as(lines[0]).isNotNegative();
        double sum = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",");
            assertThat(t).contains(n.tonnes(Double.parseDouble(c[total])) + " " + n.tonnes(Double.parseDouble(c[meal])));
            sum += Double.parseDouble(c[total]);
        }
        assertThat(t).contains("Total").contains(n.tonnes(sum));
        var decision = CliRunner.run("quota", "--workspace", ws.toString(), "--stock", "north-centre", "--season", "2022-I", "--survey", "2021-1");
        String page3 = page(es, 3);
        int marked = 0;
        for (String line : decision[1].strip().split("\n")) {
            String[] c = line.split(",");
            if (c[c.length - 1].equals("1")) {
                // the recommended cell's row: catch, then that scenario's remaining median, E, risk %
                assertThat(page3).contains(n.tonnes(Double.parseDouble(c[1]))).contains(n.tonnes(Double.parseDouble(c[3])))
                        .contains(n.number(Double.parseDouble(c[2]), 2)).contains(n.number(100 * Double.parseDouble(c[5]), 1));
                marked++;
            }
        }
        // cold, neutral and warm have a recommended cell; under a strong El Niño no catch is admissible, as page 1 says
        assertThat(marked).isEqualTo(3);
        assertThat(page(es, 1)).contains("El Niño fuerte 0 t ninguna captura es admisible");
    }

    @Test
    void isPdfA1bTaggedWithMetadataAndNumberedPages() throws Exception {
        ValidationResult result = validate(es);
        assertThat(result.isValid()).as(errors(result)).isTrue();
        try (PDDocument doc = Loader.loadPDF(es.toFile())) {
            var info = doc.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Límite de captura de anchoveta: stock norte-centro, temporada 2022-I");
            assertThat(info.getSubject()).contains("anchoveta");
            assertThat(info.getKeywords()).contains("anchoveta");
            assertThat(info.getAuthor()).startsWith("Cardumen");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es");
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            List<String> types = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), types);
            assertThat(types).contains("H1", "H2", "P", "Figure");
            assertThat(types.stream().filter("H1"::equals).count()).isGreaterThanOrEqualTo(8);
            int pages = doc.getNumberOfPages();
            assertThat(page(es, pages)).contains("Página " + pages + " de " + pages);
            // the decision table is on a landscape page
            assertThat(doc.getPage(2).getMediaBox().getWidth()).isGreaterThan(doc.getPage(2).getMediaBox().getHeight());
            // provenance stays on one page: the per-file list is the appendix
            assertThat(page(es, 5)).contains("Procedencia").contains("Espacio de trabajo w.cardumen.gpkg").doesNotContain("SIMULATED-2021-1-nasc.csv");
        }
    }

    /** The map is drawn, not pasted: page 1 has no image and hundreds of filled paths. */
    @Test
    void mapIsVectorPaths() throws Exception {
        try (PDDocument doc = Loader.loadPDF(es.toFile())) {
            var page = doc.getPage(0);
            assertThat(page.getResources().getXObjectNames()).isEmpty();
            PDFStreamParser parser = new PDFStreamParser(page);
            int fills = 0;
            for (Object token : parser.parse()) {
                if (token instanceof Operator op && (op.getName().equals("f*") || op.getName().equals("f"))) {
                    fills++;
                }
            }
            assertThat(fills).isGreaterThan(20);
        }
    }

    private static void collect(PDStructureNode node, List<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                types.add(e.getStructureType());
                collect(e, types);
            }
        }
    }

    private static ValidationResult validate(Path pdf) throws Exception {
        return PreflightParser.validate(pdf.toFile());
    }

    private static String errors(ValidationResult r) {
        StringBuilder b = new StringBuilder();
        r.getErrorsList().stream().limit(20).forEach(e -> b.append(e.getErrorCode()).append(' ').append(e.getDetails()).append('\n'));
        return b.toString();
    }
}
