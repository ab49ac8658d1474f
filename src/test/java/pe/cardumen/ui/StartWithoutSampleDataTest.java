package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.GridSpec;
import pe.cardumen.ui.map.MapViewModel;
import pe.cardumen.workspace.Workspace;

/**
 * Cardumen from a lone jar, with no sample-data folder: the coast and land still come (from the
 * class path), no dead end — the window is asked to offer a workspace — and a workspace with the
 * zones can still be made.
 */
class StartWithoutSampleDataTest {

    private static final TaskRunner NOW = new CurrentThreadTaskRunner();

    @Test
    void theCoastShowsAndAWorkspaceIsOfferedInsteadOfADeadEnd() throws Exception {
        Path home = TestData.tempDir("no-sample-home");
        String oldHome = System.getProperty("cardumen.home");
        System.setProperty("cardumen.home", home.toString());
        Preferences node = Preferences.userRoot().node("pe/cardumen-nosample-" + System.nanoTime());
        try {
            Services services = new Services(SampleData.absent(List.of(home.resolve("sample-data"))), GridSpec.PERU);
            MapViewModel map = new MapViewModel();
            ResourceBundle texts = ResourceBundle.getBundle("pe.cardumen.ui.messages", Locale.ENGLISH);
            MainViewModel model = new MainViewModel(services, NOW, map, texts, new UiPreferences(node));
            model.workspace().loadCoastline();
            model.workspace().openInitial(null);
            assertThat(map.coastlineProperty().get()).isNotNull();
            assertThat(map.coastlineProperty().get().land().isEmpty()).isFalse();
            assertThat(model.workspace().needsWorkspaceProperty().get()).isTrue();
            assertThat(model.errorProperty().get()).isNull();
            assertThat(model.workspace().statusProperty().get()).contains("open one (Ctrl+O) or create one");
            assertThat(model.workspace().sampleFiles()).isEmpty();
            assertThat(Files.list(home).count()).as("no demo was attempted").isZero();
        } finally {
            node.removeNode();
            if (oldHome == null) {
                System.clearProperty("cardumen.home");
            } else {
                System.setProperty("cardumen.home", oldHome);
            }
        }
    }

    @Test
    void aWorkspaceWithTheZonesIsMadeWithoutSampleData() throws Exception {
        Services services = new Services(SampleData.absent(List.of()), GridSpec.PERU);
        Path out = TestData.tempDir("no-sample-demo").resolve("zones.cardumen.gpkg");
        services.demoWorkspace().build(out, ProgressListener.NONE, CancellationToken.NONE);
        try (Workspace ws = Workspace.open(out)) {
            assertThat(ws.zones()).hasSize(930);
            assertThat(ws.surveys()).isEmpty();
            assertThat(ws.auditLog()).anySatisfy(a -> assertThat(a.detail()).contains("no sample-data folder: zones only"));
        }
    }

    @Test
    void theBundledSampleFilesAreOfferedByKind() throws Exception {
        List<SampleData.SampleFile> files = SampleData.at(TestData.sampleData()).openableFiles();
        assertThat(files).filteredOn(f -> f.kind() == SampleData.SampleFile.Kind.SONAR).extracting(SampleData.SampleFile::name)
                .containsExactly("DY1201_EK60-D20120214-T231011.raw", "EK80-GPT-WBT-mixed-5ch.raw", "EK80-WBTMini-FM.raw",
                        "EK80-WBTTube-CW-reduced.raw", "EK80_-D20221108-T151353.raw");
        assertThat(files).filteredOn(f -> f.kind() == SampleData.SampleFile.Kind.SATELLITE).extracting(SampleData.SampleFile::name)
                .containsExactly("erddap_viirs_chla_monthly.nc", "oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif",
                        "oisst_v21_peru_2026-01-01_2026-02-15.nc", "oisst_v21_peru_packed_netcdf4.nc");
    }
}
