package pe.cardumen.io.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.geo.Coastline;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.report.ZoneLayerExporter;

/** Zone layers cut or flagged the way a damaged transfer or a GIS edit leaves them. */
class VectorBadInputTest {

    /**
     * The Natural Earth coastline cut so that it starts at its second Feature (a fragment of the
     * collection): refused, not read as one bare Feature that would replace every zone.
     */
    @Test
    void aFragmentStartingAtAFeatureIsRefused() throws Exception {
        String text = new String(Coastline.bundledBytes(Coastline.BUNDLED_COASTLINE), StandardCharsets.UTF_8);
        int second = text.indexOf("{\"type\": \"Feature\"", text.indexOf("\"type\": \"Feature\"") + 10);
        assertThat(second).as("the coastline has a second feature").isPositive();
        Path f = TestData.tempDir("geojson-fragment").resolve("fragment.geojson");
        Files.writeString(f, text.substring(second));
        assertThatThrownBy(() -> new GeoJsonReader().read(f)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("fragment.geojson, line").hasMessageContaining("more JSON follows")
                .hasMessageContaining("one FeatureCollection");
    }

    /** A whole, single Feature is legal GeoJSON and still reads. */
    @Test
    void aSingleFeatureFileStillReads() throws Exception {
        Path f = TestData.tempDir("geojson-feature").resolve("one.geojson");
        Files.writeString(f, "{\"type\":\"Feature\",\"properties\":{\"code\":\"10120\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[-81,-4],[-80.9,-4],[-80.9,-4.1],[-81,-4]]]}}");
        assertThat(new GeoJsonReader().read(f).features()).hasSize(1);
    }

    /** A truncated GeoJSON says where and why in plain words, without Jackson's internals. */
    @Test
    void aTruncatedGeoJsonSaysSoPlainly() throws Exception {
        byte[] coast = Coastline.bundledBytes(Coastline.BUNDLED_COASTLINE);
        Path f = TestData.tempDir("geojson-cut").resolve("cut.geojson");
        Files.write(f, java.util.Arrays.copyOf(coast, 52579));
        assertThatThrownBy(() -> new GeoJsonReader().read(f)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("cut.geojson, line 1, column").hasMessageContaining("the file ends in the middle of the data")
                .hasMessageNotContaining("Source").hasMessageNotContaining("REDACTED");
    }

    /** Records flagged deleted in the .dbf ('*') are rejected with their record number, not imported. */
    @Test
    void recordsFlaggedDeletedInTheDbfAreRejected() throws Exception {
        Path dir = TestData.tempDir("dbf-deleted");
        Path shp = dir.resolve("zones.shp");
        new ZoneLayerExporter().export(TestData.fullGrid().zones().subList(0, 10), shp);
        byte[] dbf = Files.readAllBytes(dir.resolve("zones.dbf"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(dbf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int header = Short.toUnsignedInt(b.getShort(8));
        int record = Short.toUnsignedInt(b.getShort(10));
        dbf[header + 2 * record] = '*'; // the third record
        dbf[header + 7 * record] = '*'; // the eighth
        Files.write(dir.resolve("zones.dbf"), dbf);
        VectorLayer layer = new VectorLayerReader().read(shp, null);
        assertThat(layer.features()).hasSize(8);
        assertThat(layer.result().rejects()).extracting(r -> r.location() + ": " + r.reason())
                .containsExactly("record 3: its .dbf row is flagged deleted", "record 8: its .dbf row is flagged deleted");
    }
}
