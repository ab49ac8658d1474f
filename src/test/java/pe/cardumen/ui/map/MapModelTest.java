package pe.cardumen.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import pe.cardumen.TestData;
import pe.cardumen.geo.Geodesy;
import pe.cardumen.render.Choropleth;
import pe.cardumen.render.ColourRamp;
import pe.cardumen.render.MapProjection;
import pe.cardumen.render.MapViewport;
import pe.cardumen.render.ScaleBarModel;
import pe.cardumen.render.ZoneClasses;

/** The map's pure parts: viewport arithmetic, scale bar, class breaks, colour ramps, view model. */
class MapModelTest {
    private final MapProjection projection = new MapProjection();

    @Test
    void zoomKeepsTheAnchorPointFixedAndPanFollowsThePointer() {
        long seed = 42;
        System.out.println("zoomKeepsTheAnchorPointFixed seed " + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            MapViewport v = new MapViewport(-8.9e6 + r.nextGaussian() * 1e5, -1.2e6 + r.nextGaussian() * 1e5, 100 + r.nextDouble() * 5000, 1600, 1000);
            double ax = r.nextDouble() * 1600;
            double ay = r.nextDouble() * 1000;
            double wx = v.worldX(ax);
            double wy = v.worldY(ay);
            MapViewport z = v.zoomed(Math.pow(2, r.nextDouble() * 4 - 2), ax, ay);
            assertThat(z.worldX(ax)).isCloseTo(wx, within(1e-6 * Math.abs(wx)));
            assertThat(z.worldY(ay)).isCloseTo(wy, within(1e-6 * Math.abs(wy) + 1e-6));
            MapViewport p = v.panned(35, -20);
            assertThat(p.screenX(wx)).isCloseTo(ax + 35, within(1e-6));
            assertThat(p.screenY(wy)).isCloseTo(ay - 20, within(1e-6));
            assertThat(v.screenX(v.worldX(ax))).isCloseTo(ax, within(1e-6));
        }
    }

    @Test
    void fitShowsTheWholeEnvelope() {
        Envelope e = new Envelope(-9.7e6, -7.7e6, -2.1e6, -0.3e6);
        MapViewport v = MapViewport.fit(e, 1200, 800, 0.05);
        assertThat(v.worldEnvelope().contains(e)).isTrue();
    }

    @Test
    void scaleBarIsRoundAndGeodesicallyTrue() {
        double[] c = projection.project(-78, -12);
        MapViewport v = new MapViewport(c[0], c[1], 1000, 1600, 1000);
        ScaleBarModel s = ScaleBarModel.of(v, projection, 200);
        assertThat(s.nmiPixels()).isBetween(40.0, 200.0);
        assertThat(s.nmi()).isIn(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0);
        // check against a geodesic: the bar's pixel length, measured along the parallel at the centre
        double[] a = projection.unproject(v.worldX(800 - s.nmiPixels() / 2), c[1]);
        double[] b = projection.unproject(v.worldX(800 + s.nmiPixels() / 2), c[1]);
        assertThat(Geodesy.distanceNmi(a[0], a[1], b[0], b[1])).isCloseTo(s.nmi(), within(s.nmi() * 0.002));
        assertThat(s.kmPixels() / s.km()).isCloseTo(s.nmiPixels() / s.nmi() / 1.852, within(1e-6 * s.kmPixels()));
        MapViewport zoomed = v.zoomed(4, 800, 500);
        assertThat(ScaleBarModel.of(zoomed, projection, 200).nmi()).isLessThan(s.nmi());
    }

