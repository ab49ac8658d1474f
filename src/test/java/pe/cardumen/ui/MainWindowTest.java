package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.Zone;
import pe.cardumen.ui.map.MapView;
import pe.cardumen.workspace.Workspace;

/** The real main window, headless (Monocle): start-up, rendering, hover, selection and zoom. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static Path home;
    private CardumenApp app;

    @BeforeAll
    static void prepareHome() throws Exception {
        home = TestData.tempDir("ui-home");
        System.setProperty("cardumen.home", home.toString());
        System.setProperty("cardumen.prefsNode", "pe/cardumen-test-" + System.nanoTime());
        // the demo workspace the first start would build, made here from the cached grid to save time
        try (Workspace ws = Workspace.create(home.resolve("demo" + Workspace.SUFFIX))) {
            ws.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
    }

    @AfterAll
    static void clearPreferences() throws Exception {
        java.util.prefs.Preferences.userRoot().node(System.getProperty("cardumen.prefsNode")).removeNode();
    }

    @Start
    void start(Stage stage) {
        new UiPreferences().setLocale(java.util.Locale.ENGLISH);
        app = new CardumenApp();
        app.start(stage);
    }

    /** Closes every window but the main one and reopens the demo workspace coloured by area, as the other tests expect. */
    private void backToTheDemo(FxRobot robot) throws Exception {
        for (javafx.stage.Window win : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
            if (win != app.controller().mapView().getScene().getWindow()) {
                robot.interact(win::hide);
            }
        }
        robot.interact(() -> app.mapModel().colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.AREA));
        Path demo = home.resolve("demo" + Workspace.SUFFIX);
        robot.interact(() -> app.model().workspace().open(demo));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> demo.equals(app.model().workspace().fileProperty().get()));
    }

    /** A new workspace with the generated grid and nothing else. */
    private static Path emptyWorkspace(String name) throws Exception {
        Path ws = home.resolve(name + Workspace.SUFFIX);
        Files.deleteIfExists(ws);
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        return ws;
    }

    /** "lat,lon" of a point inside the zone, as a CSV row gives it. */
    private static String insideAsLatLon(Zone zone) {
        Point p = zone.geometry().getInteriorPoint();
        return String.format(java.util.Locale.ROOT, "%.5f,%.5f", p.getY(), p.getX());
    }

    private MapView map() {
        return app.controller().mapView();
    }

    private void waitForZonesOnMap() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.mapModel().zonesProperty().get() != null
                && app.mapModel().coastlineProperty().get() != null && map().framesRenderedProperty().get() > 0);
        int frames = map().framesRenderedProperty().get();
        // one more frame after both layers are in, so the image shows them
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map().framesRenderedProperty().get() > frames || map().currentImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void startsWithTheDemoWorkspaceAndRendersTheMap(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        assertThat(app.mapModel().zonesProperty().get().size()).isEqualTo(930);
        WritableImage image = map().currentImage();
        assertThat(image).isNotNull();
        PixelReader px = image.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(px.getArgb(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the map").isGreaterThan(20);
        // a point well inside zone 10120 (12°S, 90–100 nmi offshore) is painted with a choropleth colour,
        // not the sea or land colour
        Zone z = app.mapModel().zonesProperty().get().byCode("10120").orElseThrow();
        Point inside = z.geometry().getInteriorPoint();
        double[] xy = map().toLocal(inside.getX(), inside.getY());
        int argb = px.getArgb((int) xy[0], (int) xy[1]);
        assertThat(argb).isNotIn(0xFFD4E6F1, 0xFFE4DED1, 0xFFF3EEE2, 0);
        Label status = robot.lookup(".status-bar .label").queryAs(Label.class);
        assertThat(status).isNotNull();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(map().getScene().snapshot(null), null), "png",
                        shots.resolve("main-window-monocle.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void hoveringAKnownPointShowsItsZoneAndClickingSelectsIt(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Zone z = app.mapModel().zonesProperty().get().byCode("5083").orElseThrow();
        Point inside = z.geometry().getInteriorPoint();
        double[] xy = map().toLocal(inside.getX(), inside.getY());
        Point2D screen = map().localToScreen(xy[0], xy[1]);
        robot.moveTo(screen);
        robot.moveBy(1, 0);
        robot.moveBy(-1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        Label pointer = robot.lookup("#pointerLabel").queryAs(Label.class);
        assertThat(pointer.getText()).endsWith("· 5083").contains("8°");
        assertThat(app.mapModel().hoveredProperty().get().code()).isEqualTo("5083");
        assertThat(map().tooltipText()).contains("5083").contains("40–50").contains("nmi²");
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mapModel().selectedProperty().get().code()).isEqualTo("5083");
        javafx.scene.layout.GridPane details = robot.lookup("#detailsGrid").queryAs(javafx.scene.layout.GridPane.class);
        assertThat(details.isVisible()).isTrue();
        assertThat(robot.lookup("#detailsGrid .details-value").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("5083", "8°30.00′S", "9°00.00′S", "40–50 nmi");
    }

    @Test
    void switchingToSpanishRelabelsTheWindowAndKeepsTheWorkspace(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        robot.clickOn("_Language".replace("_", ""));
        robot.clickOn("Español");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map().framesRenderedProperty().get() > 0);
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).extracting(javafx.scene.control.Menu::getText).contains("_Archivo", "_Ver", "_Idioma");
        assertThat(app.mapModel().zonesProperty().get().size()).isEqualTo(930);
        assertThat(new UiPreferences().locale().getLanguage()).isEqualTo("es");
        robot.clickOn("Idioma");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).extracting(javafx.scene.control.Menu::getText).contains("_File");
    }

    @Test
    void zoomingChangesTheScaleBar(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        String before = map().scaleTextProperty().get();
        double scale = map().viewportProperty().get().metresPerPixel();
        robot.clickOn("#zoomIn");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map().viewportProperty().get().metresPerPixel()).isCloseTo(scale / 2, org.assertj.core.api.Assertions.within(scale * 1e-9));
        String after = map().scaleTextProperty().get();
        assertThat(after).isNotEqualTo(before);
        assertThat(nmi(after)).isLessThan(nmi(before));
        robot.clickOn("#zoomToPeru");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map().scaleTextProperty().get()).isEqualTo(before);
    }

    private static double nmi(String scaleText) {
        return Double.parseDouble(scaleText.substring(0, scaleText.indexOf(" nmi")));
    }

    /** File ▸ Open sample lists the bundled real files; choosing the OISST grid opens it in the satellite panel. */
    @Test
    void aBundledSampleOpensFromTheFileMenu(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) app.controller().mapView().getScene().lookup("#menuBar");
        javafx.scene.control.Menu samples = (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().stream()
                .filter(i -> "samplesMenu".equals(i.getId())).findFirst().orElseThrow();
        assertThat(samples.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("DY1201_EK60-D20120214-T231011.raw  (sonar)", "oisst_v21_peru_2026-01-01_2026-02-15.nc  (satellite grid)")
                .hasSize(9);
        javafx.scene.control.MenuItem oisst = samples.getItems().stream().filter(i -> i.getText().startsWith("oisst_v21_peru_2026")).findFirst()
                .orElseThrow();
        robot.interact(oisst::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().satellite().gridProperty().get() != null);
        assertThat(app.model().satellite().gridProperty().get().times()).hasSize(46);
        backToTheDemo(robot);
    }

    @Test
    void sonarFilesShowAnEchogramTheTrackAndNascAndAreImported(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path raw = TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
        robot.interact(() -> app.model().sonar().load(java.util.List.of(raw), 38));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sonar().loadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var panel = app.controller().sonarPanel();
        assertThat(panel.getScene()).as("the sonar panel is in the window").isNotNull();
        assertThat(panel.files().getItems()).singleElement().asString().contains("DY1201_EK60-D20120214-T231011.raw").contains("136 pings");
        javafx.scene.image.WritableImage echogram = panel.echogram().image();
        assertThat(echogram.getWidth()).isEqualTo(136);
        int coloured = 0;
        for (int x = 0; x < echogram.getWidth(); x += 5) {
            for (int y = 0; y < echogram.getHeight(); y += 5) {
                if (echogram.getPixelReader().getArgb(x, y) != 0xFFFFFFFF) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("echogram pixels with echoes").isGreaterThan(100);
        assertThat(app.mapModel().trackProperty().get()).hasSize(41);
        assertThat(app.mapModel().nascPointsProperty().get()).isNotEmpty();
        // looking is not importing: the workspace has not changed
        try (Workspace ws = Workspace.open(home.resolve("demo" + Workspace.SUFFIX))) {
            assertThat(ws.imports()).noneMatch(i -> i.fileName().equals(raw.getFileName().toString()));
        }
        // importing is an explicit step naming the survey, recorded in the audit log
        robot.interact(() -> app.model().sonar().importInto("DY1201"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sonar().lastImportProperty().get() != null);
        assertThat(app.model().sonar().lastImportProperty().get().imported()).isEqualTo(1);
        try (Workspace ws = Workspace.open(home.resolve("demo" + Workspace.SUFFIX))) {
            assertThat(ws.imports()).anyMatch(i -> i.kind().equals("sonar") && i.fileName().equals(raw.getFileName().toString()));
            assertThat(ws.surveys()).extracting(pe.cardumen.workspace.SurveyInfo::id).contains("DY1201");
            assertThat(ws.auditLog()).anySatisfy(a -> {
                assertThat(a.action()).isEqualTo("sonar.import");
                assertThat(a.detail()).contains("1 of 1").contains("38 kHz").contains("survey DY1201").contains(raw.getFileName().toString());
            });
        }

        // a gain 1 dB higher lowers Sv by 2 dB, so NASC by about 10^(−0.2) = 0.63 (samples crossing the
        // −70 dB threshold move it a little)
        var before = app.model().sonar().loadedProperty().get();
        double nascBefore = before.cells().stream().mapToDouble(c -> c.nascM2PerNmi2()).sum();
        robot.interact(() -> app.model().sonar().recalibrate(new pe.cardumen.acoustics.CalibrationOverrides(
                before.fileCalibration().gainDb() + 1, null, null, null, null)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sonar().loadedProperty().get() != before);
        var after = app.model().sonar().loadedProperty().get();
        assertThat(after.overrides().gainDb()).isEqualTo(before.fileCalibration().gainDb() + 1);
        assertThat(after.fileCalibration().gainDb()).isEqualTo(before.fileCalibration().gainDb());
        double ratio = after.cells().stream().mapToDouble(c -> c.nascM2PerNmi2()).sum() / nascBefore;
        assertThat(ratio).isBetween(0.55, 0.70);
    }

    @Test
    void aLiveSurveyGrowsTheEchogramAndTrackAndImportsIntoTheSurvey(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = emptyWorkspace("live");
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        Path dir = home.resolve("sounder");
        Files.createDirectories(dir);
        byte[] raw = Files.readAllBytes(TestData.referenceData().resolve("echosounder/DY1201_EK60-D20120214-T231011.raw"));
        List<long[]> datagrams = TestData.rawDatagrams(raw);
        // the sounder has written the first third when the survey is started, the rest comes while it runs
        Path growing = dir.resolve("D20120214-T231011.raw");
        int third = (int) datagrams.get(datagrams.size() / 3)[0];
        Files.write(growing, java.util.Arrays.copyOf(raw, third));
        robot.interact(() -> app.model().sonar().startLive(dir, 38, "LIVE-1"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.model().sonar().liveProperty().get() != null
                && app.model().sonar().liveProperty().get().pings() > 0);
        int early = app.model().sonar().liveProperty().get().pings();
        assertThat(early).isLessThan(136);
        Files.write(growing, java.util.Arrays.copyOfRange(raw, third, raw.length), java.nio.file.StandardOpenOption.APPEND);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.model().sonar().liveProperty().get().pings() == 136);
        WaitForAsyncUtils.waitForFxEvents();
        var panel = app.controller().sonarPanel();
        assertThat(panel.liveStatus().getParent().isVisible()).isTrue();
        assertThat(panel.liveStatus().getText()).contains("136 pings", "41 fixes", "speed 0.3 kn", "LIVE-1");
        assertThat(panel.echogram().image().getWidth()).isEqualTo(136);
        assertThat(app.mapModel().trackProperty().get()).hasSize(41);
        robot.interact(() -> app.model().sonar().stopLive());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.model().sonar().liveProperty().get().running());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.liveStatus().getParent().isVisible()).as("the live bar goes when the survey stops").isFalse();
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.imports()).singleElement().satisfies(i -> {
                assertThat(i.fileName()).isEqualTo(growing.getFileName().toString());
                assertThat(i.sha256()).isEqualTo(pe.cardumen.io.FileDigest.sha256(growing));
            });
            // the batch integration of the finished file, cell for cell
            var batch = new pe.cardumen.acoustics.RawFileIntegrator().integrate(List.of(growing), 38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT,
                    pe.cardumen.acoustics.CalibrationOverrides.NONE, null, pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
            assertThat(w.nascCells("LIVE-1")).hasSize(batch.cells().size());
        }
        backToTheDemo(robot);
    }

    @Test
    void anFmFileShowsItsEchogramAndADraggedRegionItsSvf(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path raw = TestData.referenceData().resolve("echosounder/EK80-WBTMini-FM.raw");
        robot.interact(() -> app.model().sonar().load(java.util.List.of(raw), 38));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sonar().loadedProperty().get() != null
                && app.model().sonar().loadedProperty().get().files().get(0).file().equals(raw));
        WaitForAsyncUtils.waitForFxEvents();
        var panel = app.controller().sonarPanel();
        var loaded = app.model().sonar().loadedProperty().get();
        assertThat(loaded.echogram().columns()).isEqualTo(6);
        assertThat(loaded.fileCalibration().frequencyHz()).as("FM: calibrated at the sweep centre").isEqualTo(39500);
        // drag across every ping from 12 m to 15 m (the seabed at 13.3 m)
        double depthMax = loaded.echogram().depthMaxM();
        robot.interact(() -> panel.echogram().dragRegion(0.0, 12 / depthMax, 1.0, 15 / depthMax));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().sonar().spectrumProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var chart = panel.spectrumChart();
        assertThat(chart.isVisible()).isTrue();
        var points = chart.getData().get(0).getData();
        assertThat(points).hasSize(101);
        assertThat(points.get(0).getXValue().doubleValue()).isEqualTo(34.0);
        assertThat(points.get(100).getXValue().doubleValue()).isEqualTo(45.0);
        // a seabed: Sv(f) of −25 to −5 dB across the band (the compressed Sv of those samples is −15.7 dB)
        assertThat(points).allSatisfy(d -> assertThat(d.getYValue().doubleValue()).isBetween(-25.0, -5.0));
        assertThat(panel.spectrumNote().getText()).contains("38 kHz", "12").contains("(Andersen et al. 2021)");
        // a CW file has no Sv(f): the reason, not a number
        Path cw = TestData.referenceData().resolve("echosounder/EK80_-D20221108-T151353.raw");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new pe.cardumen.app.SonarLoader().spectrum(java.util.List.of(cw), 38,
                c -> pe.cardumen.acoustics.CalibrationOverrides.NONE, Long.MIN_VALUE, Long.MAX_VALUE, 1, 10, 11, pe.cardumen.domain.CancellationToken.NONE))
                .hasMessageContaining("are CW; Sv(f) needs FM (broadband) pings");
    }

    @Test
    void aSatelliteGridShowsUnderTheZonesWithATimeSliderAndTheEnsoChart(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path nc = TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        robot.interact(() -> app.model().satellite().load(nc, null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().satellite().gridProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var panel = app.controller().satellitePanel();
        assertThat(panel.getScene()).as("the satellite panel is in the window").isNotNull();
        assertThat(panel.timeSlider().getMax()).isEqualTo(45);
        // looking is not importing: the grid entered the workspace only when asked, and the audit log says so
        try (Workspace ws = Workspace.open(home.resolve("demo" + Workspace.SUFFIX))) {
            assertThat(ws.imports()).noneMatch(i -> i.fileName().equals(nc.getFileName().toString()));
        }
        robot.interact(() -> app.model().satellite().importIntoWorkspace());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            try (Workspace ws = Workspace.open(home.resolve("demo" + Workspace.SUFFIX))) {
                return ws.auditLog().stream().anyMatch(a -> a.action().equals("satellite.import"));
            }
        });
        try (Workspace ws = Workspace.open(home.resolve("demo" + Workspace.SUFFIX))) {
            assertThat(ws.imports()).anyMatch(i -> i.kind().equals("satellite") && i.fileName().equals(nc.getFileName().toString()));
            assertThat(ws.zonal("sst")).hasSize(46 * 930);
        }
        assertThat(panel.timeSlider().getLabelFormatter().toString(0.0)).isEqualTo("2026-01-01");
        assertThat(panel.timeSlider().getLabelFormatter().toString(45.0)).isEqualTo("2026-02-15");
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.SATELLITE);
        assertThat(app.model().satellite().ensoProperty().get().icen()).anySatisfy(m -> {
            assertThat(m.month()).isEqualTo(java.time.YearMonth.of(1997, 11));
            assertThat(m.icenC()).isCloseTo(4.13, org.assertj.core.api.Assertions.within(0.005));
        });

        // off the zones (15.6°S 81.6°W, ~390 km from the coast) the map shows the SST grid's colour
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            WritableImage img = map().currentImage();
            double[] xy = map().toLocal(-81.6, -15.6);
            int argb = img == null ? 0 : img.getPixelReader().getArgb((int) xy[0], (int) xy[1]);
            return argb != 0xFFD4E6F1 && argb != 0 && app.mapModel().zonesProperty().get().zoneAt(-81.6, -15.6).isEmpty();
        });

        robot.interact(() -> panel.timeSlider().setValue(30));
        assertThat(robot.lookup("#satelliteTitle").queryAs(Label.class).getText()).contains("2026-01-31");

        // the ENSO chart draws the ICEN line (black) and a marker at the date shown
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = panel.chart().snapshot(null, null));
        int dark = 0;
        int orange = 0;
        PixelReader px = shot[0].getPixelReader();
        for (int x = 0; x < shot[0].getWidth(); x++) {
            for (int y = 0; y < shot[0].getHeight(); y++) {
                javafx.scene.paint.Color c = px.getColor(x, y);
                if (c.getBrightness() < 0.2) {
                    dark++;
                }
                if (c.getRed() > 0.8 && c.getGreen() > 0.35 && c.getGreen() < 0.6 && c.getBlue() < 0.2) {
                    orange++;
                }
            }
        }
        assertThat(dark).as("ICEN line pixels").isGreaterThan(200);
        assertThat(orange).as("date marker pixels").isGreaterThan(20);

        // a file that is not a grid leaves the shown one in place and says why
        Path bad = Files.writeString(home.resolve("not-a-grid.nc"), "this is not NetCDF");
        var before = app.model().satellite().gridProperty().get();
        robot.interact(() -> app.model().satellite().load(bad, null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        // plain words first, naming the file; the reader's technical message behind "Details"
        assertThat(robot.lookup("#errorSummary").queryAs(Label.class).getText()).contains("could not read not-a-grid.nc")
                .contains("Nothing already in the workspace was changed");
        assertThat(((javafx.scene.control.TextArea) dialog.getExpandableContent()).getText()).contains("not-a-grid.nc");
        assertThat(app.model().satellite().gridProperty().get()).isSameAs(before);
        robot.interact(() -> dialog.getScene().getWindow().hide());

        // a language switch keeps the grid, the date and the variable, relabelled, without reopening the workspace
        var zonesBefore = app.mapModel().zonesProperty().get();
        var oldPanel = app.controller().satellitePanel();
        robot.interact(() -> app.model().satellite().stepProperty().set(30));
        robot.clickOn("Language");
        robot.clickOn("Español");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mapModel().zonesProperty().get()).as("the workspace was not reopened").isSameAs(zonesBefore);
        assertThat(app.controller().satellitePanel()).isNotSameAs(oldPanel);
        assertThat(app.controller().satellitePanel().getScene()).as("the satellite panel is still in the window").isNotNull();
        assertThat(robot.lookup("#satelliteVariable").queryAs(javafx.scene.control.ComboBox.class).getValue()).as("the variable box keeps its value")
                .isEqualTo("sst");
        assertThat(app.controller().satellitePanel().timeSlider().getValue()).isEqualTo(30);
        assertThat(robot.lookup("#satelliteTitle").queryAs(Label.class).getText()).contains("2026-01-31");
        assertThat(app.mapModel().zoneSatelliteTitleProperty().get()).contains("media zonal");
        robot.clickOn("Idioma");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theLatestStoredBiomassColoursTheZones(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = home.resolve("biomass" + Workspace.SUFFIX);
        Files.copy(home.resolve("demo" + Workspace.SUFFIX), ws, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Workspace w = Workspace.open(ws)) {
            w.storeBiomass(null, "ts.b20.db=-71.9\n", 10, 1, 1000, 0.1, java.util.List.of(
                    new pe.cardumen.workspace.BiomassRow("10120", 2, 2000, 1.0, 300, 0.1, 50, 26)));
            w.storeBiomass(null, "ts.b20.db=-70.9\n", 10, 1, 800, 0.1, java.util.List.of(
                    new pe.cardumen.workspace.BiomassRow("10120", 2, 2000, 0.8, 240, 0.1, 50, 26),
                    new pe.cardumen.workspace.BiomassRow("5083", 1, 900, 0.4, 120, 0.2, 10, 5)));
        }
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mapModel().zoneBiomassProperty().get()).as("the latest run").containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("10120", 0.8, "5083", 0.4));
        // a workspace with stored results opens coloured by them
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
        robot.interact(() -> app.mapModel().colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.AREA));
        WaitForAsyncUtils.waitForFxEvents();
        int frames = map().framesRenderedProperty().get();
        robot.interact(() -> app.mapModel().colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.BIOMASS));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map().framesRenderedProperty().get() > frames);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        Point inside = app.mapModel().zonesProperty().get().byCode("10120").orElseThrow().geometry().getInteriorPoint();
        double[] xy = map().toLocal(inside.getX(), inside.getY());
        assertThat(map().currentImage().getPixelReader().getArgb((int) xy[0], (int) xy[1])).as("zone 10120 is filled")
                .isNotIn(0xFFD4E6F1, 0xFFE4DED1, 0xFFF3EEE2, 0);
        robot.interact(() -> app.mapModel().colourByProperty().set(pe.cardumen.ui.map.ZoneAttribute.AREA));
        // leave the demo workspace as the last one, as the other tests expect
        Path demo = home.resolve("demo" + Workspace.SUFFIX);
        robot.interact(() -> app.model().workspace().open(demo));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> demo.equals(app.model().workspace().fileProperty().get()));
    }

    /** Analysis ▸ Compute biomass on a workspace with NASC and a haul in zone 10120: tables, stored run and choropleth. */
    @Test
    void computingBiomassShowsImarpesTablesAndColoursTheZones(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = emptyWorkspace("survey");
        Zone zone = app.mapModel().zonesProperty().get().byCode("10120").orElseThrow();
        String at = insideAsLatLon(zone);
        Path cells = Files.writeString(home.resolve("cells.csv"), "Interval,Layer,NASC,Lat_M,Lon_M\n1,1,1000," + at + "\n2,1,3000," + at + "\n");
        Path hauls = Files.writeString(home.resolve("hauls.csv"), "haul_id,time,lat,lon,length_cm,count\nH1,," + at + ",10,20\nH1,," + at + ",14,20\n");
        try (Workspace w = Workspace.open(ws)) {
            var outcomes = new pe.cardumen.app.Importer(38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT)
                    .importAll(w, java.util.List.of(cells, hauls), pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
            assertThat(outcomes).allMatch(pe.cardumen.app.Importer.Outcome::imported);
        }
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        robot.interact(() -> app.model().biomass().compute(null, null, null));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().biomass().reportProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        // the hand-computed density of ZoneBiomassTest: 192.79054573 t nmi⁻²
        assertThat(app.mapModel().zoneBiomassProperty().get().get("10120")).isCloseTo(192.79054573, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
        javafx.scene.control.TabPane tabs = robot.lookup("#biomassTabs").queryAs(javafx.scene.control.TabPane.class);
        var degree = BiomassTables.rows(tabs, pe.cardumen.acoustics.biomass.BiomassTotals.By.DEGREE);
        assertThat(degree).singleElement().satisfies(r -> {
            assertThat(r.total().group()).isEqualTo("12°S");
            assertThat(r.total().biomassT()).isCloseTo(192.79054573 * zone.areaNmi2(), org.assertj.core.api.Assertions.within(1e-3));
            assertThat(r.uncertainty().cv()).isPositive();
        });
        assertThat(BiomassTables.rows(tabs, pe.cardumen.acoustics.biomass.BiomassTotals.By.BAND)).singleElement()
                .satisfies(r -> assertThat(r.total().group()).isEqualTo("90–100 nmi"));
        // every table ends in a total that is the survey's, and the b20 caveat is shown above the tables
        for (var by : pe.cardumen.acoustics.biomass.BiomassTotals.By.values()) {
            var total = BiomassTables.totalRow(tabs, by);
            assertThat(total.isTotal()).isTrue();
            assertThat(total.total().group()).isEqualTo("Total");
            assertThat(total.total().biomassT()).isCloseTo(app.model().biomass().reportProperty().get().totalT(), org.assertj.core.api.Assertions.within(1e-6));
        }
        Label b20 = robot.lookup("#b20Note").queryAs(Label.class);
        assertThat(b20.getText()).contains("-71.9 dB").contains("not yet confirmed");
        assertThat(b20.getHeight()).as("the note is laid out whole, not cut").isGreaterThanOrEqualTo(b20.prefHeight(b20.getWidth()) - 1);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<BiomassTables.Row> degreeTable = (javafx.scene.control.TableView<BiomassTables.Row>) tabs.getTabs().get(0).getContent();
        assertThat(degreeTable.getColumns().get(4).getStyle()).contains("CENTER-RIGHT");
        Label summary = robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream().filter(l -> l.getText().startsWith("Total"))
                .findFirst().orElseThrow();
        assertThat(summary.getText()).contains("UNCONFIRMED").contains("2 intervals in 1 zones");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.biomassRuns()).singleElement().satisfies(r -> assertThat(r.parameterSetVersion()).isEqualTo(1));
        }
        robot.interact(() -> tabs.getScene().getWindow().hide());

        // the parameter editor: an invalid field is named and nothing is applied; a valid set recomputes
        var first = app.model().biomass().reportProperty().get();
        BiomassParameterEditor.Form[] form = new BiomassParameterEditor.Form[1];
        robot.interact(() -> {
            form[0] = new BiomassParameterEditor.Form(app.model().biomass().parametersProperty().get(), java.util.ResourceBundle.getBundle(
                    "pe.cardumen.ui.messages", java.util.Locale.ENGLISH));
            form[0].lwA.setText("abc");
        });
        assertThat(form[0].result()).isEmpty();
        assertThat(form[0].problem.getText()).contains("Length–weight a").contains("'abc' is not a number");
        robot.interact(() -> {
            form[0].fill(app.model().biomass().parametersProperty().get());
            form[0].b20.setText("-70.9");
        });
        var edited = form[0].result().orElseThrow();
        assertThat(edited.b20Db()).isEqualTo(-70.9);
        robot.interact(() -> app.model().biomass().applyParameters(edited));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().biomass().reportProperty().get() != first);
        WaitForAsyncUtils.waitForFxEvents();
        // b20 1 dB higher: biomass ÷ 10^0.1
        assertThat(app.model().biomass().reportProperty().get().totalT() / first.totalT()).isCloseTo(Math.pow(10, -0.1), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new UiPreferences().biomassParameters()).hasValueSatisfying(set -> assertThat(set.b20Db()).isEqualTo(-70.9));
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.biomassRuns()).extracting(pe.cardumen.workspace.BiomassRun::parameterSetVersion).containsExactly(1L, 2L);
        }
        robot.interact(() -> robot.lookup("#biomassTabs").queryAs(javafx.scene.control.TabPane.class).getScene().getWindow().hide());
        robot.interact(() -> app.model().biomass().applyParameters(pe.cardumen.acoustics.biomass.BiomassParameters.defaults()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.model().biomass().reportProperty().get().parameters().b20Db() == -71.9);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup("#biomassTabs").queryAs(javafx.scene.control.TabPane.class).getScene().getWindow().hide());
        backToTheDemo(robot);
    }

    /** A zone's biomass across two surveys: the details pane charts both, labelled simulated when the files are. */
    @Test
    void selectingAZoneChartsItsBiomassAcrossSurveys(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = emptyWorkspace("history");
        Zone zone = app.mapModel().zonesProperty().get().byCode("10120").orElseThrow();
        String at = insideAsLatLon(zone);
        Path a = Files.writeString(home.resolve("SIMULATED-a.csv"), "Interval,Layer,NASC,Lat_M,Lon_M,Date_M,Time_M\n1,1,1000," + at
                + ",20240310,10:00:00.0000\n");
        Path b = Files.writeString(home.resolve("SIMULATED-b.csv"), "Interval,Layer,NASC,Lat_M,Lon_M,Date_M,Time_M\n1,1,3000," + at
                + ",20240915,10:00:00.0000\n");
        Path h = Files.writeString(home.resolve("SIMULATED-h.csv"), "haul_id,time,lat,lon,length_cm,count\nH1,," + at + ",10,20\nH1,," + at + ",14,20\n");
        Path h2 = Files.writeString(home.resolve("SIMULATED-h2.csv"), "haul_id,time,lat,lon,length_cm,count\nH2,," + at + ",10,20\nH2,," + at + ",14,20\n");
        try (Workspace w = Workspace.open(ws)) {
            var importer = new pe.cardumen.app.Importer(38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT);
            importer.inSurvey("2024-1").importAll(w, java.util.List.of(a, h), pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
            importer.inSurvey("2024-2").importAll(w, java.util.List.of(b, h2), pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
            var layer = app.mapModel().zonesProperty().get();
            for (String s : new String[] {"2024-1", "2024-2"}) {
                var report = new pe.cardumen.app.BiomassSurvey().compute(w, layer, s, pe.cardumen.acoustics.biomass.BiomassParameters.defaults(),
                        null, null, 10, 1);
                pe.cardumen.app.BiomassSurvey.store(w, s, report, 10, 1);
            }
        }
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        // the map opens on the latest run, its legend naming the survey as simulated
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.BIOMASS);
        assertThat(app.mapModel().zoneBiomassTitleProperty().get()).contains("survey 2024-2").contains("SIMULATED");
        robot.interact(() -> app.mapModel().selectedProperty().set(zone));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.LineChart<?, ?> chart = robot.lookup("#zoneHistoryChart").queryAs(javafx.scene.chart.LineChart.class);
        assertThat(chart.isVisible() || chart.getParent().isVisible()).isTrue();
        @SuppressWarnings("unchecked")
        var data = ((javafx.scene.chart.LineChart<Number, Number>) chart).getData().get(0).getData();
        assertThat(data).hasSize(2);
        // NASC 1000 then 3000 with the hand case's haul: 96.395 and 289.186 t nmi⁻² (192.79054573 per 2000 m² nmi⁻²)
        assertThat(data.get(0).getYValue().doubleValue()).isCloseTo(192.79054573 / 2, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(data.get(1).getYValue().doubleValue()).isCloseTo(192.79054573 * 1.5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(data.get(0).getXValue().doubleValue()).isCloseTo(2024 + 2 / 12.0, org.assertj.core.api.Assertions.within(1e-9));
        // every point names its survey and value on hover (before, the tooltips were never installed)
        for (var d : data) {
            Object tip = d.getNode().getProperties().get("javafx.scene.control.Tooltip");
            assertThat(tip).as("a tooltip on the point").isInstanceOf(javafx.scene.control.Tooltip.class);
        }
        assertThat(((javafx.scene.control.Tooltip) data.get(1).getNode().getProperties().get("javafx.scene.control.Tooltip")).getText())
                .isEqualTo("Survey 2024-2 (2024-09): 289.19 t nmi⁻²");
        Label title = robot.lookup("#zoneHistoryTitle").queryAs(Label.class);
        assertThat(title.getText()).contains("10120").contains("2 surveys").contains("SIMULATED");
        robot.interact(() -> app.mapModel().selectedProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getParent().isVisible()).isFalse();
        backToTheDemo(robot);
    }

    /** Models: the panel lists both shipped versions verified; set default, predict a month onto the map, interval width, compare (diverging map, metrics, scatter). */
    @Test
    void modelsPanelPredictsAndCompares(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = emptyWorkspace("models");
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        ModelsViewModel models = app.model().models();
        robot.interact(() -> ModelsDialog.show(app.controller().mapView().getScene().getWindow(), models,
                java.util.ResourceBundle.getBundle("pe.cardumen.ui.messages", java.util.Locale.ENGLISH)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.versionsProperty().get().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<ModelsViewModel.Row> table = robot.lookup("#modelVersions").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).extracting(r -> r.version().ref()).containsExactly("anchoveta-biomass:1.0.0", "anchoveta-biomass:2.0.0");
        assertThat(table.getItems()).allMatch(ModelsViewModel.Row::verified);
        // the card is a readable form (labels and values), the raw model.json only behind "Raw card"
        javafx.scene.layout.GridPane card = robot.lookup("#modelCard").queryAs(javafx.scene.layout.GridPane.class);
        java.util.List<String> cardTexts = card.getChildren().stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList();
        assertThat(cardTexts).contains("Model", "anchoveta-biomass 2.0.0", "Time split", "Trained on").noneMatch(t -> t.contains("{") || t.contains("\" :"));
        assertThat(robot.lookup("#modelCardJson").queryAs(javafx.scene.control.TextArea.class).getText()).contains("\"id\" : \"anchoveta-biomass\"");
        javafx.scene.control.TableView<String[]> heldOut = robot.lookup("#modelMetrics").queryAs(javafx.scene.control.TableView.class);
        // one row per metric, the model's column first, then the baselines
        assertThat(heldOut.getItems()).extracting(r -> r[0]).containsExactly("RMSE", "MAE", "R²", "Bias", "P10–P90 coverage", "AUC", "Total error");
        assertThat(heldOut.getColumns()).extracting(c -> ((javafx.scene.control.Label) c.getGraphic()) == null ? c.getText()
                : ((javafx.scene.control.Label) c.getGraphic()).getText()).containsExactly("Metric", "This model", "Climatology", "Persistence");
        assertThat(heldOut.getItems().get(4)[1]).endsWith(" %");
        assertThat(robot.lookup("#modelMetricsHelp").queryAs(javafx.scene.control.Label.class).getText()).contains("80 %").contains("log(1 + density");
        var v2 = table.getItems().get(1).version();
        robot.interact(() -> models.setDefault(v2));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> models.versionsProperty().get().stream().anyMatch(ModelsViewModel.Row::isDefault));
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.setting(pe.cardumen.app.ModelService.DEFAULT_MODEL)).contains("anchoveta-biomass:2.0.0");
        }

        robot.interact(() -> models.predict("anchoveta-biomass:2.0.0", java.time.YearMonth.of(2024, 9)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.MODEL);
        var layer = app.mapModel().zoneModelProperty().get();
        assertThat(layer.values()).hasSize(930);
        assertThat(layer.title()).contains("P50").contains("anchoveta-biomass:2.0.0").contains("2024-09");
        var p = models.predictionProperty().get();
        assertThat(layer.values().get(p.zones().get(0).zone())).isEqualTo(p.zones().get(0).densityP50());
        robot.interact(() -> models.showPrediction(true));
        var width = app.mapModel().zoneModelProperty().get();
        assertThat(width.title()).contains("P10–P90");
        assertThat(width.values().values()).allMatch(x -> x >= 0);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.predictionRuns()).singleElement().satisfies(r -> assertThat(r.modelSha256()).isEqualTo(v2.sha256()));
        }

        var v1 = table.getItems().get(0).version();
        robot.interact(() -> models.compare(v1, v2, java.time.YearMonth.of(2024, 9)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.mapModel().zoneModelProperty().get().diverging()).isTrue();
        assertThat(app.mapModel().zoneModelProperty().get().title()).contains("anchoveta-biomass:2.0.0 − anchoveta-biomass:1.0.0");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<String[]> metrics = robot.lookup("#compareMetrics").queryAs(javafx.scene.control.TableView.class);
        assertThat(metrics.getItems()).extracting(r -> r[0]).contains("RMSE", "P10–P90 coverage", "AUC");
        var c = models.comparisonProperty().get();
        assertThat(c.onlyA()).isEmpty();
        assertThat(c.onlyB()).contains("icen_lag0_c", "prev_neighbour_mean_t_per_nmi2");
        assertThat(c.p50a()).hasSize(930);
        backToTheDemo(robot);
    }

    /** Quota planning: the decision table with recommendations highlighted, live recompute on a threshold, allocation on the map, report export with a preview. */
    @Test
    void quotaPanelRecomputesAndExportsTheReport(FxRobot robot) throws Exception {
        waitForZonesOnMap();
        Path ws = emptyWorkspace("quota");
        Path params = home.resolve("quota-history.properties");
        Files.writeString(params, "years.first=2020\nyears.last=2020\ntarget.anchors=2020-1:9.0e6\n");
        var history = TestData.services().surveyHistory();
        history.simulate(home.resolve("quota-history"), 2, pe.cardumen.features.simulation.HistoryParameters.load(params), TestData.fullGrid(),
                pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
        try (Workspace w = Workspace.open(ws)) {
            history.importInto(w, home.resolve("quota-history"), 10, 1, pe.cardumen.domain.ProgressListener.NONE, CancellationToken.NONE);
        }
        robot.interact(() -> app.model().workspace().open(ws));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ws.equals(app.model().workspace().fileProperty().get()));
        QuotaViewModel quota = app.model().quota();
        var texts = java.util.ResourceBundle.getBundle("pe.cardumen.ui.messages", java.util.Locale.ENGLISH);
        robot.interact(() -> QuotaPanel.show(app.controller().mapView().getScene().getWindow(), quota, texts));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> quota.planProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var plan = quota.planProperty().get();
        // the basis is shown first: the latest survey's stored run, kept with the season
        assertThat(plan.basis().survey()).isEqualTo("2020-2");
        assertThat(robot.lookup("#quotaBasisLabel").queryAs(Label.class).getText()).startsWith("Basis of this plan: Survey 2020-2 (stored biomass run ");
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<QuotaPanel.DecisionRow> table = robot.lookup("#decisionTable").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).hasSize(plan.table().parameters().catches().length);
        assertThat(table.getItems().stream().filter(r -> r.recommended().contains(true)).count()).isPositive();
        // the chosen scenario's recommended row is scrolled into view
        int recommendedRow = -1;
        for (int j = 0; j < table.getItems().size(); j++) {
            if (table.getItems().get(j).recommended().get(1)) {
                recommendedRow = j;
            }
        }
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        assertThat(recommendedRow).isBetween(flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex());
        // every scenario (catch, E, risk) is readable without scrolling sideways: no horizontal scroll bar
        assertThat(table.getColumns()).hasSize(1 + plan.table().parameters().scenarios().size());
        assertThat(table.lookupAll(".scroll-bar").stream().map(n -> (javafx.scene.control.ScrollBar) n)
                .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && b.isVisible())).isEmpty();
        assertThat(app.mapModel().colourByProperty().get()).isEqualTo(pe.cardumen.ui.map.ZoneAttribute.MODEL);
        assertThat(app.mapModel().zoneModelProperty().get().title()).contains("Allocated catch");
        double allocated = app.mapModel().zoneModelProperty().get().values().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(allocated).isCloseTo(plan.recommendedT(), org.assertj.core.api.Assertions.within(1.0));

        javafx.scene.control.TextField eMax = robot.lookup("#quotaEmax").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            eMax.setText("abc");
            eMax.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(robot.lookup(".form-problem").queryAs(Label.class).getText()).contains("E_max").contains("abc");
        // what is on screen no longer matches the form: greyed, said, and not exportable
        assertThat(quota.staleProperty().get()).isTrue();
        assertThat(robot.lookup("#quotaStale").queryAs(Label.class).getText()).startsWith("Out of date");
        assertThat(robot.lookup("#exportReport").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.interact(() -> {
            eMax.setText("0.1");
            eMax.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> quota.planProperty().get() != plan && !quota.staleProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#exportReport").queryAs(javafx.scene.control.Button.class).isDisabled()).isFalse();
        for (var r : quota.planProperty().get().table().recommendations()) {
            if (r.cell() != null) {
                assertThat(r.cell().exploitation()).isLessThanOrEqualTo(0.1 + 1e-12);
            }
        }
        assertThat(quota.planProperty().get().recommendedT()).isLessThanOrEqualTo(plan.recommendedT());

        Path pdf = home.resolve("quota-report.pdf");
        robot.interact(() -> quota.exportReport(pdf, java.util.Locale.ENGLISH));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> quota.previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pdf).exists();
        assertThat(robot.lookup("#reportPreview").queryAs(javafx.scene.image.ImageView.class).getImage()).isNotNull();
        // the PDF states the recommended catch as the panel does
        String shown = String.format(java.util.Locale.getDefault(), "%,.0f", quota.planProperty().get().recommendedT());
        assertThat(robot.lookup("#quotaSummary").queryAs(Label.class).getText()).contains("Recommended catch, neutral: " + shown + " t (limited by");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            // page 1's box: the lead scenario first, marked, with its catch limit
            assertThat(text).contains("Recommended catch limit (LMTCP)")
                    .contains("neutral ◄ " + String.format(java.util.Locale.ENGLISH, "%,.0f", quota.planProperty().get().recommendedT()) + " t");
        }
        backToTheDemo(robot);
    }
}
