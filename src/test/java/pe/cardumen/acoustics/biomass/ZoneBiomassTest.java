package pe.cardumen.acoustics.biomass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Biomass from NASC: hand-computed cases and properties. */
class ZoneBiomassTest {
    private final BiomassParameters defaults = BiomassParameters.defaults();

    @Test
    void theDefaultsAreDomainMdsAndB20IsMarkedUnconfirmed() {
        assertThat(defaults.b20Db()).isEqualTo(-71.9);
        assertThat(defaults.b20Confirmed()).isFalse();
        assertThat(defaults.lwA()).isEqualTo(5.12e-6);
        assertThat(defaults.lwB()).isEqualTo(3.074);
        assertThat(defaults.juvenileCm()).isEqualTo(12);
        assertThat(defaults.haulRadiusNmi()).isEqualTo(30);
    }

    /**
     * Worked by hand (independently, in Python): a 10 cm fish has TS = 20 − 71.9 = −51.9 dB,
     * σbs = 10^−5.19 = 6.4565422903e-6 m², W = 5.12e-6 · 10^3.074 = 6.0711359906e-3 kg; NASC 1000 gives
     * ρA = 1000 / (4π σbs) = 1.2325091042e7 fish nmi⁻².
     */
    @Test
    void oneLengthClass() {
        LengthDistribution ten = LengthDistribution.ofCounts(new double[] {10}, new double[] {57});
        assertThat(defaults.targetStrengthDb(10)).isCloseTo(-51.9, within(1e-12));
        assertThat(defaults.sigmaBs(10)).isCloseTo(6.4565422903e-6, withinPercentage(1e-8));
        assertThat(defaults.weightKg(10)).isCloseTo(6.0711359906e-3, withinPercentage(1e-8));
        double rho = new ZoneBiomass(defaults).density(new ZoneBiomass.Interval("10120", 1000, ten));
        assertThat(rho).isCloseTo(1.2325091042e7, withinPercentage(1e-8));
    }

    /**
     * A 300 nmi² zone with intervals of NASC 1000 and 3000 and a haul of 20 fish at 10 cm and 20 at
     * 14 cm (worked in Python): Σ p σbs = 9.5556825897e-6 m², mean weight 1.1575168358e-2 kg,
     * ρA = 1.6655528435e7 fish nmi⁻², N = 4.9966585306e9 fish, B = 57,837.163718 t (192.79054573 t nmi⁻²),
     * 50 % juveniles by number, 26.2248280238 % by weight, mean length 12 cm.
     */
    @Test
    void aZoneWithTwoIntervalsAndOneHaul() {
        LengthDistribution haul = LengthDistribution.ofCounts(new double[] {10, 14}, new double[] {20, 20});
        var r = new ZoneBiomass(defaults).compute(List.of(new ZoneBiomass.Interval("10120", 1000, haul), new ZoneBiomass.Interval("10120", 3000, haul)),
                Map.of("10120", 300.0)).get(0);
        assertThat(r.intervals()).isEqualTo(2);
        assertThat(r.nascMean()).isEqualTo(2000);
        assertThat(r.densityFishPerNmi2()).isCloseTo(1.6655528435e7, withinPercentage(1e-8));
        assertThat(r.abundance()).isCloseTo(4.9966585306e9, withinPercentage(1e-8));
        assertThat(r.biomassT()).isCloseTo(5.7837163718e4, withinPercentage(1e-8));
        assertThat(r.densityTPerNmi2()).isCloseTo(1.9279054573e2, withinPercentage(1e-8));
        assertThat(r.juvenilePctNumber()).isCloseTo(50, within(1e-9));
        assertThat(r.juvenilePctWeight()).isCloseTo(26.2248280238, within(1e-8));
        assertThat(r.meanLengthCm()).isCloseTo(12, within(1e-12));
    }

