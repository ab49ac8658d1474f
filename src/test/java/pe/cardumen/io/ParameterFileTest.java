package pe.cardumen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.features.EnsoThresholds;
import pe.cardumen.features.simulation.HistoryParameters;
import pe.cardumen.planning.HarvestParameters;

/** One override rule for the four parameter files: a user's keys over the bundled defaults, unknown keys refused with their line. */
class ParameterFileTest {
    private static Path file(String name, String text) throws Exception {
        return Files.writeString(TestData.tempDir("params").resolve(name), text);
    }

    @Test
    void aUserFileNeedsOnlyTheKeysItChanges() throws Exception {
        assertThat(HarvestParameters.load(file("h.properties", "# tighter\nexploitation.max = 0.30\n")).exploitationMax()).isEqualTo(0.30);
        assertThat(HarvestParameters.load(file("h2.properties", "risk.tolerance: 0.05\n")).referenceT())
                .isEqualTo(HarvestParameters.defaults().referenceT());
        assertThat(BiomassParameters.load(file("b.properties", "ts.b20.db=-72.6\n")).lwB()).isEqualTo(BiomassParameters.defaults().lwB());
        assertThat(BiomassParameters.load(file("b2.properties", "ts.b20.db=-72.6\n")).b20Db()).isEqualTo(-72.6);
        assertThat(EnsoThresholds.load(file("e.properties", "oni.threshold=0.6\n")).oniThreshold()).isEqualTo(0.6);
        assertThat(EnsoThresholds.load(file("e2.properties", "oni.threshold=0.6\n")).warmWeak()).isEqualTo(EnsoThresholds.defaults().warmWeak());
        HistoryParameters h = HistoryParameters.load(file("s.properties", "years.first=2001\n"));
        assertThat(h.text("years.first")).isEqualTo("2001");
        assertThat(h.text("years.last")).isEqualTo(HistoryParameters.defaults().text("years.last"));
    }

    @Test
    void anUnknownOrRepeatedKeyIsRefusedWithItsLine() throws Exception {
        for (String[] set : new String[][] {{"harvest"}, {"biomass"}, {"enso"}, {"history"}}) {
            Path f = file(set[0] + "-typo.properties", "# a comment\n\nexploitation.maxx=0.3\n");
            assertThatThrownBy(() -> load(set[0], f)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(set[0] + "-typo.properties, line 3: unknown parameter 'exploitation.maxx'");
        }
        Path twice = file("twice.properties", "exploitation.max=0.3\nexploitation.max=0.2\n");
        assertThatThrownBy(() -> HarvestParameters.load(twice)).hasMessageContaining("twice.properties, line 2: 'exploitation.max' is given a second time");
        Path garbage = file("garbage.properties", "exploitation.max 0.3\n");
        assertThatThrownBy(() -> HarvestParameters.load(garbage)).hasMessageContaining("garbage.properties, line 1: expected key=value");
    }

    @Test
    void aNewScenarioMayBeAddedToTheHarvestRules() throws Exception {
        Path f = file("scenario.properties", "scenarios=cold,neutral,warm,strong-el-nino,la-nina\nscenario.la-nina.biomass.factor=1.1\n"
                + "scenario.la-nina.mortality.factor=0.85\n");
        assertThat(HarvestParameters.load(f).scenarios()).hasSize(5);
    }

    private static Object load(String set, Path f) throws Exception {
        return switch (set) {
            case "harvest" -> HarvestParameters.load(f);
            case "biomass" -> BiomassParameters.load(f);
            case "enso" -> EnsoThresholds.load(f);
            default -> HistoryParameters.load(f);
        };
    }
}
