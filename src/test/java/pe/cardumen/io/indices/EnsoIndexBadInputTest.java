package pe.cardumen.io.indices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.io.FileFormatException;

/**
 * NOAA CPC's index files with lines shuffled, deleted, blanked or damaged: a month must never be lost
 * or shifted in silence, since every ENSO lag of the features is counted in rows.
 */
class EnsoIndexBadInputTest {
    private static List<String> oni;
    private static List<String> nino;

    @BeforeAll
    static void load() throws Exception {
        oni = Files.readAllLines(TestData.reference("indices/oni.ascii.txt"), StandardCharsets.US_ASCII);
        nino = Files.readAllLines(TestData.reference("indices/ersst5.nino.mth.91-20.ascii"), StandardCharsets.US_ASCII);
    }

    private static Path write(String name, List<String> lines) throws Exception {
        Path f = TestData.tempDir("enso-bad").resolve(name);
        Files.write(f, lines, StandardCharsets.US_ASCII);
        return f;
    }

    @Test
    void theOriginalsReadEveryMonth() throws Exception {
        // DJF 1950 … FMA 2025: 75 years × 12 + 3 seasons; 1950-01 … 2021-09: 71 × 12 + 9 months
        assertThat(new EnsoIndexReader().readOni(write("oni.txt", oni))).hasSize(75 * 12 + 3);
        assertThat(new EnsoIndexReader().readNinoRegions(write("nino.txt", nino))).hasSize(71 * 12 + 9);
    }

    @Test
    void swappedLinesAreRefusedNamingTheLine() throws Exception {
        List<String> l = new ArrayList<>(nino);
        java.util.Collections.swap(l, 100, 101);
        assertThatThrownBy(() -> new EnsoIndexReader().readNinoRegions(write("swapped.txt", l))).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("swapped.txt, line 101:").hasMessageContaining("one per month in order");
    }

    @Test
    void aDeletedLineIsAMissingMonth() throws Exception {
        List<String> l = new ArrayList<>(oni);
        String removed = l.remove(300).trim();
        assertThatThrownBy(() -> new EnsoIndexReader().readOni(write("gap.txt", l))).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("gap.txt, line 301:").hasMessageContaining("is missing")
                .hasMessageContaining(removed.split("\\s+")[1]);
    }

    @Test
    void aRepeatedLineIsRefused() throws Exception {
        List<String> l = new ArrayList<>(oni);
        l.add(200, l.get(200));
        assertThatThrownBy(() -> new EnsoIndexReader().readOni(write("twice.txt", l))).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("line 202").hasMessageContaining("appears twice");
    }

    @Test
    void shuffledLinesAreRefused() throws Exception {
        List<String> body = new ArrayList<>(oni.subList(1, oni.size()));
        java.util.Collections.shuffle(body, new java.util.Random(7));
        List<String> l = new ArrayList<>(List.of(oni.get(0)));
        l.addAll(body);
        assertThatThrownBy(() -> new EnsoIndexReader().readOni(write("shuffled.txt", l))).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("shuffled.txt, line ");
    }

    /** Blank lines lose nothing: every month is still there. */
    @Test
    void blankLinesAreSkippedWithoutLosingMonths() throws Exception {
        List<String> l = new ArrayList<>(nino);
        l.add(50, "");
        l.add(400, "   ");
        assertThat(new EnsoIndexReader().readNinoRegions(write("blank.txt", l))).hasSize(71 * 12 + 9);
    }

    /** A damaged byte is named with its line and column, not "Input length = 1". */
    @Test
    void aByteThatIsNotTextIsNamed() throws Exception {
        byte[] b = Files.readAllBytes(TestData.reference("indices/oni.ascii.txt"));
        int at = new String(b, StandardCharsets.US_ASCII).indexOf("1950", 100);
        b[at] = (byte) 0xFF;
        Path f = TestData.tempDir("enso-bad").resolve("byte.txt");
        Files.write(f, b);
        assertThatThrownBy(() -> new EnsoIndexReader().readOni(f)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("byte.txt, line").hasMessageContaining("byte 0xFF is not plain text").hasMessageNotContaining("Input length");
    }

    @Test
    void anImpossibleTemperatureIsRefused() throws Exception {
        List<String> l = new ArrayList<>(nino);
        l.set(10, l.get(10).replaceFirst("^(\\s*\\d+\\s+\\d+\\s+)\\S+", "$1NaN"));
        assertThatThrownBy(() -> new EnsoIndexReader().readNinoRegions(write("nan.txt", l))).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("nan.txt, line 11:").hasMessageContaining("NaN");
    }
}