    /** Biomass scales by 10^(−Δb20/10) when b20 changes by Δ (seeded; the seed is printed). */
    @Test
    void biomassScalesWithB20() {
        long seed = System.nanoTime();
        System.out.println("biomassScalesWithB20 seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<ZoneBiomass.Interval> intervals = randomIntervals(random, 40);
        Map<String, Double> areas = Map.of("A", 250.0, "B", 310.0, "C", 290.0);
        for (int k = 0; k < 5; k++) {
            double delta = random.nextDouble(-3, 3);
            double before = total(new ZoneBiomass(defaults).compute(intervals, areas));
            double after = total(new ZoneBiomass(defaults.withB20(defaults.b20Db() + delta)).compute(intervals, areas));
            assertThat(after / before).as("Δb20 %.3f dB, seed %d", delta, seed).isCloseTo(Math.pow(10, -delta / 10), withinPercentage(1e-9));
        }
    }

    /** Splitting an interval into two halves with the same NASC leaves its zone's biomass unchanged when it is the zone's only interval. */
    @Test
    void splittingAnIntervalDoesNotChangeTheZone() {
        LengthDistribution haul = LengthDistribution.ofCounts(new double[] {8, 11, 13, 15}, new double[] {3, 10, 25, 7});
        var one = new ZoneBiomass(defaults).compute(List.of(new ZoneBiomass.Interval("Z", 812.5, haul)), Map.of("Z", 300.0)).get(0);
        var two = new ZoneBiomass(defaults).compute(List.of(new ZoneBiomass.Interval("Z", 812.5, haul), new ZoneBiomass.Interval("Z", 812.5, haul)),
                Map.of("Z", 300.0)).get(0);
        assertThat(two.biomassT()).isCloseTo(one.biomassT(), withinPercentage(1e-12));
        assertThat(two.juvenilePctWeight()).isCloseTo(one.juvenilePctWeight(), within(1e-9));
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        assertThatThrownBy(() -> LengthDistribution.ofCounts(new double[] {10, 12}, new double[] {0, 0})).hasMessageContaining("at least one fish");
        assertThatThrownBy(() -> LengthDistribution.ofCounts(new double[] {12, 10}, new double[] {1, 1})).hasMessageContaining("increasing");
        assertThatThrownBy(() -> LengthDistribution.ofCounts(new double[] {10}, new double[] {-1})).hasMessageContaining("zero or more");
        LengthDistribution ok = LengthDistribution.ofCounts(new double[] {10}, new double[] {1});
        assertThatThrownBy(() -> new ZoneBiomass(defaults).compute(List.of(new ZoneBiomass.Interval("X", 1, ok)), Map.of()))
                .hasMessageContaining("'X'");
    }

    private static List<ZoneBiomass.Interval> randomIntervals(SplittableRandom random, int n) {
        List<ZoneBiomass.Interval> out = new ArrayList<>();
        String[] zones = {"A", "B", "C"};
        for (int i = 0; i < n; i++) {
            double[] lengths = {6 + random.nextInt(3), 10 + random.nextInt(3), 14 + random.nextInt(3)};
            double[] counts = {random.nextInt(20), 1 + random.nextInt(40), random.nextInt(30)};
            out.add(new ZoneBiomass.Interval(zones[random.nextInt(3)], random.nextDouble() * 5000, LengthDistribution.ofCounts(lengths, counts)));
        }
        return out;
    }

    private static double total(List<ZoneBiomass.Result> results) {
        return results.stream().mapToDouble(ZoneBiomass.Result::biomassT).sum();
    }

    /**
     * A TS table that holds the equation's values at 10 and 14 cm gives the same biomass for fish of
     * those lengths; between rows TS is linear in length: at 12 cm, (−51.9 + 20·log10(14) − 71.9) / 2.
     */
    @Test
    void aTsTableReplacesTheEquation() throws Exception {
        double ts14 = 20 * Math.log10(14) - 71.9;
        java.nio.file.Path csv = pe.cardumen.TestData.tempDir("ts").resolve("ts.csv");
        java.nio.file.Files.writeString(csv, "length_cm,ts_db\n10,-51.9\n14," + ts14 + "\n");
        BiomassParameters table = defaults.withTsTable(BiomassParameters.TsTable.read(csv));
        assertThat(table.targetStrengthDb(12)).isCloseTo((-51.9 + ts14) / 2, within(1e-12));
        LengthDistribution haul = LengthDistribution.ofCounts(new double[] {10, 14}, new double[] {20, 20});
        var r = new ZoneBiomass(table).compute(List.of(new ZoneBiomass.Interval("Z", 2000, haul)), Map.of("Z", 300.0)).get(0);
        assertThat(r.densityTPerNmi2()).isCloseTo(1.9279054573e2, withinPercentage(1e-8));
        assertThat(table.definition()).contains("ts.table=10.0:-51.9;14.0:");
        // the stored text gives the same set back, table included
        assertThat(BiomassParameters.fromDefinition(table.definition()).definition()).isEqualTo(table.definition());
        assertThat(BiomassParameters.fromDefinition(BiomassParameters.defaults().definition()).definition())
                .isEqualTo(BiomassParameters.defaults().definition());
        assertThatThrownBy(() -> table.targetStrengthDb(16)).hasMessageContaining("16.0 cm is outside the TS table (10.0–14.0 cm)");
        java.nio.file.Path bad = pe.cardumen.TestData.tempDir("ts").resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "length_cm,ts_db\n10,-51.9\n12,abc\n");
        assertThatThrownBy(() -> BiomassParameters.TsTable.read(bad)).hasMessageContaining("bad.csv, line 3");
    }
}
