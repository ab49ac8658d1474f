package pe.cardumen.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.Stock;
import pe.cardumen.domain.Zone;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.vector.VectorLayer;
import pe.cardumen.io.vector.VectorLayerReader;
import pe.cardumen.report.ZoneLayerExporter;

/** Importing official zone layers: what is accepted, and the messages for what is not. */
class ZoneLayerImportTest {
    private final VectorLayerReader reader = new VectorLayerReader();
    private final ZoneLayerBuilder builder = new ZoneLayerBuilder();

    private static Path write(String name, String text) throws Exception {
        Path f = TestData.tempDir("import").resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static String feature(String code, String ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"CODIGO\":\"" + code + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
    }

    private static final String SQUARE_A = "[[-78,-10],[-77.8,-10],[-77.8,-10.2],[-78,-10.2],[-78,-10]]";
    private static final String SQUARE_B = "[[-78.5,-10],[-78.3,-10],[-78.3,-10.2],[-78.5,-10.2],[-78.5,-10]]";
    private static final String BOW_TIE = "[[-79,-11],[-78.8,-11.2],[-78.8,-11],[-79,-11.2],[-79,-11]]";

    @Test
    void readsAnOfficialStyleLayerWithItsOwnCodeField() throws Exception {
        Path f = write("aip.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + feature("2100", SQUARE_A) + "," + feature("OTRA", SQUARE_B) + "]}");
        ZoneLayer layer = builder.build(f, reader.read(f, null), "codigo");
        assertThat(layer.size()).isEqualTo(2);
        Zone aip = layer.byCode("2100").orElseThrow();
        // an AIP code gives the distance band; the latitude range is the band clipped to the geometry
        assertThat(aip.distMinNmi()).isEqualTo(10);
        assertThat(aip.distMaxNmi()).isEqualTo(20);
        // the latitude range is the code's band (10°00′–10°30′S) clipped to the polygon (10°00′–10°12′S)
        assertThat(aip.latMaxDegrees()).isEqualTo(-10.0);
        assertThat(aip.latMinDegrees()).isEqualTo(-10.2);
        Zone other = layer.byCode("OTRA").orElseThrow();
        assertThat(other.hasDistanceBand()).isFalse();
        assertThat(other.latMinDegrees()).isEqualTo(-10.2);
        assertThat(other.stock()).isEqualTo(Stock.NORTH_CENTRE);
        // 0.2° × 0.2° quadrangle at 10°S by the closed formula of GeodesyTest: a²·Δλ/2·Δq = 141.3836 nmi²
        // (edges straight in lon/lat rather than along parallels: a difference below 0.001 %)
        assertThat(other.areaNmi2()).isCloseTo(141.3836, within(0.01));
    }

