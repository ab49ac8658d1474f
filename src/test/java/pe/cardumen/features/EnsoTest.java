package pe.cardumen.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.NinoMonth;
import pe.cardumen.domain.OniSeason;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.indices.EnsoIndexReader;

/** ICEN and ONI from NOAA CPC's real files. */
class EnsoTest {
    private static List<NinoMonth> months;
    private static List<OniSeason> oni;
    private final Enso enso = new Enso(EnsoThresholds.defaults());

    @BeforeAll
    static void read() throws Exception {
        EnsoIndexReader r = new EnsoIndexReader();
        months = r.readNinoRegions(TestData.referenceData().resolve("indices/ersst5.nino.mth.91-20.ascii"));
        oni = r.readOni(TestData.referenceData().resolve("indices/oni.ascii.txt"));
    }

    @Test
    void readsEveryRowOfTheCpcFiles() {
        // 1950-01 … 2021-09 and DJF 1950 … FMA 2025 (the redistributor's note line is skipped)
        assertThat(months).hasSize(71 * 12 + 9);
        assertThat(months.get(0).month()).isEqualTo(YearMonth.of(1950, 1));
        assertThat(months.get(0).nino12C()).isEqualTo(23.01);
        assertThat(months.get(0).nino12AnomC()).isEqualTo(-1.55);
        assertThat(months.get(months.size() - 1).nino34AnomC()).isEqualTo(-0.50);
        assertThat(oni).hasSize(75 * 12 + 3);
        assertThat(oni.get(0).season()).isEqualTo("DJF");
        assertThat(oni.get(0).centre()).isEqualTo(YearMonth.of(1950, 1));
        assertThat(oni.get(oni.size() - 1).centre()).isEqualTo(YearMonth.of(2025, 3));
    }

    @Test
    void runningMeanOfAHandMadeSeries() {
        Map<YearMonth, Double> a = new TreeMap<>();
        double[] v = {0.0, 0.3, 0.9, 1.2, -0.6};
        for (int i = 0; i < v.length; i++) {
            a.put(YearMonth.of(2020, i + 1), v[i]);
        }
        Map<YearMonth, Double> m = Enso.runningMean3(a);
        // (0 + 0.3 + 0.9)/3 = 0.4; (0.3 + 0.9 + 1.2)/3 = 0.8; (0.9 + 1.2 − 0.6)/3 = 0.5; the ends have no neighbour
        assertThat(m).hasSize(3);
        assertThat(m.get(YearMonth.of(2020, 2))).isCloseTo(0.4, within(1e-12));
        assertThat(m.get(YearMonth.of(2020, 3))).isCloseTo(0.8, within(1e-12));
        assertThat(m.get(YearMonth.of(2020, 4))).isCloseTo(0.5, within(1e-12));
        a.remove(YearMonth.of(2020, 3)); // a gap: no mean can span it
        assertThat(Enso.runningMean3(a)).isEmpty();
    }

    @Test
    void categoriesFollowEnfensThresholds() {
        assertThat(enso.category(-1.5)).isEqualTo(Enso.IcenCategory.COLD_STRONG);
        assertThat(enso.category(-1.4)).isEqualTo(Enso.IcenCategory.COLD_MODERATE);
        assertThat(enso.category(-1.0)).isEqualTo(Enso.IcenCategory.NEUTRAL);
        assertThat(enso.category(0.4)).isEqualTo(Enso.IcenCategory.NEUTRAL);
        assertThat(enso.category(0.41)).isEqualTo(Enso.IcenCategory.WARM_WEAK);
        assertThat(enso.category(1.7)).isEqualTo(Enso.IcenCategory.WARM_MODERATE);
        assertThat(enso.category(3.01)).isEqualTo(Enso.IcenCategory.WARM_EXTRAORDINARY);
    }

