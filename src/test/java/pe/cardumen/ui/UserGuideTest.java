package pe.cardumen.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The bundled user guide exists in both languages, with the same sections, and speaks of what the menus offer. */
class UserGuideTest {

    @Test
    void theGuideHasTheSameSectionsInSpanishAndEnglish() throws Exception {
        String en = UserGuide.text(new WindowTexts(Locale.ENGLISH));
        String es = UserGuide.text(new WindowTexts(Locale.forLanguageTag("es-PE")));
        assertThat(en).startsWith("# Cardumen — user guide");
        assertThat(es).startsWith("# Cardumen — guía de uso");
        assertThat(es.lines().filter(l -> l.startsWith("## ")).count()).isEqualTo(en.lines().filter(l -> l.startsWith("## ")).count()).isEqualTo(6);
        assertThat(es.lines().filter(l -> l.startsWith("- ")).count()).isEqualTo(en.lines().filter(l -> l.startsWith("- ")).count());
        // each guide names the menu commands as its language's menus do
        check(es, new WindowTexts(Locale.forLanguageTag("es-PE")));
        check(en, new WindowTexts(Locale.ENGLISH));
    }

    private static void check(String guide, ResourceBundle menus) {
        for (String key : new String[] {"menu.file.openSonar", "menu.file.openSatellite", "menu.file.samples",
            "menu.file.importSonar", "menu.file.importSatellite", "menu.view.colourBy", "menu.view.sonarPanel", "menu.view.satellitePanel",
            "menu.analysis.biomass", "menu.analysis.parameters", "menu.analysis.models", "menu.analysis.quota", "menu.help.shortcuts"}) {
            String name = menus.getString(key).replace("_", "").replace("…", "");
            assertThat(guide.toLowerCase(Locale.ROOT)).as(key).contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
