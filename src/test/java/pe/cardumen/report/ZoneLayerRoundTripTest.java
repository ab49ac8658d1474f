package pe.cardumen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pe.cardumen.TestData;
import pe.cardumen.domain.Zone;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.geo.ZoneLayerBuilder;
import pe.cardumen.io.vector.VectorLayer;
import pe.cardumen.io.vector.VectorLayerReader;

/** Export the full generated grid and import it back, in each format. */
class ZoneLayerRoundTripTest {
    private static ZoneLayer grid;

    @BeforeAll
    static void generate() throws Exception {
        grid = TestData.fullGrid();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zones.geojson", "zones.gpkg", "zones.shp"})
    void exportThenImportGivesTheSameZones(String name) throws Exception {
        Path dir = TestData.tempDir("roundtrip");
        Path out = dir.resolve(name);
        new ZoneLayerExporter().export(grid.zones(), out);
        assertThat(out).exists();
        if (name.endsWith(".shp")) {
            for (String ext : List.of("shx", "dbf", "prj", "cpg")) {
                assertThat(dir.resolve("zones." + ext)).exists();
            }
        }
        VectorLayer layer = new VectorLayerReader().read(out, null);
        assertThat(layer.result().rejects()).isEmpty();
        ZoneLayer back = new ZoneLayerBuilder().build(out, layer, "code");
        assertThat(back.size()).isEqualTo(grid.size());
        for (Zone z : grid.zones()) {
            Zone b = back.byCode(z.code()).orElseThrow();
            assertThat(b.stock()).isEqualTo(z.stock());
            assertThat(b.latMinDegrees()).isCloseTo(z.latMinDegrees(), within(1e-8));
            assertThat(b.latMaxDegrees()).isCloseTo(z.latMaxDegrees(), within(1e-8));
            assertThat(b.distMinNmi()).isEqualTo(z.distMinNmi());
            assertThat(b.distMaxNmi()).isEqualTo(z.distMaxNmi());
            // the area is recomputed from the geometry read back, so equal areas mean equal shapes
            assertThat(b.areaNmi2()).isCloseTo(z.areaNmi2(), within(z.areaNmi2() * 1e-7));
            assertThat(b.geometry().getNumPoints()).isEqualTo(z.geometry().getNumPoints());
            assertThat(b.geometry().equalsExact(z.geometry().getFactory().createGeometry(b.geometry()), 1e-8)).isTrue();
            assertThat(b.geometry().symDifference(z.geometry()).getArea()).isLessThan(1e-9);
        }
        // the export replaces nothing but its own files
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count()).isZero();
        }
    }
}
