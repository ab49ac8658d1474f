package pe.cardumen.io.sonar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.sonar.NascCell;

/**
 * Rows of an Echoview cells export (the fixture, whose lines 5–7 are already bad: NASC 'abc', NASC −5,
 * a short date) changed the way a damaged or hand-edited file is: each new bad row is rejected with its
 * line and reason and counted, the good rows are kept, nothing is stored silently wrong.
 */
class AcousticBadRowsTest {
    private static List<String> lines;
    private static int goodRows;
    private static List<Reject> baseRejects;

    @BeforeAll
    static void load() throws Exception {
        lines = Files.readAllLines(Path.of("src/test/resources/fixtures/acoustic/Celdas 38 kHz Olaya-Flores 1508-10.csv"));
        ImportResult<NascCell> base = read("original.csv", lines);
        goodRows = base.accepted().size();
        baseRejects = base.rejects();
    }

    /** The rejects beyond the fixture's own. */
    private static List<Reject> newRejects(ImportResult<NascCell> r) {
        List<Reject> out = new ArrayList<>(r.rejects());
        out.removeIf(x -> baseRejects.stream().anyMatch(b -> b.location().equals(x.location())));
        return out;
    }

    private static ImportResult<NascCell> read(String name, List<String> rows) throws Exception {
        Path f = TestData.tempDir("echoview-bad").resolve(name);
        Files.write(f, rows);
        return new EchoviewCsvReader().read(f);
    }

    /** Line {@code n} (1-based) with field {@code k} (0-based) replaced. */
    private static List<String> withField(int n, int k, String value) {
        List<String> out = new ArrayList<>(lines);
        String[] f = out.get(n - 1).split(",", -1);
        f[k] = " " + value;
        out.set(n - 1, String.join(",", f));
        return out;
    }

    @Test
    void theFixtureHasThreeGoodRowsAndThreeBad() {
        assertThat(goodRows).isEqualTo(3);
        assertThat(baseRejects).extracting(Reject::location).containsExactly("line 5", "line 6", "line 7");
    }

    /** Latitude 9990.3 is neither a latitude nor Echoview's 999 "no fix": rejected, not stored without a position. */
    @Test
    void anImpossibleLatitudeIsRejectedByLine() throws Exception {
        ImportResult<NascCell> r = read("lat.csv", withField(3, 14, "9990.3"));
        assertThat(r.accepted()).hasSize(goodRows - 1);
        assertThat(newRejects(r)).singleElement().satisfies(rej -> {
            assertThat(rej.location()).isEqualTo("line 3");
            assertThat(rej.reason()).contains("9990.3").contains("latitude");
        });
    }

    /** Echoview's 999 for "no GPS fix" is kept, without a position, and counted in a warning. */
    @Test
    void echoviewsNoFixValueIsKeptWithoutAPositionAndCounted() throws Exception {
        List<String> rows = withField(3, 14, "999");
        String[] f = rows.get(2).split(",", -1);
        f[15] = " 999";
        rows.set(2, String.join(",", f));
        ImportResult<NascCell> r = read("nofix.csv", rows);
        assertThat(newRejects(r)).isEmpty();
        assertThat(r.accepted().get(1).hasPosition()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("2 cells have no position"); // line 4 of the fixture has 999 too
    }

    @Test
    void aDuplicatedRowIsRejectedAndNamesTheFirst() throws Exception {
        List<String> rows = new ArrayList<>(lines);
        rows.add(rows.get(2)); // line 3 again, at the end
        ImportResult<NascCell> r = read("dup.csv", rows);
        assertThat(r.accepted()).hasSize(goodRows);
        assertThat(newRejects(r)).filteredOn(x -> x.reason().contains("already appears")).singleElement().satisfies(rej -> {
            assertThat(rej.location()).isEqualTo("line " + rows.size());
            assertThat(rej.reason()).contains("already appears on line 3");
        });
    }

    @Test
    void aLayerWhoseMinimumIsBelowItsMaximumIsRejected() throws Exception {
        ImportResult<NascCell> r = read("layer.csv", withField(2, 7, "40"));
        assertThat(newRejects(r)).singleElement().satisfies(rej -> {
            assertThat(rej.location()).isEqualTo("line 2");
            assertThat(rej.reason()).contains("minimum depth 40.0 m is greater than its maximum 20.0 m");
        });
    }

    /** A time of 25:00 rejects its row, not the whole file. */
    @Test
    void anImpossibleTimeRejectsItsRowOnly() throws Exception {
        ImportResult<NascCell> r = read("time.csv", withField(4, 13, "25:00:03.2500"));
        assertThat(r.accepted()).hasSize(goodRows - 1);
        assertThat(newRejects(r)).singleElement().satisfies(rej -> {
            assertThat(rej.location()).isEqualTo("line 4");
            assertThat(rej.reason()).contains("25");
        });
    }

    /** A position that is text is rejected, not taken as "no position". */
    @Test
    void aPositionThatIsNotANumberIsRejected() throws Exception {
        ImportResult<NascCell> r = read("text.csv", withField(2, 15, "west"));
        assertThat(newRejects(r)).singleElement().satisfies(rej -> assertThat(rej.reason()).contains("Lon_M 'west' is not a number"));
    }
}
