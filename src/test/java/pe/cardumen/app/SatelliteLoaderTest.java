package pe.cardumen.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;

/** Loading grids for the satellite panel: the variable chooser's list and picking a variable. */
class SatelliteLoaderTest {
    /** A hand-made ERDDAP CSV: two days of a 2 × 2 grid with SST and an anomaly column. */
    private static Path twoVariables() throws Exception {
        Path csv = TestData.tempDir("loader").resolve("two.csv");
        Files.writeString(csv, """
                time,latitude,longitude,sst,sst_anom
                UTC,degrees_north,degrees_east,degree_C,degree_C
                2026-01-01T00:00:00Z,-12.0,-78.0,18.5,0.5
                2026-01-01T00:00:00Z,-12.0,-77.5,19.0,1.0
                2026-01-01T00:00:00Z,-11.5,-78.0,NaN,NaN
                2026-01-01T00:00:00Z,-11.5,-77.5,20.0,2.0
                2026-01-02T00:00:00Z,-12.0,-78.0,17.5,-0.5
                2026-01-02T00:00:00Z,-12.0,-77.5,18.0,-1.0
                2026-01-02T00:00:00Z,-11.5,-78.0,18.25,-1.25
                2026-01-02T00:00:00Z,-11.5,-77.5,21.0,3.0
                """);
        return csv;
    }

    @Test
    void listsTheGriddedVariablesAndShowsSstByDefault() throws Exception {
        var g = new SatelliteLoader().load(twoVariables(), null, null, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(g.gridded()).containsExactly("sst", "sst_anom");
        assertThat(g.variable()).isEqualTo("sst");
        assertThat(g.unit()).isEqualTo("°C");
        assertThat(g.times()).containsExactly(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"));
        // lat-major from the southern row: (−12, −78), (−12, −77.5), (−11.5, −78), (−11.5, −77.5)
        assertThat(g.steps()[0]).containsExactly(18.5f, 19.0f, Float.NaN, 20.0f);
        assertThat(g.stats()).isNull();
    }

    @Test
    void anotherVariableCanBePicked() throws Exception {
        var g = new SatelliteLoader().load(twoVariables(), "sst_anom", null, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(g.variable()).isEqualTo("sst_anom");
        assertThat(g.steps()[1]).containsExactly(-0.5f, -1.0f, -1.25f, 3.0f);
    }

    @Test
    void anUnknownVariableIsNamedWithTheOnesThereAre() throws Exception {
        Path csv = twoVariables();
        assertThatThrownBy(() -> new SatelliteLoader().load(csv, "chlor_a", null, ProgressListener.NONE, CancellationToken.NONE))
                .hasMessageContaining("two.csv").hasMessageContaining("chlor_a").hasMessageContaining("sst");
    }
}
