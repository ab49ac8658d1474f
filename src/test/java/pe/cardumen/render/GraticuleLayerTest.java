package pe.cardumen.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraticuleLayerTest {
    @Test
    void labelsUseDegreesAndMinutes() {
        assertThat(GraticuleLayer.latitude(-12.5, 0.5)).isEqualTo("12°30′S");
        assertThat(GraticuleLayer.longitude(-78, 1)).isEqualTo("78°W");
        assertThat(GraticuleLayer.latitude(0, 1)).isEqualTo("0°");
    }

    /** On paper (a point is half a screen pixel) the lines are as far apart in pixels as on the screen. */
    @Test
    void spacingFollowsTheCanvasUnit() {
        MapProjection p = new MapProjection();
        MapViewport screen = MapRenderer.peru(p, 1600, 1000);
        MapViewport paper = MapRenderer.peru(p, 800, 500);
        assertThat(GraticuleLayer.step(paper, p, 80 * 0.5)).isEqualTo(GraticuleLayer.step(screen, p));
    }
}
