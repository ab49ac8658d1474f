package pe.cardumen.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pe.cardumen.TestData;
import pe.cardumen.geo.Coastline;

/**
 * Zoomed out, the base map paints the open ocean as sea and the continent as land (it once painted
 * everything beyond the working box, 95° W and 28° S included, in the land colour).
 */
class BaseMapLayerTest {
    private static final MapProjection PROJECTION = new MapProjection();
    private static BufferedImage image;
    private static MapViewport viewport;

    @BeforeAll
    static void render() throws Exception {
        Coastline coast = TestData.coastline();
        double[] c = PROJECTION.project(-85, -20);
        viewport = new MapViewport(c[0], c[1], 8000, 1000, 1000);
        image = new MapRenderer().render(
                List.of(new BaseMapLayer(coast.drawnSea(), coast.land(), coast.mainland(), PROJECTION)), new MapFrame(viewport));
    }

    private static int pixel(double lon, double lat) {
        double[] w = PROJECTION.project(lon, lat);
        int x = (int) Math.round(viewport.screenX(w[0]));
        int y = (int) Math.round(viewport.screenY(w[1]));
        assertThat(x).as("lon %s on screen", lon).isBetween(0, viewport.width() - 1);
        assertThat(y).as("lat %s on screen", lat).isBetween(0, viewport.height() - 1);
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    @ParameterizedTest(name = "{0}, {1} is sea")
    @CsvSource({
        "-100, -20",   // west of the working box
        "-110, 5",
        "-108, 12",    // off Mexico
        "-90, -45",    // south of it, off Chilean Patagonia
        "-75, -33",    // off central Chile, between the working box and the drawing box
        "-80, 5",      // Colombian Pacific, north of the working box
        "-82, -12",    // inside the working box, as before
    })
    void openOceanIsSea(double lon, double lat) {
        assertThat(pixel(lon, lat)).isEqualTo(BaseMapLayer.SEA & 0xFFFFFF);
    }

    @ParameterizedTest(name = "{0}, {1} is land")
    @CsvSource({
        "-60, -10",    // Brazil
        "-65, -30",    // Argentina
        "-70, -35",    // Chile, inland of the coast at 35° S
    })
    void continentIsLand(double lon, double lat) {
        assertThat(pixel(lon, lat)).isEqualTo(BaseMapLayer.LAND & 0xFFFFFF);
    }

    @Test
    void theWidestViewStopsAtTheEasternPacific() {
        assertThat(new MapViewport(0, 0, 1e6, 10, 10).metresPerPixel()).isEqualTo(MapViewport.MAX_METRES_PER_PIXEL).isEqualTo(8000);
    }

    @Test
    void peruIsDrawnLighterThanItsNeighbours() {
        assertThat(pixel(-75, -10)).isEqualTo(BaseMapLayer.PERU & 0xFFFFFF);
    }

    @Test
    void drawnSeaIsTheScienceSeaWhereTheyOverlap() throws Exception {
        Coastline coast = TestData.coastline();
        // a zone-grid point inside the working box is at sea in both
        assertThat(coast.isAtSea(-78.5, -10.0)).isTrue();
        assertThat(coast.drawnSea().covers(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(-78.5, -10.0)))).isTrue();
        // the science sea is unchanged by the drawing: it ends at the working box
        assertThat(coast.isAtSea(-100, -20)).isFalse();
    }
}
