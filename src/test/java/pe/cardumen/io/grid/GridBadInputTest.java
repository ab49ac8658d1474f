package pe.cardumen.io.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.io.FileFormatException;

/** Fill values written as text, and grid rows with impossible positions, in mutated real files. */
class GridBadInputTest {

    /**
     * The OISST GeoTIFF with its GDAL_NODATA tag (42113) rewritten as other text for the same Float32
     * value −9.99: land pixels must still be missing, as GDAL compares at the band's precision. Before,
     * a short "-9.99" (the double nearest the text, not the float in the pixels) let 1,500 land pixels
     * of −9.99 °C into the statistics.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-9.99", "  -9.99  ", "-9.99e+00", "-9.9899997711181640625"})
    void aNodataWrittenAsTextMatchesTheFloat32Pixels(String nodata) throws Exception {
        Path tif = TestData.tempDir("nodata").resolve("oisst-nodata.tif");
        Files.write(tif, withNodata(Files.readAllBytes(TestData.reference("satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif")), nodata));
        try (CfGrid g = CfGrid.open(tif, null, null)) {
            double[] s = NetcdfSatelliteTest.stats(g);
            // the published statistics of this day (sample-data/README.md): min 17.60, max 25.71, mean 22.644
            assertThat(s[1]).isCloseTo(17.60, within(1e-4));
            assertThat(s[2]).isCloseTo(25.71, within(1e-4));
            assertThat(s[3]).isCloseTo(22.644, within(1e-3));
        }
    }

    /** Rewrites tag 42113 to hold {@code text}, appended at the end of the file (the strips do not move). */
    static byte[] withNodata(byte[] tiff, String text) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = Short.toUnsignedInt(b.getShort(ifd));
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < entries; i++) {
            int e = ifd + 2 + 12 * i;
            if (Short.toUnsignedInt(b.getShort(e)) == 42113) {
                b.putInt(e + 4, value.length);
                b.putInt(e + 8, tiff.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(tiff);
                out.write(value);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no GDAL_NODATA tag in the test file");
    }

    /**
     * ERDDAP CSV rows whose latitude or longitude cannot be a position, and a duplicated row, are
     * skipped by line and counted, not gridded.
     */
    @Test
    void erddapRowsWithImpossiblePositionsOrRepeatedAreSkippedByLine() throws Exception {
        String csv = String.join("\n",
                "time (UTC),latitude (degrees_north),longitude (degrees_east),chlor_a (mg m-3)",
                "2024-03-15T00:00:00Z,-12.0,-78.0,2.5",
                "2024-03-15T00:00:00Z,-930000,-78.0,3.0",
                "2024-03-15T00:00:00Z,-12.5,1e308,4.0",
                "2024-03-15T00:00:00Z,-12.5,-78.0,10.25",
                "2024-03-15T00:00:00Z,-12.0,-78.0,99.0",
                "");
        Path f = TestData.tempDir("erddap-bad").resolve("rows.csvp");
        Files.writeString(f, csv);
        try (CfGrid g = CfGrid.open(f, null)) {
            assertThat(g.latitudes()).containsExactly(-12.5, -12.0);
            assertThat(g.longitudes()).containsExactly(-78.0);
            float[] v = g.step(0);
            assertThat(v[0]).isEqualTo(10.25f);
            assertThat(v[1]).isEqualTo(2.5f); // line 6 repeats line 2's cell and is not kept
            assertThat(g.warnings()).hasSize(3);
            assertThat(g.warnings().get(0)).contains("line 3").contains("-930000");
            assertThat(g.warnings().get(1)).contains("line 4").contains("1e308");
            assertThat(g.warnings().get(2)).contains("line 6").contains("line 2");
        }
    }

    /** Rows whose points span an absurd grid (each a new latitude and longitude) are refused before allocating it. */
    @Test
    void scatteredPointsThatWouldMakeAHugeGridAreRefused() throws Exception {
        StringBuilder b = new StringBuilder("time (UTC),latitude (degrees_north),longitude (degrees_east),sst (degree_C)\n");
        for (int i = 0; i < 6000; i++) {
            b.append("2024-03-15T00:00:00Z,").append(-10 - i * 1e-4).append(',').append(-80 + i * 1e-4).append(",20\n");
        }
        Path f = TestData.tempDir("erddap-bad").resolve("scatter.csvp");
        Files.writeString(f, b);
        assertThatThrownBy(() -> CfGrid.open(f, null)).isInstanceOf(FileFormatException.class).hasMessageContaining("scatter.csvp")
                .hasMessageContaining("do not form a regular grid");
    }

    /** A time value that is NaN or beyond any calendar (a damaged time axis) refuses the file naming the step. */
    @Test
    void anImpossibleTimeValueIsNamed() throws Exception {
        Path original = TestData.reference("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        long begin;
        int type;
        try (NetcdfClassicFile nc = NetcdfClassicFile.open(original)) {
            begin = nc.variables().get("time").begin();
            type = nc.variables().get("time").type();
        }
        assertThat(type).as("time is a double in this file").isEqualTo(6);
        for (double bad : new double[] {Double.NaN, 1e300}) {
            byte[] b = Files.readAllBytes(original);
            ByteBuffer.wrap(b).putDouble((int) begin + 8, bad); // the second step
            Path f = TestData.tempDir("bad-time").resolve("time.nc");
            Files.write(f, b);
            assertThatThrownBy(() -> CfGrid.open(f, null)).isInstanceOf(FileFormatException.class)
                    .hasMessageStartingWith("time.nc, time[1]: time value " + bad).hasMessageContaining("is not a date");
        }
    }

    /** Fuzz finding (seed 31337, #969): one flipped bit in a tag made the decoder report 'For input string: ""'. */
    @Test
    void aDamagedTagIsReportedAsSuch() throws Exception {
        byte[] b = Files.readAllBytes(TestData.reference("satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"));
        b[180] ^= 1;
        Path f = TestData.tempDir("bad-tag").resolve("tag.tif");
        Files.write(f, b);
        assertThatThrownBy(() -> CfGrid.open(f, null)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("tag.tif: cannot be decoded as TIFF (its tag directory is damaged)").hasMessageNotContaining("For input string");
    }

    /** Fuzz findings (seed 4242): a NetCDF-3 cut inside an attribute's padding, a NetCDF-4 size field damaged. */
    @Test
    void aHeaderCutInsidePaddingAndADamagedHdf5SizeAreRefused() throws Exception {
        byte[] nc = Files.readAllBytes(TestData.reference("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"));
        Path cut = TestData.tempDir("cut-padding").resolve("cut.nc");
        Files.write(cut, java.util.Arrays.copyOf(nc, 3459));
        assertThatThrownBy(() -> CfGrid.open(cut, null)).isInstanceOf(FileFormatException.class)
                .hasMessageStartingWith("cut.nc, header: the header ends early");
        byte[] h5 = Files.readAllBytes(TestData.reference("satellite/oisst_v21_peru_packed_netcdf4.nc"));
        h5[1927] = 127;
        Path damaged = TestData.tempDir("hdf5-size").resolve("size.nc");
        Files.write(damaged, h5);
        assertThatThrownBy(() -> {
            try (CfGrid g = CfGrid.open(damaged, null)) {
                for (int k = 0; k < g.times().length; k++) {
                    g.step(k);
                }
            }
        }).isInstanceOf(FileFormatException.class).hasMessageStartingWith("size.nc, ");
    }
}