    @Test
    void refusesInvalidGeometriesNamingFeatureAndPlace() throws Exception {
        Path f = write("bad.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + feature("1100", SQUARE_A) + "," + feature("1103", BOW_TIE) + "]}");
        VectorLayer layer = reader.read(f, null);
        assertThatThrownBy(() -> builder.build(f, layer, "CODIGO"))
                .isInstanceOf(ZoneLayerException.class)
                .hasMessageContaining("bad.geojson")
                .hasMessageContaining("feature 1 (code 1103): invalid geometry, Self-intersection")
                .hasMessageContaining("-11.1")
                .hasMessageContaining("current zones are unchanged");
    }

    @Test
    void refusesDuplicateCodes() throws Exception {
        Path f = write("dup.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + feature("1100", SQUARE_A) + "," + feature("1100", SQUARE_B) + "]}");
        assertThatThrownBy(() -> builder.build(f, reader.read(f, null), "CODIGO"))
                .isInstanceOf(ZoneLayerException.class)
                .hasMessageContaining("feature 1 (code 1100): duplicate code, also used by feature 0");
    }

    @Test
    void refusesAMissingCodeFieldListingTheFields() throws Exception {
        Path f = write("nofield.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + feature("1100", SQUARE_A) + "]}");
        assertThatThrownBy(() -> builder.build(f, reader.read(f, null), "code"))
                .isInstanceOf(ZoneLayerException.class)
                .hasMessageContaining("there is no field 'code'; the layer's fields are [CODIGO]");
    }

    @Test
    void reprojectsAGdalStyleUtmLayer() throws Exception {
        // EPSG:32717 (UTM 17S): 500000 E, 8893864 N is about 10°S, 81°W
        String utm = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32717\"}},"
                + "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"X\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[500000,8893864],[510000,8893864],[510000,8883864],[500000,8883864],[500000,8893864]]]}}]}";
        Path f = write("utm.geojson", utm);
        VectorLayer layer = reader.read(f, null);
        assertThat(layer.result().warnings()).anyMatch(w -> w.contains("reprojected"));
        Zone z = builder.build(f, layer, "code").byCode("X").orElseThrow();
        assertThat(z.geometry().getEnvelopeInternal().getMinX()).isCloseTo(-81.0, within(1e-6));
        assertThat(z.latMaxDegrees()).isCloseTo(-10.0, within(0.01));
        // 10 km × 10 km in UTM (scale factor 0.9996 on the central meridian): ≈ 100.08 km² = 29.18 nmi²
        assertThat(z.areaNmi2()).isCloseTo(100.08 / (1.852 * 1.852), within(0.05));
    }

    @Test
    void shapefileWithoutPrjIsRefused() throws Exception {
        Path dir = TestData.tempDir("noprj");
        Path shp = dir.resolve("aip.shp");
        new ZoneLayerExporter().export(TestData.fullGrid().zones().subList(0, 3), shp);
        Files.delete(dir.resolve("aip.prj"));
        assertThatThrownBy(() -> reader.read(shp, null))
                .isInstanceOf(FileFormatException.class)
                .hasMessageContaining("aip.shp")
                .hasMessageContaining("aip.prj is missing");
    }

    @Test
    void truncatedShapefileKeepsTheCompleteRecordsAndSaysWhere() throws Exception {
        Path dir = TestData.tempDir("trunc");
        Path shp = dir.resolve("aip.shp");
        List<Zone> three = TestData.fullGrid().zones().subList(0, 3);
        new ZoneLayerExporter().export(three, shp);
        byte[] bytes = Files.readAllBytes(shp);
        Files.write(shp, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        VectorLayer layer = reader.read(shp, null);
        assertThat(layer.features()).hasSize(2);
        assertThat(layer.result().rejects()).singleElement().satisfies(r -> {
            assertThat(r.location()).startsWith("record 3");
            assertThat(r.reason()).contains("truncated");
        });
        assertThatThrownBy(() -> builder.build(shp, layer, "code")).hasMessageContaining("record 3");
    }

    @Test
    void geoPackageWithUndefinedCrsIsRefused() throws Exception {
        Path dir = TestData.tempDir("gpkg");
        Path gpkg = dir.resolve("aip.gpkg");
        new ZoneLayerExporter().export(TestData.fullGrid().zones().subList(0, 2), gpkg);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            s.execute("UPDATE gpkg_geometry_columns SET srs_id = 0");
        }
        assertThatThrownBy(() -> reader.read(gpkg, null))
                .isInstanceOf(FileFormatException.class)
                .hasMessageContaining("coordinate reference system is undefined");
    }

    @Test
    void badFilesGetClearMessages() throws Exception {
        Path empty = write("empty.geojson", "");
        assertThatThrownBy(() -> reader.read(empty, null)).hasMessageContaining("empty.geojson").hasMessageContaining("empty");
        Path truncated = write("cut.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + feature("1100", SQUARE_A).substring(0, 60));
        assertThatThrownBy(() -> reader.read(truncated, null)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("cut.geojson, line 1, column").hasMessageContaining("truncated");
        Path text = write("notes.shp", "this is not a shapefile at all, just some text written by someone");
        assertThatThrownBy(() -> reader.read(text, null)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("notes.shp").hasMessageContaining("is not a GeoJSON, GeoPackage or Shapefile");
        Path point = write("points.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"P\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-78,-10]}}]}");
        assertThatThrownBy(() -> builder.build(point, reader.read(point, null), "code")).hasMessageContaining("is a Point, zones must be polygons");
    }
}
