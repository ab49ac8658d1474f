package pe.cardumen.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pe.cardumen.geo.Ports;

/** Port labels: the bundled Natural Earth rows, drawn where they are, never text over text. */
class PortsLayerTest {
    private static final MapProjection PROJECTION = new MapProjection();

    @Test
    void bundledPortsAreNaturalEarthsPeruvianPortsMostImportantFirst() throws Exception {
        List<Ports.Port> ports = Ports.bundled();
        Map<String, Ports.Port> byName = ports.stream().collect(Collectors.toMap(Ports.Port::name, p -> p));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("Talara", "Chimbote", "Callao", "Pisco", "Matarani", "Mollendo", "Ilo");
        // Natural Earth ne_10m_ports, feature ne_id 1730087653 (Callao) and 1730088259 (Chimbote), as published
        assertThat(byName.get("Callao").lon()).isCloseTo(-77.1418139, within(1e-9));
        assertThat(byName.get("Callao").lat()).isCloseTo(-12.04527778, within(1e-9));
        assertThat(byName.get("Chimbote").lat()).isCloseTo(-9.076666667, within(1e-9));
        // every port is on Peru's coast: within a few km of the bundled mainland line, all inside the working latitudes
        assertThat(ports).allSatisfy(p -> assertThat(p.lat()).isBetween(-18.4, -3.3));
        assertThat(ports.get(0).scalerank()).isLessThanOrEqualTo(ports.get(ports.size() - 1).scalerank());
    }

    @Test
    void labelsNeverOverlapAtAnyZoomAndTheLessImportantGivesWay() throws Exception {
        PortsLayer layer = new PortsLayer(Ports.bundled(), PROJECTION);
        Java2DCanvas fm = Java2DCanvas.on(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE));
        double[] c = PROJECTION.project(-76, -11);
        for (double mpp = 200; mpp <= 8000; mpp *= 1.5) {
            List<PortsLayer.Placed> placed = layer.place(new MapViewport(c[0], c[1], mpp, 1200, 900), fm);
            List<PortsLayer.Placed> labelled = placed.stream().filter(p -> p.label() != null).toList();
            for (int i = 0; i < labelled.size(); i++) {
                for (int j = i + 1; j < labelled.size(); j++) {
                    assertThat(labelled.get(i).label().intersects(labelled.get(j).label()))
                            .as("%s and %s at %s m/px", labelled.get(i).port().name(), labelled.get(j).port().name(), mpp).isFalse();
                }
            }
            if (mpp > 3000) {
                // Matarani and Mollendo are 10 km apart: zoomed out Matarani (Natural Earth rank 8) gives way and
                // keeps only its mark; Callao, alone on its stretch of coast, is always labelled
                List<String> names = labelled.stream().map(p -> p.port().name()).toList();
                assertThat(names).contains("Callao", "Chimbote", "Talara").doesNotContain("Matarani");
                assertThat(placed.stream().map(p -> p.port().name())).contains("Matarani");
            }
        }
    }

    @Test
    void callaoIsMarkedAtItsPosition() throws Exception {
        double[] c = PROJECTION.project(-77.1418139, -12.04527778);
        MapViewport v = new MapViewport(c[0], c[1], 500, 400, 300);
        BufferedImage img = new MapRenderer().render(List.of(new PortsLayer(Ports.bundled(), PROJECTION)), new MapFrame(v));
        assertThat(img.getRGB(200, 150) & 0xFFFFFF).isEqualTo(0x2B2F33);
        // the label is drawn to the east (land side): dark text pixels right of the mark, none to the west
        assertThat(darkPixels(img, 206, 260, 140, 160)).isGreaterThan(10);
        assertThat(darkPixels(img, 140, 194, 140, 160)).isZero();
    }

    private static int darkPixels(BufferedImage img, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) > 200 && (argb & 0xFF) < 80) {
                    n++;
                }
            }
        }
        return n;
    }
}
