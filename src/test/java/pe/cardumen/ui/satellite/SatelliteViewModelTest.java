package pe.cardumen.ui.satellite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.app.SatelliteLoader;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.render.ColourRamp;
import pe.cardumen.ui.map.MapViewModel;

/** The satellite panel's state over the real OISST and VIIRS files, without a window. */
class SatelliteViewModelTest {
    private static SatelliteLoader.LoadedGrid oisst;
    private final MapViewModel map = new MapViewModel();
    private final SatelliteViewModel model = new SatelliteViewModel(map, ResourceBundle.getBundle("pe.cardumen.ui.messages", Locale.ENGLISH));

    @BeforeAll
    static void load() throws Exception {
        oisst = new SatelliteLoader().load(TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"), null, TestData.fullGrid(),
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void steppingThroughTheFileShowsEveryDayWithTheManifestStatistics() {
        model.show(oisst);
        assertThat(oisst.steps().length).isEqualTo(46);
        assertThat(model.titleProperty().get()).contains("sst").contains("2026-01-01").contains("°C");
        // MANIFEST.md, computed independently over the whole file: 34,316 valid values, 16.25…27.83 °C, mean 23.3427 °C
        int valid = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int k = 0; k < 46; k++) {
            model.stepProperty().set(k);
            for (float v : map.rasterProperty().get().values()) {
                if (!Float.isNaN(v)) {
                    valid++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                }
            }
        }
        assertThat(model.titleProperty().get()).contains("2026-02-15");
        assertThat(valid).isEqualTo(34_316);
        assertThat(min).isCloseTo(16.25, within(1e-4));
        assertThat(max).isCloseTo(27.83, within(1e-4));
        assertThat(sum / valid).isCloseTo(23.3427, within(1e-4));
        assertThat(model.legendProperty().get().log()).isFalse();
        assertThat(model.legendProperty().get().ramp()).isEqualTo(ColourRamp.THERMAL);
    }

    @Test
    void zoneMeansLieWithinTheGridsRangeAndFollowTheStep() {
        model.show(oisst);
        Map<String, Double> first = Map.copyOf(map.zoneSatelliteProperty().get());
        assertThat(first.size()).as("zones with SST on the first day").isGreaterThan(400);
        assertThat(first.values()).allSatisfy(v -> assertThat(v).isBetween(16.25, 27.83));
        model.stepProperty().set(45);
        assertThat(model.titleProperty().get()).contains("2026-02-15");
        assertThat(map.zoneSatelliteProperty().get()).isNotEqualTo(first);
        model.next();
        assertThat(model.stepProperty().get()).as("play wraps round to the first day").isZero();
        assertThat(map.zoneSatelliteProperty().get()).isEqualTo(first);
    }

    @Test
    void anomaliesOfAZoneSumToZeroOverTheLoadedDates() {
        model.show(oisst);
        model.zoneModeProperty().set(SatelliteViewModel.ZoneMode.ANOMALY);
        Map<String, double[]> sums = new HashMap<>();
        for (int k = 0; k < oisst.steps().length; k++) {
            model.stepProperty().set(k);
            map.zoneSatelliteProperty().get().forEach((zone, a) -> {
                double[] s = sums.computeIfAbsent(zone, z -> new double[3]);
                s[0] += a;
                s[1]++;
                s[2] = Math.max(s[2], Math.abs(a));
            });
        }
        List<String> complete = sums.entrySet().stream().filter(e -> e.getValue()[1] == 46).map(Map.Entry::getKey).toList();
        assertThat(complete).hasSizeGreaterThan(400);
        for (String zone : complete) {
            assertThat(sums.get(zone)[0]).as(zone).isCloseTo(0, within(1e-9));
        }
        assertThat(complete.stream().mapToDouble(z -> sums.get(z)[2]).max().orElse(0)).as("the field changes over six weeks").isGreaterThan(0.5);
        assertThat(map.zoneSatelliteTitleProperty().get()).contains("anomaly").contains("[°C]");
    }

    @Test
    void hidingTheGridKeepsTheZoneValues() {
        model.show(oisst);
        model.showGridProperty().set(false);
        assertThat(map.rasterProperty().get()).isNull();
        assertThat(map.zoneSatelliteProperty().get()).isNotEmpty();
        model.clear();
        assertThat(map.zoneSatelliteProperty().get()).isEmpty();
        assertThat(model.titleProperty().get()).isEmpty();
    }

    @Test
    void chlorophyllIsShownOnALogScale() throws Exception {
        var chla = new SatelliteLoader().load(TestData.referenceData().resolve("satellite/erddap_viirs_chla_monthly.nc"), null, null, ProgressListener.NONE,
                CancellationToken.NONE);
        model.show(chla);
        var legend = model.legendProperty().get();
        assertThat(legend.log()).isTrue();
        assertThat(legend.ramp()).isEqualTo(ColourRamp.CHLOROPHYLL);
        assertThat(legend.min()).isPositive();
        assertThat(legend.max()).isGreaterThan(legend.min());
        assertThat(legend.title()).contains("mg");
        assertThat(map.zoneSatelliteProperty().get()).as("no zones given").isEmpty();
    }

    /**
     * During Play the classes never change: the scale is the same object of limits on every date and
     * covers every zone's mean on every date, so a colour means the same temperature all along (before,
     * quantiles of each date's values re-classed the zones at every step).
     */
    @Test
    void zoneClassesStayFixedFromDateToDate() {
        model.show(oisst);
        var scale = map.zoneSatelliteScaleProperty().get();
        assertThat(scale).isNotNull();
        assertThat(scale.diverging()).isFalse();
        double[] b = scale.breaks();
        for (int k = 0; k < oisst.steps().length; k++) {
            model.stepProperty().set(k);
            assertThat(map.zoneSatelliteScaleProperty().get().breaks()).as("date " + k).containsExactly(b);
            assertThat(map.zoneSatelliteProperty().get().values()).allSatisfy(v -> assertThat(v).isBetween(b[0], b[b.length - 1]));
        }
        // the same temperature gets the same colour on the first and last date
        var c0 = pe.cardumen.render.Choropleth.fixed("", b, ColourRamp.THERMAL);
        model.stepProperty().set(45);
        var c45 = pe.cardumen.render.Choropleth.fixed("", map.zoneSatelliteScaleProperty().get().breaks(), ColourRamp.THERMAL);
        assertThat(c45.colourOf(22.0)).isEqualTo(c0.colourOf(22.0));
    }

    /** Anomalies are classed symmetrically about zero on a diverging ramp: a negative anomaly is blue, never dark red. */
    @Test
    void anomaliesAreDivergingAndCentredOnZero() {
        model.show(oisst);
        model.zoneModeProperty().set(SatelliteViewModel.ZoneMode.ANOMALY);
        var scale = map.zoneSatelliteScaleProperty().get();
        assertThat(scale.diverging()).isTrue();
        double[] b = scale.breaks();
        assertThat(b[0]).isCloseTo(-b[b.length - 1], within(1e-12));
        var c = pe.cardumen.render.Choropleth.fixed("", b, ColourRamp.BLUE_WHITE_RED);
        int negative = c.colourOf(b[0] * 0.9);
        int zero = c.colourOf(0);
        assertThat(negative & 0xFF).as("blue channel of a cold anomaly").isGreaterThan((negative >> 16) & 0xFF);
        assertThat(zero).as("zero is the white middle class").isEqualTo(ColourRamp.BLUE_WHITE_RED.colourAt(0.5));
        // fixed for the whole file too
        model.stepProperty().set(20);
        assertThat(map.zoneSatelliteScaleProperty().get().breaks()).containsExactly(b);
    }
}
