package pe.cardumen.io.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.io.FileFormatException;

/**
 * A count or a name length of 2³¹ − 1 written into the real OISST NetCDF-3 header, at each place the
 * format has one: refused with the byte offset, never an OutOfMemoryError.
 */
class NetcdfHeaderBadInputTest {
    private static byte[] original;
    /** Offsets found by walking the header with the format specification (independently of the reader). */
    private static int dimensionCount;
    private static int firstDimensionName;
    private static int globalAttributeCount;
    private static int firstAttributeValues;
    private static int variableCount;
    private static int firstVariableRank;

    @BeforeAll
    static void walkHeader() throws Exception {
        original = Files.readAllBytes(TestData.reference("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"));
        ByteBuffer h = ByteBuffer.wrap(original);
        h.position(8);
        h.getInt(); // NC_DIMENSION
        dimensionCount = h.position();
        int dims = h.getInt();
        firstDimensionName = h.position();
        for (int i = 0; i < dims; i++) {
            skipName(h);
            h.getInt();
        }
        h.getInt(); // NC_ATTRIBUTE
        globalAttributeCount = h.position();
        int atts = h.getInt();
        for (int i = 0; i < atts; i++) {
            skipName(h);
            int type = h.getInt();
            if (i == 0) {
                firstAttributeValues = h.position();
            }
            int n = h.getInt();
            int size = type == 1 || type == 2 ? 1 : type == 3 ? 2 : type == 6 ? 8 : 4;
            h.position(h.position() + pad(n * size));
        }
        h.getInt(); // NC_VARIABLE
        variableCount = h.position();
        h.getInt();
        skipName(h);
        firstVariableRank = h.position();
    }

    private static void skipName(ByteBuffer h) {
        int n = h.getInt();
        h.position(h.position() + pad(n));
    }

    private static int pad(int n) {
        return (n + 3) / 4 * 4;
    }

    private static Path mutated(String name, int offset) throws Exception {
        byte[] b = original.clone();
        ByteBuffer.wrap(b).putInt(offset, Integer.MAX_VALUE);
        Path f = TestData.tempDir("nc-header").resolve(name);
        Files.write(f, b);
        return f;
    }

    private static void assertRefused(String name, int offset, String what) {
        assertThatThrownBy(() -> NetcdfClassicFile.open(mutated(name, offset)).close())
                .isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith(name + ", byte " + offset + ":")
                .hasMessageContaining(what)
                .hasMessageContaining("corrupt");
    }

    @Test
    void theHeaderWalkFoundTheOriginalsCounts() {
        ByteBuffer b = ByteBuffer.wrap(original);
        assertThat(b.getInt(dimensionCount)).isEqualTo(4); // time, zlev, latitude, longitude
        assertThat(b.getInt(variableCount)).isEqualTo(5);
        assertThat(b.getInt(firstVariableRank)).isEqualTo(1);
    }

    @Test
    void aHugeDimensionCountIsRefused() {
        assertRefused("dims.nc", dimensionCount, "declares 2147483647 dimensions");
    }

    @Test
    void aHugeNameLengthIsRefused() {
        assertRefused("name.nc", firstDimensionName, "declared 2147483647 bytes long");
    }

    @Test
    void aHugeAttributeCountIsRefused() {
        assertRefused("atts.nc", globalAttributeCount, "declares 2147483647 attributes");
    }

    @Test
    void aHugeAttributeValueCountIsRefused() {
        assertRefused("values.nc", firstAttributeValues, "declares 2147483647 values");
    }

    @Test
    void aHugeVariableCountIsRefused() {
        assertRefused("vars.nc", variableCount, "declares 2147483647 variables");
    }

    @Test
    void aHugeVariableRankIsRefused() {
        assertRefused("rank.nc", firstVariableRank, "declares 2147483647 dimensions but the file has 4");
    }
}