    @Test
    void knownEventsAppearInTheIcen() {
        Map<YearMonth, Enso.IcenMonth> icen = enso.icen(months).stream().collect(Collectors.toMap(Enso.IcenMonth::month, m -> m));
        // 1997–98: extraordinary; 2015–16: strong; 2017: the coastal El Niño (moderate)
        for (YearMonth m = YearMonth.of(1997, 6); !m.isAfter(YearMonth.of(1998, 3)); m = m.plusMonths(1)) {
            assertThat(icen.get(m).icenC()).as(m.toString()).isGreaterThan(1.0);
            assertThat(icen.get(m).event()).isEqualTo("el-nino-costero");
        }
        assertThat(icen.get(YearMonth.of(1997, 11)).category()).isEqualTo(Enso.IcenCategory.WARM_EXTRAORDINARY);
        for (YearMonth m = YearMonth.of(2015, 10); !m.isAfter(YearMonth.of(2016, 1)); m = m.plusMonths(1)) {
            assertThat(icen.get(m).icenC()).as(m.toString()).isGreaterThan(1.0);
        }
        assertThat(icen.get(YearMonth.of(2017, 3)).category()).isEqualTo(Enso.IcenCategory.WARM_MODERATE);
        // ICEN of 1997-11 by hand from the file's anomalies of Oct, Nov, Dec 1997: (3.67 + 4.47 + 4.25)/3
        assertThat(icen.get(YearMonth.of(1997, 11)).icenC()).isCloseTo((3.67 + 4.47 + 4.25) / 3, within(1e-9));
        // a single warm month is not an event
        long lonely = enso.icen(months).stream().filter(m -> m.category().isWarm() && m.event().isEmpty()).count();
        assertThat(lonely).isGreaterThan(0);
    }

    @Test
    void oniPhasesNeedFiveSeasons() {
        Map<YearMonth, String> phase = enso.oniPhases(oni).stream().collect(Collectors.toMap(p -> p.season().centre(), Enso.OniPhase::phase));
        assertThat(phase.get(YearMonth.of(1997, 12))).isEqualTo("el-nino");
        assertThat(phase.get(YearMonth.of(2015, 12))).isEqualTo("el-nino");
        assertThat(phase.get(YearMonth.of(2010, 12))).isEqualTo("la-nina");
        assertThat(phase.get(YearMonth.of(1997, 3))).isEqualTo("neutral");
    }

    @Test
    void thresholdsAreConfigurable() throws Exception {
        Path f = TestData.tempDir("enso").resolve("strict.properties");
        String text = new String(EnsoThresholds.class.getResourceAsStream("enso-thresholds.properties").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("icen.warm.weak=0.4", "icen.warm.weak=0.9");
        Files.writeString(f, text);
        Enso strict = new Enso(EnsoThresholds.load(f));
        assertThat(strict.category(0.8)).isEqualTo(Enso.IcenCategory.NEUTRAL);
        Files.writeString(f, text.replace("icen.cold.weak=-1.0", "icen.cold.weak=cold"));
        assertThatThrownBy(() -> EnsoThresholds.load(f)).hasMessageContaining("'icen.cold.weak' = 'cold' is not a number");
    }

    @Test
    void aBrokenRowIsReportedWithItsLine() throws Exception {
        Path f = TestData.tempDir("enso").resolve("oni.txt");
        Files.writeString(f, " SEAS  YR   TOTAL   ANOM\n  DJF 1950  24.72  -1.53\n  XYZ 1950  25.17  -1.34\n");
        assertThatThrownBy(() -> new EnsoIndexReader().readOni(f)).isInstanceOf(FileFormatException.class)
                .hasMessageContaining("oni.txt, line 3").hasMessageContaining("XYZ 1950");
        Files.writeString(f, "nothing here\n");
        assertThatThrownBy(() -> new EnsoIndexReader().readNinoRegions(f)).hasMessageContaining("has no 'YR MON NINO1+2");
    }
}