    @Test
    void quantileClassesSplitTheZonesEvenly() {
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            values[i] = i;
        }
        Choropleth c = Choropleth.quantiles("x", values, 5, ColourRamp.VIRIDIS);
        assertThat(c.classes()).isEqualTo(5);
        assertThat(c.breaks()).containsExactly(0, 19.8, 39.6, 59.4, 79.2, 99);
        int[] counts = new int[5];
        for (double v : values) {
            for (int k = 0; k < 5; k++) {
                if (c.colourOf(v) == c.colours()[k]) {
                    counts[k]++;
                }
            }
        }
        assertThat(counts).containsExactly(20, 20, 20, 20, 20);
        assertThat(c.colourOf(Double.NaN)).isZero();
        Choropleth constant = Choropleth.quantiles("x", new double[] {3, 3, 3}, 5, ColourRamp.VIRIDIS);
        assertThat(constant.classes()).isEqualTo(1);
    }

    /** Biomass: 80 zones of 0 and 20 with fish — 0 gets its own class, the fish five quantile classes of four zones each. */
    @Test
    void zeroInflatedValuesGetAZeroClassAndQuantilesOfTheRest() {
        double[] values = new double[101];
        for (int i = 0; i < 20; i++) {
            values[80 + i] = i + 1;
        }
        values[100] = Double.NaN;
        Choropleth c = Choropleth.zeroAndQuantiles("t", values, 5, ColourRamp.VIRIDIS, 0xFFEEEEEE);
        assertThat(c.classes()).isEqualTo(6);
        assertThat(c.singleValue(0)).isTrue();
        assertThat(c.breaks()).containsExactly(new double[] {0, 0, 4.8, 8.6, 12.4, 16.2, 20}, org.assertj.core.api.Assertions.within(1e-9));
        int[] counts = new int[6];
        for (double v : values) {
            for (int k = 0; k < 6; k++) {
                if (c.colourOf(v) == c.colours()[k]) {
                    counts[k]++;
                }
            }
        }
        assertThat(counts).containsExactly(80, 4, 4, 4, 4, 4);
        assertThat(c.colourOf(0)).isEqualTo(0xFFEEEEEE);
        // few zeros: plain quantiles
        double[] few = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(Choropleth.zeroAndQuantiles("t", few, 5, ColourRamp.VIRIDIS, 0xFFEEEEEE).breaks())
                .containsExactly(Choropleth.quantiles("t", few, 5, ColourRamp.VIRIDIS).breaks());
    }

    /** Legend limits carry the decimals their size needs, so classes of small densities do not all read "0 – 0". */
    @Test
    void legendNumbersKeepTheirSignificantDigits() {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        try {
            assertThat(MapView.legendNumber(2056.4)).isEqualTo("2,056");
            assertThat(MapView.legendNumber(23.34)).isEqualTo("23.3");
            assertThat(MapView.legendNumber(2.345)).isEqualTo("2.35");
            assertThat(MapView.legendNumber(0.2345)).isEqualTo("0.235");
            assertThat(MapView.legendNumber(0.0012)).isEqualTo("0.0012");
            assertThat(MapView.legendNumber(0)).isEqualTo("0");
            assertThat(MapView.legendNumber(-1.5)).isEqualTo("-1.50");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    /** Differences: odd classes symmetric about zero, the middle one white on the diverging ramp. */
    @Test
    void divergingClassesAreSymmetricAboutZero() {
        Choropleth c = Choropleth.diverging("d", new double[] {-2, 0.5, 7, Double.NaN}, 7, ColourRamp.BLUE_WHITE_RED);
        assertThat(c.classes()).isEqualTo(7);
        assertThat(c.breaks()[0]).isEqualTo(-7.0);
        assertThat(c.breaks()[7]).isEqualTo(7.0);
        assertThat(c.colourOf(0)).isEqualTo(ColourRamp.BLUE_WHITE_RED.colourAt(0.5));
        assertThat(c.colourOf(-7)).isEqualTo(ColourRamp.BLUE_WHITE_RED.colourAt(0));
    }

    @Test
    void rampsRunBetweenTheirEndColours() {
        assertThat(ColourRamp.VIRIDIS.colourAt(0)).isEqualTo(0xFF440154);
        assertThat(ColourRamp.VIRIDIS.colourAt(1)).isEqualTo(0xFFFDE725);
        assertThat(ColourRamp.VIRIDIS.colourAt(-3)).isEqualTo(0xFF440154);
        assertThat(ColourRamp.BLUE_WHITE_RED.colourAt(0.5)).isEqualTo(0xFFF7F7F7);
    }

    @Test
    void viewModelReportsTheZoneUnderThePointer() throws Exception {
        MapViewModel model = new MapViewModel();
        model.zonesProperty().set(TestData.fullGrid());
        var z = TestData.fullGrid().byCode("3120").orElseThrow();
        var p = z.geometry().getInteriorPoint();
        model.pointerAt(p.getX(), p.getY());
        assertThat(model.hoveredProperty().get()).isEqualTo(z);
        assertThat(model.pointerTextProperty().get()).startsWith("12°").endsWith("· 3120");
        model.pointerAt(-75, -10); // inland
        assertThat(model.hoveredProperty().get()).isNull();
        assertThat(model.pointerTextProperty().get()).isEqualTo("10°00.00′S 75°00.00′W");
        model.selectAt(p.getX(), p.getY());
        assertThat(model.selectedProperty().get()).isEqualTo(z);
    }

    /** A P50 map never makes empty ocean look populated: values under 1 t nmi⁻² share the pale near-zero class. */
    @Test
    void modelPredictionsNearZeroGetAPaleClassOfTheirOwn() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 60 ? 0.001 * (i + 1) : 10 * (i - 59);
        }
        Choropleth c = MapView.classes(ZoneAttribute.MODEL, "P50", values, new MapViewModel.ModelLayer(java.util.Map.of(), "P50", false), null);
        assertThat(c.colourOf(0.002)).isEqualTo(c.colourOf(0.9)).isEqualTo(0xFFEDEDE8);
        assertThat(c.colourOf(50)).isNotEqualTo(0xFFEDEDE8);
        assertThat(c.breaks()[1]).isEqualTo(ZoneClasses.MODEL_NEAR_ZERO_T_PER_NMI2);
        // differences stay diverging about zero
        Choropleth d = MapView.classes(ZoneAttribute.MODEL, "B − A", new double[] {-5, 0, 2}, new MapViewModel.ModelLayer(java.util.Map.of(), "", true),
                null);
        assertThat(d.breaks()[0]).isEqualTo(-5);
        assertThat(d.breaks()[d.breaks().length - 1]).isEqualTo(5);
    }

    /** The value the map is coloured by is what the details and the tooltip give, with the legend's title. */
    @Test
    void theColouredValueIsTheOneTheDetailsGive() throws Exception {
        MapViewModel m = new MapViewModel();
        var zone = pe.cardumen.TestData.fullGrid().byCode("10120").orElseThrow();
        m.zoneBiomassProperty().set(java.util.Map.of("10120", 123.456));
        m.zoneBiomassTitleProperty().set("Biomass density, survey 2025-2 (t nmi⁻²)");
        m.colourByProperty().set(ZoneAttribute.BIOMASS);
        var texts = java.util.ResourceBundle.getBundle("pe.cardumen.ui.messages", java.util.Locale.ENGLISH);
        assertThat(ZoneText.colouredValue(zone, m, texts)).containsExactly("Biomass density, survey 2025-2 (t nmi⁻²)", "123.5");
        assertThat(ZoneText.tooltip(zone, m, texts)).startsWith("Biomass density, survey 2025-2 (t nmi⁻²): 123.5\n");
        m.colourByProperty().set(ZoneAttribute.NASC);
        assertThat(ZoneText.colouredValue(zone, m, texts)[1]).isEqualTo("no value");
        m.colourByProperty().set(ZoneAttribute.AREA);
        assertThat(m.colourValue(zone)).isEqualTo(zone.areaNmi2());
    }
}
