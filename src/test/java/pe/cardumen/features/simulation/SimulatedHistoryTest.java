package pe.cardumen.features.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.acoustics.biomass.BiomassParameters;
import pe.cardumen.app.SampleData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Zone;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.indices.EnsoIndexReader;

/**
 * The simulated survey history: reproducible by seed (the bundled copy is what seed 1 makes, byte for
 * byte), calibrated to its targets within 1 %, and driven by the real Niño 1+2 anomalies.
 */
class SimulatedHistoryTest {
    private static NinoSeries nino;
    private static Path full;
    private static List<SimulatedHistory.Survey> surveys;

    @BeforeAll
    static void generate() throws Exception {
        EnsoIndexReader reader = new EnsoIndexReader();
        nino = new NinoSeries(reader.readNinoRegions(TestData.sampleData().resolve(SampleData.NINO_REGIONS)),
                reader.readOni(TestData.sampleData().resolve(SampleData.ONI)), YearMonth.of(1998, 1));
        full = TestData.tempDir("history-seed-1");
        surveys = history(1, HistoryParameters.defaults()).write(full, ProgressListener.NONE, CancellationToken.NONE);
    }

    private static SimulatedHistory history(long seed, HistoryParameters hp) throws Exception {
        return new SimulatedHistory(TestData.fullGrid(), hp, BiomassParameters.defaults(), nino, seed);
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".aux.xml")).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), FileDigest.sha256(f));
            }
        }
        return out;
    }

    @Test
    void theBundledHistoryIsWhatSeedOneMakes() throws Exception {
        Map<String, String> bundled = digests(TestData.sampleData().resolve("simulated-history"));
        Map<String, String> made = digests(full);
        assertThat(made).hasSize(2 + 2 + 56 * 2);
        assertThat(bundled).isEqualTo(made);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        long seed = 20261126L;
        System.out.println("SimulatedHistoryTest seed " + seed);
        Path params = TestData.tempDir("history-short").resolve("short.properties");
        Files.writeString(params, "years.first=2020\nyears.last=2021\ntarget.anchors=2021-1:9.88e6\n");
        HistoryParameters hp = HistoryParameters.load(params);
        Path a = TestData.tempDir("history-a");
        Path b = TestData.tempDir("history-b");
        Path c = TestData.tempDir("history-c");
        history(seed, hp).write(a, ProgressListener.NONE, CancellationToken.NONE);
        history(seed, hp).write(b, ProgressListener.NONE, CancellationToken.NONE);
        history(seed + 1, hp).write(c, ProgressListener.NONE, CancellationToken.NONE);
        assertThat(digests(a)).hasSize(2 + 2 + 4 * 2).isEqualTo(digests(b));
        Map<String, String> other = digests(c);
        assertThat(other.get("nasc/SIMULATED-2020-1-nasc.csv")).isNotEqualTo(digests(a).get("nasc/SIMULATED-2020-1-nasc.csv"));
        // the published anchor keeps its total under any seed
        assertThat(Files.readString(c.resolve("surveys.csv"))).contains("2021-1,summer,2021-02-20,2021-04-05,2021-03,").contains(",9880000.0,");
    }

    @Test
    void everySurveyMatchesItsTargetsWithinOnePercentAndAnchorsArePublishedValues() {
        assertThat(surveys).hasSize(56);
        assertThat(surveys.get(0).id()).isEqualTo("1998-1");
        assertThat(surveys.get(55).id()).isEqualTo("2025-2");
        for (SimulatedHistory.Survey s : surveys) {
            assertThat(s.simulatedNorthT() / s.targetNorthT()).as(s.id()).isCloseTo(1, within(0.01));
            assertThat(s.simulatedSouthT() / s.targetSouthT()).as(s.id()).isCloseTo(1, within(0.01));
        }
        Map<String, Double> published = Map.of("2021-1", 9.88e6, "2024-1", 9.98e6, "2025-1", 11.0e6);
        for (SimulatedHistory.Survey s : surveys) {
            if (published.containsKey(s.id())) {
                assertThat(s.targetSource()).isEqualTo("published");
                assertThat(s.targetNorthT()).isEqualTo(published.get(s.id()));
            } else {
                assertThat(s.targetSource()).isEqualTo("model");
            }
        }
        // the 2000–2024 mean of the north–centre stock stays near DOMAIN.md's ≈ 7.5 Mt
        double mean = surveys.stream().filter(s -> s.year() >= 2000 && s.year() <= 2024).mapToDouble(SimulatedHistory.Survey::targetNorthT)
                .average().orElseThrow();
        assertThat(mean).isBetween(6.5e6, 9.5e6);
    }

    @Test
    void theRealNinoDrivesTheHistory() {
        SimulatedHistory.Survey s1998 = surveys.get(0);
        // ERSSTv5 Niño 1+2 anomalies of 1998-01..03 in the file: 3.55, 2.64, 2.74 °C
        assertThat(s1998.ninoAnomalyC()).isCloseTo((3.55 + 2.64 + 2.74) / 3, within(1e-9));
        assertThat(s1998.ninoSource()).isEqualTo(NinoSeries.Source.ERSST5);
        // the strong 1997–98 and 2015–16 El Niño surveys are among the lowest totals and have the fewest zones with fish
        double median = surveys.stream().mapToDouble(SimulatedHistory.Survey::targetNorthT).sorted().toArray()[28];
        assertThat(s1998.targetNorthT()).isLessThan(median / 2);
        SimulatedHistory.Survey s2015 = surveys.stream().filter(s -> s.id().equals("2015-2")).findFirst().orElseThrow();
        assertThat(s2015.ninoAnomalyC()).isGreaterThan(1.5);
        assertThat(s2015.zonesWithFish()).isLessThan(surveys.stream().mapToInt(SimulatedHistory.Survey::zonesWithFish).sorted().toArray()[28] / 2);
        // after the Niño file ends (2021-09) the ONI line takes over, then neutral after the ONI ends (FMA 2025)
        assertThat(surveys.stream().filter(s -> s.id().equals("2022-1")).findFirst().orElseThrow().ninoSource()).isEqualTo(NinoSeries.Source.ONI_REGRESSION);
        assertThat(surveys.get(55).ninoSource()).isEqualTo(NinoSeries.Source.NEUTRAL);
        assertThat(nino.slope()).as("Niño 1+2 rises with the ONI").isPositive();
    }

    @Test
    void underElNinoTheFishContractTowardTheCoastAndSouth() throws Exception {
        // biomass-weighted mean distance and latitude of each survey from its NASC file (NASC ∝ biomass within a zone's haul)
        Map<String, Zone> zones = new TreeMap<>();
        TestData.fullGrid().zones().forEach(z -> zones.put(z.code(), z));
        double warmD = 0;
        double coldD = 0;
        int warm = 0;
        int cold = 0;
        for (SimulatedHistory.Survey s : surveys) {
            double[] w = weightedDistance(full.resolve(s.nascFile()));
            if (s.ninoAnomalyC() > 1) {
                warmD += w[0];
                warm++;
            } else if (s.ninoAnomalyC() < -0.5) {
                coldD += w[0];
                cold++;
            }
        }
        assertThat(warm).isGreaterThanOrEqualTo(3);
        assertThat(cold).isGreaterThanOrEqualTo(10);
        assertThat(warmD / warm).isLessThan(0.8 * coldD / cold);
    }

    private static double[] weightedDistance(Path nasc) throws Exception {
        double sum = 0;
        double sd = 0;
        for (String line : Files.readAllLines(nasc).subList(1, Files.readAllLines(nasc).size())) {
            String[] f = line.split(",");
            double v = Double.parseDouble(f[5]);
            Zone z = TestData.fullGrid().zoneAt(Double.parseDouble(f[9]), Double.parseDouble(f[8])).orElseThrow();
            sum += v;
            sd += v * (z.distMinNmi() + z.distMaxNmi()) / 2;
        }
        return new double[] {sd / sum};
    }

    @Test
    void anUnknownParameterIsRefusedWithItsName() throws Exception {
        Path f = TestData.tempDir("history-bad").resolve("bad.properties");
        Files.writeString(f, "years.frist=2000\n");
        assertThatThrownBy(() -> HistoryParameters.load(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.properties").hasMessageContaining("years.frist");
        Files.writeString(f, "target.anchors=1990-1:5e6\n");
        HistoryParameters outside = HistoryParameters.load(f);
        assertThatThrownBy(() -> history(1, outside).plan()).hasMessageContaining("1990-1");
    }
}
