package pe.cardumen.io.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/**
 * Projected GeoTIFFs. The fixtures in src/test/resources/grids were made with GDAL 3.6 from the
 * bundled OISST GeoTIFF (sample-data/satellite, 2026-01-15):
 * {@code gdalwarp -t_srs EPSG:32718 -tr 20000 20000 -r near -ot Float32 -dstnodata -9999 -co COMPRESS=DEFLATE}
 * (UTM 18S, 68 × 69 pixels of 20 km; gdalinfo -stats: min 17.60, max 25.71, mean 22.6469, 30.31 % valid)
 * and {@code -t_srs EPSG:24892 -tr 100000 100000} (PSAD56 / Peru central zone).
 */
class ProjectedGeoTiffTest {
    private static Path fixture(String name) throws Exception {
        return Path.of(ProjectedGeoTiffTest.class.getResource("/grids/" + name).toURI());
    }

    @Test
    void utmRasterIsPlacedOnLongitudeLatitudeWithTheOriginalValues() throws Exception {
        try (CfGrid utm = CfGrid.open(fixture("oisst_2026-01-15_utm18s.tif"), null, null);
             CfGrid geo = CfGrid.open(TestData.referenceData().resolve("satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"), null, null)) {
            assertThat(utm.format()).contains("EPSG:32718").contains("resampled");
            double[] lat = utm.latitudes();
            double[] lon = utm.longitudes();
            // the extent is the original's (−15.875…−3.875 °N, −81.875…−69.875 °E at cell centres) within a cell or two
            assertThat(lat[0]).isCloseTo(-16.0, within(0.4));
            assertThat(lat[lat.length - 1]).isCloseTo(-3.75, within(0.4));
            assertThat(lon[0]).isCloseTo(-82.0, within(0.4));
            assertThat(lon[lon.length - 1]).isCloseTo(-69.75, within(0.4));
            // nearest neighbour twice: every value is one of the original day's, and most cells find the
            // value of the original cell under them
            float[] original = geo.step(0);
            Set<Float> originalValues = new HashSet<>();
            for (float v : original) {
                if (!Float.isNaN(v)) {
                    originalValues.add(v);
                }
            }
            double[] glat = geo.latitudes();
            double[] glon = geo.longitudes();
            float[] values = utm.step(0);
            int valid = 0;
            int same = 0;
            double sum = 0;
            for (int i = 0; i < lat.length; i++) {
                for (int j = 0; j < lon.length; j++) {
                    float v = values[i * lon.length + j];
                    if (Float.isNaN(v)) {
                        continue;
                    }
                    valid++;
                    sum += v;
                    assertThat(originalValues).contains(v);
                    int gi = nearest(glat, lat[i]);
                    int gj = nearest(glon, lon[j]);
                    if (original[gi * glon.length + gj] == v) {
                        same++;
                    }
                }
            }
            assertThat(valid).isGreaterThan(500);
            assertThat((double) same / valid).as("cells that find the original cell's value").isGreaterThan(0.6);
            assertThat(sum / valid).isCloseTo(22.644, within(0.1));
        }
    }

    @Test
    void aCrsThatCannotBeUsedOfflineIsRefusedWithAHint() throws Exception {
        Path psad = fixture("oisst_psad56_peru_central.tif");
        assertThatThrownBy(() -> CfGrid.open(psad, null, null)).hasMessageContaining("oisst_psad56_peru_central.tif")
                .hasMessageContaining("EPSG:24892").hasMessageContaining("gdalwarp -t_srs EPSG:4326");
    }

    private static int nearest(double[] axis, double v) {
        int best = 0;
        for (int k = 1; k < axis.length; k++) {
            if (Math.abs(axis[k] - v) < Math.abs(axis[best] - v)) {
                best = k;
            }
        }
        return best;
    }
}
