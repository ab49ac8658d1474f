package pe.cardumen.io.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.io.FileFormatException;

/** The real NetCDF-3 files of sample-data/satellite (and one test reference) and their published statistics. */
class NetcdfSatelliteTest {
    private static Path sat(String name) {
        return TestData.referenceData().resolve("satellite").resolve(name);
    }

    static double[] stats(CfGrid g) throws Exception {
        long n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int t = 0; t < g.times().length; t++) {
            for (float v : g.step(t)) {
                if (!Float.isNaN(v)) {
                    n++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
        }
        return new double[] {n, min, max, sum / n};
    }

    @Test
    void oisstMatchesTheManifest() throws Exception {
        Path f = sat("oisst_v21_peru_2026-01-01_2026-02-15.nc");
        assertThat(NetcdfClassicFile.probe(f)).isTrue();
        try (CfGrid g = CfGrid.open(f, null)) {
            assertThat(g.variableName()).isEqualTo("sst");
            assertThat(g.unit()).isEqualTo("°C");
            assertThat(g.times()).hasSize(46);
            assertThat(g.times()[0]).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
            assertThat(g.times()[45]).isEqualTo(Instant.parse("2026-02-15T12:00:00Z"));
            assertThat(g.latitudes()).hasSize(49).startsWith(-15.875);
            assertThat(g.longitudes()).hasSize(49).startsWith(-81.875);
            double[] s = stats(g);
            // MANIFEST: 34,316 valid values, min 16.25, max 27.83, mean 23.3427
            assertThat((long) s[0]).isEqualTo(34316);
            assertThat(s[1]).isCloseTo(16.25, within(1e-4));
            assertThat(s[2]).isCloseTo(27.83, within(1e-4));
            assertThat(s[3]).isCloseTo(23.3427, within(1e-4));
            assertThat(g.warnings()).isEmpty();
        }
    }

    @Test
    void longitudesGivenIn0To360ArePlacedWest() throws Exception {
        try (CfGrid g = CfGrid.open(sat("erddap_modis_sst_1day_0-360lon.nc"), null)) {
            double[] lon = g.longitudes();
            // 210–211 °E is 150–149 °W
            assertThat(lon[0]).isCloseTo(-150.0, within(1e-6));
            assertThat(lon[lon.length - 1]).isCloseTo(-149.0, within(1e-6));
            assertThat(g.latitudes()[0]).isCloseTo(30.0, within(1e-6));
            assertThat(g.times()).hasSize(60);
            assertThat(g.unit()).isEqualTo("°C");
            // computed independently with SciPy's netcdf_file (raw values, _FillValue −9999999 masked):
            // 87,220 valid values, 18.865…27.004999 °C, mean 22.334249 °C
            double[] s = stats(g);
            assertThat(s[0]).isEqualTo(87_220);
            assertThat(s[1]).isCloseTo(18.865, within(1e-4));
            assertThat(s[2]).isCloseTo(27.005, within(1e-4));
            assertThat(s[3]).isCloseTo(22.334249, within(1e-4));
        }
    }

    @Test
    void chlorophyllIsFoundAndKeptInMilligramsPerCubicMetre() throws Exception {
        try (CfGrid g = CfGrid.open(sat("erddap_viirs_chla_monthly.nc"), null)) {
            assertThat(g.variableName()).isEqualTo("chla");
            assertThat(g.unit()).isEqualTo("mg m⁻³");
            assertThat(g.latitudes()).hasSize(401);
            assertThat(g.longitudes()).hasSize(134);
            // computed independently with SciPy's netcdf_file, masking _FillValue −999 and values outside
            // valid_min 0.001 … valid_max 100.1 (CF): 52,823 valid values, 0.001098…0.204074, mean 0.062082
            double[] s = stats(g);
            assertThat(s[0]).isEqualTo(52_823);
            assertThat(s[1]).isCloseTo(0.001098, within(1e-6));
            assertThat(s[2]).isCloseTo(0.204074, within(1e-6));
            assertThat(s[3]).isCloseTo(0.062082, within(1e-6));
        }
    }

    @Test
    void brokenFilesGetClearMessages() throws Exception {
        Path dir = TestData.tempDir("nc");
        byte[] bytes = Files.readAllBytes(sat("oisst_v21_peru_2026-01-01_2026-02-15.nc"));
        Path cut = dir.resolve("cut.nc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (CfGrid g = CfGrid.open(cut, null)) {
            g.step(0);
            assertThatThrownBy(() -> g.step(45)).isInstanceOf(FileFormatException.class).hasMessageContaining("cut.nc, byte")
                    .hasMessageContaining("the file is truncated");
        }
        Path header = dir.resolve("header.nc");
        Files.write(header, java.util.Arrays.copyOf(bytes, 200));
        assertThatThrownBy(() -> CfGrid.open(header, null)).isInstanceOf(FileFormatException.class).hasMessageContaining("header.nc, byte ")
                .hasMessageContaining("truncated");
        byte[] h5 = Files.readAllBytes(sat("oisst_v21_peru_packed_netcdf4.nc"));
        Path cut4 = dir.resolve("cut4.nc");
        Files.write(cut4, java.util.Arrays.copyOf(h5, h5.length / 2));
        assertThatThrownBy(() -> {
            try (CfGrid g = CfGrid.open(cut4, null)) {
                for (int t = 0; t < g.times().length; t++) {
                    g.step(t);
                }
            }
        }).isInstanceOf(FileFormatException.class).hasMessageContaining("cut4.nc").hasMessageContaining("truncated");
        Path text = dir.resolve("text.nc");
        Files.writeString(text, "not a netcdf file at all");
        assertThatThrownBy(() -> CfGrid.open(text, null)).hasMessageContaining("text.nc, byte 0").hasMessageContaining("no 'CDF' magic");
        assertThatThrownBy(() -> CfGrid.open(sat("oisst_v21_peru_2026-01-01_2026-02-15.nc"), "salinity"))
                .hasMessageContaining("has no variable 'salinity'").hasMessageContaining("sst");
    }

    @Test
    void cfTimeUnitsAndCalendars() {
        assertThat(CfTime.parse("seconds since 1970-01-01T00:00:00Z", null).toInstant(1.7672688e9)).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        // OISST's native files: days since 1978-01-01 12:00:00; day 17532 = 2026-01-01 12:00
        assertThat(CfTime.parse("days since 1978-01-01 12:00:00", "standard").toInstant(17532)).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(CfTime.parse("hours since 2000-01-01", "proleptic_gregorian").toInstant(36)).isEqualTo(Instant.parse("2000-01-02T12:00:00Z"));
        // noleap: 365 days after 2000-01-01 is 2001-01-01 (no 29 February), and day 59 is 1 March
        assertThat(CfTime.parse("days since 2000-01-01", "noleap").toInstant(365)).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(CfTime.parse("days since 2000-01-01", "365_day").toInstant(59)).isEqualTo(Instant.parse("2000-03-01T00:00:00Z"));
        // julian: 1 January 2000 in the Julian calendar is 14 January 2000 (Gregorian)
        assertThat(CfTime.parse("days since 2000-01-01", "julian").toInstant(0)).isEqualTo(Instant.parse("2000-01-14T00:00:00Z"));
        assertThatThrownBy(() -> CfTime.parse("fortnights since 2000-01-01", null)).hasMessageContaining("not seconds, minutes, hours or days");
        assertThatThrownBy(() -> CfTime.parse("days since 2000-01-01", "all_leap")).hasMessageContaining("not supported");
    }

    /** The packed NetCDF-4 file (int16 × 0.01, deflate + shuffle, 0–360 longitudes) holds the same values as the NetCDF-3 one. */
    @Test
    void packedNetcdf4EqualsNetcdf3CellByCell() throws Exception {
        try (CfGrid nc3 = CfGrid.open(sat("oisst_v21_peru_2026-01-01_2026-02-15.nc"), null);
             CfGrid nc4 = CfGrid.open(sat("oisst_v21_peru_packed_netcdf4.nc"), null)) {
            assertThat(Hdf5GridSource.probe(sat("oisst_v21_peru_packed_netcdf4.nc"))).isTrue();
            assertThat(nc4.format()).isEqualTo("NetCDF-4/HDF5");
            assertThat(nc4.times()).containsExactly(nc3.times());
            double[] lat3 = nc3.latitudes();
            double[] lon3 = nc3.longitudes();
            double[] lat4 = nc4.latitudes();
            double[] lon4 = nc4.longitudes();
            int compared = 0;
            for (int t = 0; t < nc3.times().length; t++) {
                float[] a = nc3.step(t);
                float[] b = nc4.step(t);
                for (int i = 0; i < lat3.length; i++) {
                    int i4 = index(lat4, lat3[i]);
                    for (int j = 0; j < lon3.length; j++) {
                        int j4 = index(lon4, lon3[j]);
                        float x = a[i * lon3.length + j];
                        float y = b[i4 * lon4.length + j4];
                        assertThat(Float.isNaN(y)).as("missing at step %d cell %d,%d", t, i, j).isEqualTo(Float.isNaN(x));
                        if (!Float.isNaN(x)) {
                            assertThat((double) y).isCloseTo(x, within(1e-4));
                            compared++;
                        }
                    }
                }
            }
            assertThat(compared).isEqualTo(34316);
        }
    }

    private static int index(double[] axis, double value) {
        for (int i = 0; i < axis.length; i++) {
            if (Math.abs(axis[i] - value) < 1e-6) {
                return i;
            }
        }
        throw new AssertionError(value + " not on the axis");
    }

    /**
     * The Float32 + LZW + predictor-2 GeoTIFF equals day 15 (2026-01-15) of the NetCDF-3 file cell by cell
     * — the case Apache SIS 1.6 decodes wrongly without an error — and its statistics are the MANIFEST's.
     */
    @Test
    void geoTiffWithPredictorEqualsTheNetcdfDay() throws Exception {
        Path tif = sat("oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif");
        assertThat(GeoTiffGridSource.probe(tif)).isTrue();
        try (CfGrid g = CfGrid.open(tif, null, java.util.List.of(Instant.parse("2026-01-15T12:00:00Z")));
             CfGrid nc = CfGrid.open(sat("oisst_v21_peru_2026-01-01_2026-02-15.nc"), null)) {
            assertThat(g.format()).isEqualTo("GeoTIFF");
            assertThat(g.times()).containsExactly(Instant.parse("2026-01-15T12:00:00Z"));
            double[] s = stats(g);
            assertThat(s[1]).isCloseTo(17.60, within(1e-4));
            assertThat(s[2]).isCloseTo(25.71, within(1e-4));
            assertThat(s[3]).isCloseTo(22.644, within(1e-3));
            assertThat(nc.times()[14]).isEqualTo(Instant.parse("2026-01-15T12:00:00Z"));
            float[] a = nc.step(14);
            float[] b = g.step(0);
            double[] latN = nc.latitudes();
            double[] lonN = nc.longitudes();
            double[] latT = g.latitudes();
            double[] lonT = g.longitudes();
            int compared = 0;
            for (int i = 0; i < latN.length; i++) {
                int it = index(latT, latN[i]);
                for (int j = 0; j < lonN.length; j++) {
                    int jt = index(lonT, lonN[j]);
                    float x = a[i * lonN.length + j];
                    float y = b[it * lonT.length + jt];
                    assertThat(Float.isNaN(y)).as("missing at %d,%d", i, j).isEqualTo(Float.isNaN(x));
                    if (!Float.isNaN(x)) {
                        assertThat(y).isEqualTo(x);
                        compared++;
                    }
                }
            }
            assertThat(compared).isEqualTo((int) s[0]).isGreaterThan(700);
            assertThat(g.warnings()).isEmpty();
        }
        // GDAL kept the NetCDF attributes in its metadata tag: the variable's name, units and the band's
        // date (NETCDF_DIM_time=1768478400 with time#units "seconds since 1970-01-01T00:00:00Z")
        try (CfGrid self = CfGrid.open(tif, null, null)) {
            assertThat(self.variableName()).isEqualTo("sst");
            assertThat(self.unit()).isEqualTo("°C");
            assertThat(self.times()).containsExactly(Instant.parse("2026-01-15T12:00:00Z"));
            assertThat(self.warnings()).isEmpty();
        }
    }

    /** An ERDDAP .csv (names, then units) written from the NetCDF-3 file's first two days gives the same grid. */
    @Test
    void erddapCsvWithUnitsRowEqualsTheNetcdf() throws Exception {
        Path csv = TestData.tempDir("erddap").resolve("oisst.csv");
        try (CfGrid nc = CfGrid.open(sat("oisst_v21_peru_2026-01-01_2026-02-15.nc"), null)) {
            StringBuilder sb = new StringBuilder("time,zlev,latitude,longitude,sst\nUTC,m,degrees_north,degrees_east,degree_C\n");
            double[] lat = nc.latitudes();
            double[] lon = nc.longitudes();
            for (int t = 0; t < 2; t++) {
                float[] v = nc.step(t);
                // ERDDAP writes latitude descending here, to check the order does not matter
                for (int i = lat.length - 1; i >= 0; i--) {
                    for (int j = 0; j < lon.length; j++) {
                        float x = v[i * lon.length + j];
                        sb.append(nc.times()[t]).append(",0.0,").append(lat[i]).append(',').append(lon[j]).append(',')
                                .append(Float.isNaN(x) ? "NaN" : Float.toString(x)).append('\n');
                    }
                }
            }
            Files.writeString(csv, sb.toString());
            try (CfGrid g = CfGrid.open(csv, null)) {
                assertThat(g.format()).isEqualTo("ERDDAP CSV");
                assertThat(g.unit()).isEqualTo("°C");
                assertThat(g.times()).containsExactly(nc.times()[0], nc.times()[1]);
                for (int t = 0; t < 2; t++) {
                    float[] a = nc.step(t);
                    float[] b = g.step(t);
                    double[] glat = g.latitudes();
                    for (int i = 0; i < lat.length; i++) {
                        int gi = index(glat, lat[i]);
                        for (int j = 0; j < lon.length; j++) {
                            float x = a[i * lon.length + j];
                            float y = b[gi * lon.length + j];
                            assertThat(Float.isNaN(y)).isEqualTo(Float.isNaN(x));
                            if (!Float.isNaN(x)) {
                                assertThat(y).isEqualTo(x);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void erddapCsvpWithUnitsInTheHeader() throws Exception {
        try (CfGrid g = CfGrid.open(Path.of("src/test/resources/fixtures/satellite-erddap.csvp"), null)) {
            assertThat(g.variableName()).isEqualTo("chlor_a");
            assertThat(g.unit()).isEqualTo("mg m⁻³");
            assertThat(g.latitudes()).containsExactly(-12.5, -12.0);
            assertThat(g.longitudes()).containsExactly(-78.0, -77.5);
            float[] v = g.step(0);
            assertThat(v[0]).isEqualTo(10.25f);
            assertThat(v[1]).isNaN();
            assertThat(v[2]).isEqualTo(2.5f);
            assertThat(v[3]).isNaN();
            assertThat(g.warnings()).singleElement().asString().contains("line 6").contains("oops");
        }
    }
}
