package pe.cardumen.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.LanguageNumbers;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.render.Choropleth;
import pe.cardumen.render.Legend;
import pe.cardumen.report.QuotaReport;
import pe.cardumen.workspace.Workspace;

/**
 * The same data give the same classes, colours and legend on the screen and on paper: the demo
 * workspace's latest survey, coloured by biomass density as the map view does it (the view model's
 * values, {@link MapView#classes}) and as the quota report's page-1 map does it.
 */
class ScreenAndPaperTest {
    private static Path demo;

    @BeforeAll
    static void buildDemo() throws Exception {
        demo = TestData.tempDir("screen-paper").resolve("demo" + Workspace.SUFFIX);
        Services.standard().demoWorkspace().build(demo, ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void biomassDensityIsClassedAndLabelledAlike() throws Exception {
        Services services = Services.standard();
        try (Workspace ws = Workspace.open(demo)) {
            var survey = ws.surveys().get(ws.surveys().size() - 1).id();
            var basis = services.quota().basis(ws, Stock.NORTH_CENTRE, "2026-I", survey, null, null, null);
            QuotaReport.Data data = services.reports().data(ws, Stock.NORTH_CENTRE, "2026-I", basis, "neutral", HarvestParameters.defaults());
            // the screen: the biomass panel's values (each zone's stored density of the run) over every zone, as MapView classes them
            Map<String, Double> density = new HashMap<>();
            ws.biomass(basis.run()).forEach(r -> density.put(r.zone(), r.densityTPerNmi2()));
            List<Zone> zones = ws.zones();
            double[] values = zones.stream().mapToDouble(z -> density.getOrDefault(z.code(), Double.NaN)).toArray();
            Choropleth screen = MapView.classes(ZoneAttribute.BIOMASS, "Biomass density (t nmi⁻²)", values, null, null);
            QuotaReport report = new QuotaReport(Locale.ENGLISH);
            Choropleth paper = report.mapClasses(data);
            assertThat(paper.breaks()).containsExactly(screen.breaks());
            assertThat(paper.colours()).containsExactly(screen.colours());
            assertThat(screen.classes()).isGreaterThanOrEqualTo(4);
            // the legend's classes read the same in the same language
            Legend onScreen = Legend.of(screen, false, "no value", LanguageNumbers.ENGLISH);
            Legend onPaper = report.mapLegend(data);
            assertThat(onPaper.entries().subList(0, screen.classes())).isEqualTo(onScreen.entries());
            // and the PDF prints them
            Path pdf = demo.resolveSibling("demo-report.pdf");
            services.reports().write(data, Locale.ENGLISH, pdf);
            try (var doc = Loader.loadPDF(pdf.toFile())) {
                PDFTextStripper s = new PDFTextStripper();
                s.setEndPage(1);
                String page1 = s.getText(doc);
                assertThat(onScreen.entries()).allSatisfy(e -> assertThat(page1).contains(e.label()));
            }
        }
    }
}
