package pe.cardumen.acoustics.biomass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.Zone;

/** Totals per degree, band and stock, and the bootstrap, on the real AIP grid with seeded random surveys. */
class BiomassTotalsAndBootstrapTest {
    private final BiomassParameters params = BiomassParameters.defaults();

    private static List<ZoneBiomass.Interval> survey(SplittableRandom random, List<Zone> zones, int n) {
        List<ZoneBiomass.Interval> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Zone z = zones.get(random.nextInt(zones.size()));
            double[] counts = {random.nextInt(10), 1 + random.nextInt(30), random.nextInt(20)};
            // zero-inflated NASC, as anchoveta schools are patchy
            double nasc = random.nextInt(3) == 0 ? 0 : -Math.log(random.nextDouble()) * 2000;
            out.add(new ZoneBiomass.Interval(z.code(), nasc, LengthDistribution.ofCounts(new double[] {9, 12.5, 15}, counts)));
        }
        return out;
    }

    @Test
    void everyGroupingAddsUpToTheSumOverZones() throws Exception {
        long seed = System.nanoTime();
        System.out.println("everyGroupingAddsUpToTheSumOverZones seed " + seed);
        List<Zone> zones = TestData.fullGrid().zones();
        Map<String, Zone> byCode = new HashMap<>();
        Map<String, Double> areas = new HashMap<>();
        for (Zone z : zones) {
            byCode.put(z.code(), z);
            areas.put(z.code(), z.areaNmi2());
        }
        var results = new ZoneBiomass(params).compute(survey(new SplittableRandom(seed), zones, 3000), areas);
        double sum = results.stream().mapToDouble(ZoneBiomass.Result::biomassT).sum();
        double fish = results.stream().mapToDouble(ZoneBiomass.Result::abundance).sum();
        for (BiomassTotals.By by : BiomassTotals.By.values()) {
            var totals = BiomassTotals.of(results, byCode, by);
            assertThat(totals.stream().mapToDouble(BiomassTotals.Total::biomassT).sum()).as("%s, seed %d", by, seed).isCloseTo(sum, withinPercentage(1e-9));
            assertThat(totals.stream().mapToDouble(BiomassTotals.Total::abundance).sum()).isCloseTo(fish, withinPercentage(1e-9));
            assertThat(totals.stream().mapToInt(BiomassTotals.Total::zones).sum()).isEqualTo(results.size());
        }
        assertThat(BiomassTotals.of(results, byCode, BiomassTotals.By.STOCK)).extracting(BiomassTotals.Total::group)
                .containsExactly("north-centre", "south");
    }

    @Test
    void groupLabelsFollowImarpesTables() throws Exception {
        Zone z = TestData.fullGrid().byCode("10120").orElseThrow(); // 90–100 nmi, 12°00′–12°30′S
        LengthDistribution ld = LengthDistribution.ofCounts(new double[] {10}, new double[] {1});
        var results = new ZoneBiomass(params).compute(List.of(new ZoneBiomass.Interval("10120", 500, ld)), Map.of("10120", z.areaNmi2()));
        assertThat(BiomassTotals.of(results, Map.of("10120", z), BiomassTotals.By.DEGREE).get(0).group()).isEqualTo("12°S");
        assertThat(BiomassTotals.of(results, Map.of("10120", z), BiomassTotals.By.BAND).get(0).group()).isEqualTo("90–100 nmi");
        assertThat(BiomassTotals.of(results, Map.of("10120", z), BiomassTotals.By.STOCK).get(0).juvenilePctNumber()).isEqualTo(100);
    }

    /**
     * One zone with one length distribution: biomass is proportional to the mean NASC, so the CV an
     * infinite bootstrap gives is the plug-in one, sd(x) / (mean(x) · √n) with the population sd.
     * The 200-replicate estimate, averaged over 30 surveys, scatters about it by ≈ 1 % (simulated).
     * The plug-in CV itself follows 1/√n for exponential NASC once n is not tiny: at n = 10 its
     * expectation is 0.88/√n (and 1 in 36 averages of 30 surveys falls more than 20 % below 1/√n),
     * at n = 40 it is 0.97/√n with a spread of 0.026/√n.
     */
    @Test
    void bootstrapCvMatchesThePlugInCvAndShrinksAsIntervalsAreAdded() {
        long seed = System.nanoTime();
        System.out.println("bootstrapCvMatchesThePlugInCv seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        LengthDistribution ld = LengthDistribution.ofCounts(new double[] {10, 13}, new double[] {1, 3});
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {10, 40, 160, 640}) {
            double bootstrapSum = 0;
            double plugInSum = 0;
            int surveys = 30;
            for (int s = 0; s < surveys; s++) {
                List<ZoneBiomass.Interval> intervals = new ArrayList<>();
                double[] nasc = new double[n];
                for (int i = 0; i < n; i++) {
                    nasc[i] = -Math.log(random.nextDouble()) * 1000;
                    intervals.add(new ZoneBiomass.Interval("Z", nasc[i], ld));
                }
                var r = new BiomassBootstrap(params).run(intervals, Map.of("Z", 300.0), 200, seed + s);
                bootstrapSum += r.total().cv();
                plugInSum += plugInCvOfTheMean(nasc);
                if (s == 0) {
                    var again = new BiomassBootstrap(params).run(intervals, Map.of("Z", 300.0), 200, seed + s);
                    assertThat(again.total()).isEqualTo(r.total());
                    double point = new ZoneBiomass(params).compute(intervals, Map.of("Z", 300.0)).get(0).biomassT();
                    assertThat(point).isBetween(r.total().lowerT(), r.total().upperT());
                }
            }
            double cv = bootstrapSum / surveys;
            double plugIn = plugInSum / surveys;
            assertThat(cv).as("n = %d, seed %d", n, seed).isLessThan(previous).isCloseTo(plugIn, withinPercentage(6));
            if (n >= 40) {
                assertThat(cv).as("n = %d, seed %d", n, seed).isCloseTo(1 / Math.sqrt(n), within(0.2 / Math.sqrt(n)));
            }
            previous = cv;
        }
    }

    /** sd / (mean · √n), the population standard deviation: the exact bootstrap CV of a sample mean. */
    private static double plugInCvOfTheMean(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / x.length) / (mean * Math.sqrt(x.length));
    }

    /** Several groupings from one set of replicates give exactly what separate runs with the same seed give. */
    @Test
    void groupingsBootstrappedTogetherEqualSeparateRuns() {
        LengthDistribution ld = LengthDistribution.ofCounts(new double[] {10, 13}, new double[] {1, 3});
        List<ZoneBiomass.Interval> intervals = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        String[] zones = {"A", "B", "C", "D"};
        for (int i = 0; i < 60; i++) {
            intervals.add(new ZoneBiomass.Interval(zones[i % 4], -Math.log(random.nextDouble()) * 1000, ld));
        }
        Map<String, Double> areas = Map.of("A", 100.0, "B", 200.0, "C", 300.0, "D", 400.0);
        Map<String, String> north = Map.of("A", "n", "B", "n", "C", "s", "D", "s");
        Map<String, String> inner = Map.of("A", "in", "C", "in", "B", "out");
        var together = new BiomassBootstrap(params).run(intervals, areas, 300, 5, List.of(north, inner));
        assertThat(together.get(0)).isEqualTo(new BiomassBootstrap(params).run(intervals, areas, 300, 5, north));
        assertThat(together.get(1)).isEqualTo(new BiomassBootstrap(params).run(intervals, areas, 300, 5, inner));
        assertThat(together.get(1).groups()).containsOnlyKeys("in", "out");
    }

    @Test
    void aZoneWithOneIntervalHasNoSamplingSpreadAndPercentilesInterpolate() {
        LengthDistribution ld = LengthDistribution.ofCounts(new double[] {10}, new double[] {1});
        var r = new BiomassBootstrap(params).run(List.of(new ZoneBiomass.Interval("Z", 1000, ld)), Map.of("Z", 300.0), 50, 1);
        assertThat(r.zones().get("Z").cv()).isZero();
        assertThat(r.zones().get("Z").lowerT()).isEqualTo(r.zones().get("Z").upperT());
        // type 7: p = 0.05 of 1..21 → position 1.0 → 2; p = 0.95 → 20
        double[] s = new double[21];
        for (int i = 0; i < s.length; i++) {
            s[i] = i + 1;
        }
        assertThat(BiomassBootstrap.percentile(s, 0.05)).isEqualTo(2);
        assertThat(BiomassBootstrap.percentile(s, 0.95)).isEqualTo(20);
        assertThat(BiomassBootstrap.percentile(new double[] {0, 10}, 0.05)).isCloseTo(0.5, within(1e-12));
    }
}
