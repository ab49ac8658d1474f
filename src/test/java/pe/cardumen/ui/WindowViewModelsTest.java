package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.cli.CliRunner;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Stock;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.workspace.Workspace;

/**
 * The window's view models without a toolkit or a background thread ({@link CurrentThreadTaskRunner}):
 * looking at files never imports them, importing is explicit and audited, the survey timeline shows
 * any survey's stored biomass without computing or storing anything (and so never moves the quota
 * basis), panels close and reopen, and a language switch relabels what the view models said.
 */
class WindowViewModelsTest {
    private final Preferences node = Preferences.userRoot().node("pe/cardumen-vm-" + System.nanoTime());
    private final MapViewModel map = new MapViewModel();
    private final WindowTexts texts = new WindowTexts(Locale.ENGLISH);
    private final CurrentThreadTaskRunner tasks = new CurrentThreadTaskRunner();
    private final MainViewModel model = new MainViewModel(TestData.services(), tasks, map, texts, new UiPreferences(node));

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    private static Path zonesOnly(String name) throws Exception {
        Path ws = TestData.tempDir(name).resolve("w" + Workspace.SUFFIX);
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        return ws;
    }

    @Test
    void lookingAtSonarFilesNeverImportsThemAndImportingNamesTheSurvey() throws Exception {
        Path ws = zonesOnly("vm-sonar");
        model.workspace().open(ws);
        assertThat(model.workspace().fileProperty().get()).isEqualTo(ws);
        Path raw = TestData.sampleData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
        model.sonar().load(List.of(raw), 38);
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.sonar().loadedProperty().get().cells()).isNotEmpty();
        assertThat(map.trackProperty().get()).hasSize(41);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).as("viewing is not importing").isEmpty();
            assertThat(w.auditLog()).noneMatch(a -> a.action().equals("sonar.import"));
        }
        assertThat(model.noticeProperty().get()).contains("Not yet in the workspace");

        model.sonar().importInto("2012-DY");
        assertThat(model.sonar().lastImportProperty().get().imported()).isEqualTo(1);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).singleElement().satisfies(i -> assertThat(i.fileName()).isEqualTo(raw.getFileName().toString()));
            assertThat(w.surveys()).extracting(pe.cardumen.workspace.SurveyInfo::id).containsExactly("2012-DY");
            assertThat(w.auditLog()).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo("sonar.import");
                assertThat(a.detail()).contains("into survey 2012-DY");
            });
        }
        // the same files again: skipped, not stored twice
        model.sonar().importInto("2012-DY");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).hasSize(1);
        }

        // closing the panel takes its layers off the map and keeps the files for reopening
        model.sonar().close();
        assertThat(model.sonar().visibleProperty().get()).isFalse();
        assertThat(map.trackProperty().get()).isEmpty();
        assertThat(map.zoneNascProperty().get()).isEmpty();
        model.sonar().reopen();
        assertThat(model.sonar().visibleProperty().get()).isTrue();
        assertThat(map.trackProperty().get()).hasSize(41);
    }

    @Test
    void lookingAtASatelliteGridNeverImportsItAndClosingTakesItOffTheMap() throws Exception {
        Path ws = zonesOnly("vm-satellite");
        model.workspace().open(ws);
        Path nc = TestData.sampleData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        model.satellite().load(nc, null);
        assertThat(model.satellite().gridProperty().get().steps().length).isEqualTo(46);
        assertThat(map.rasterProperty().get()).isNotNull();
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).isEmpty();
        }
        model.satellite().importIntoWorkspace();
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.zonal("sst")).hasSize(46 * 930);
            assertThat(w.auditLog()).anyMatch(a -> a.action().equals("satellite.import") && a.detail().startsWith(nc.getFileName().toString()));
        }
        model.satellite().close();
        assertThat(map.rasterProperty().get()).isNull();
        assertThat(map.zoneSatelliteProperty().get()).isEmpty();
        model.satellite().reopen();
        assertThat(map.rasterProperty().get()).isNotNull();
    }

    /**
     * The timeline shows each survey's latest stored run as it is in the workspace; nothing is computed
     * or stored, so the quota basis the season keeps stays where it was.
     */
    @Test
    void theSurveyTimelineShowsStoredBiomassWithoutComputingOrMovingTheQuotaBasis() throws Exception {
        Path ws = CliRunner.simulatedWorkspace("vm-timeline", 2020, 2021, "2021-1:9.88e6", 8, 20);
        var quota = TestData.services().quota();
        var basisBefore = basis(ws, quota);
        int runsBefore = runs(ws);
        model.workspace().open(ws);
        var surveys = model.biomass().surveysProperty().get();
        assertThat(surveys).extracting(BiomassViewModel.StoredSurvey::survey).containsExactly("2020-1", "2020-2", "2021-1", "2021-2");
        // the map opens on the latest survey, read with the zones
        assertThat(model.biomass().shownProperty().get().survey()).isEqualTo("2021-2");
        assertThat(map.colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
        assertThat(map.zoneBiomassTitleProperty().get()).contains("survey 2021-2").contains("SIMULATED");

        model.biomass().show(surveys.get(0));
        assertThat(model.biomass().shownProperty().get().survey()).isEqualTo("2020-1");
        assertThat(map.zoneBiomassTitleProperty().get()).contains("survey 2020-1");
        try (Workspace w = Workspace.open(ws)) {
            var stored = w.biomass(surveys.get(0).run().id());
            assertThat(stored).isNotEmpty();
            for (var row : stored) {
                assertThat(map.zoneBiomassProperty().get().get(row.zone())).isCloseTo(row.densityTPerNmi2(), within(0.0));
            }
        }
        assertThat(runs(ws)).as("nothing stored").isEqualTo(runsBefore);
        assertThat(basis(ws, quota)).as("the quota basis").isEqualTo(basisBefore);
        // the history has every survey of every zone with stored biomass
        assertThat(model.biomass().historyProperty().get().values()).allSatisfy(points -> assertThat(points).hasSize(4));
    }

    private static pe.cardumen.domain.QuotaBasis basis(Path ws, pe.cardumen.app.QuotaService quota) throws Exception {
        try (Workspace w = Workspace.open(ws)) {
            return quota.basis(w, Stock.NORTH_CENTRE, "2022-I").orElseThrow();
        }
    }

    private static int runs(Path ws) throws Exception {
        try (Workspace w = Workspace.open(ws)) {
            return w.biomassRuns().size();
        }
    }

    @Test
    void aLanguageSwitchRelabelsWhatTheViewModelsSaidAndEnglishStaysEnglishOnASpanishSystem() throws Exception {
        Path ws = zonesOnly("vm-language");
        model.workspace().open(ws);
        assertThat(model.workspace().statusProperty().get()).startsWith("Workspace w.cardumen.gpkg: 930 zones from the generated AIP grid");
        texts.use(Locale.forLanguageTag("es-PE"));
        model.relabel();
        assertThat(model.workspace().statusProperty().get()).startsWith("Espacio de trabajo w.cardumen.gpkg: 930 zonas");
        // a failure is worded in the window's language, the technical message behind Details
        Path bad = Files.writeString(ws.resolveSibling("roto.nc"), "no es NetCDF");
        model.satellite().load(bad, null);
        Problem p = model.errorProperty().get();
        assertThat(p.summary()).startsWith("Cardumen no pudo leer roto.nc").contains("No se cambió nada");
        assertThat(p.detail()).contains("roto.nc");

        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("es-PE"));
        try {
            assertThat(new WindowTexts(Locale.ENGLISH).getString("menu.file")).isEqualTo("_File");
            assertThat(new pe.cardumen.report.QuotaReport(Locale.ENGLISH).tonnes(4_200_000)).isEqualTo("4,200,000");
        } finally {
            Locale.setDefault(before);
        }
    }
}
