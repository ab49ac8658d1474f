package pe.cardumen.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decision table: a hand-checked cell (worked in Python), the no-fishing projection, and the
 * monotone properties of the recommendation (seeded, the seed printed).
 */
class DecisionTableTest {
    private static final HarvestParameters P = HarvestParameters.defaults();

    @Test
    void aHandCheckedCell() {
        // no uncertainty: every draw is 8 Mt; neutral scenario, M 0.8, four months 35/30/20/15 %, catch 2 Mt
        BiomassDistribution b = new BiomassDistribution(8e6, 0, "hand");
        DecisionTable.Table t = DecisionTable.compute(b, P);
        DecisionTable.Cell c = t.row("neutral").stream().filter(x -> x.catchT() == 2e6).findFirst().orElseThrow();
        // h = exp(-0.8/24); B ← (B·h − 2e6·share)·h over the four months (Python: 4413115.178188088)
        assertThat(c.remainingMedianT()).isCloseTo(4413115.178188088, within(1e-3));
        assertThat(c.exploitation()).isEqualTo(0.25);
        // 4.41 Mt < 5 Mt in every draw
        assertThat(c.risk()).isEqualTo(1.0);
        assertThat(t.cells()).hasSize(P.scenarios().size() * P.catches().length);
    }

    @Test
    void zeroCatchLeavesTheNaturalMortalityOnlyProjection() {
        for (double m : new double[] {0.5, 0.8, 1.28}) {
            assertThat(DecisionTable.project(8e6, 0, m, P.profile())).isCloseTo(8e6 * Math.exp(-m * P.profile().length / 12), within(1e-6));
        }
        // and a catch larger than the stock empties it
        assertThat(DecisionTable.project(1e6, 5e6, 0.8, P.profile())).isZero();
    }

    @Test
    void remainingBiomassFallsAsTheCatchRises() {
        DecisionTable.Table t = DecisionTable.compute(BiomassDistribution.ofMeanAndCv(9e6, 0.25, "test"), P);
        for (HarvestParameters.Scenario s : P.scenarios()) {
            List<DecisionTable.Cell> row = t.row(s.name());
            for (int i = 1; i < row.size(); i++) {
                assertThat(row.get(i).remainingMedianT()).isLessThanOrEqualTo(row.get(i - 1).remainingMedianT());
                assertThat(row.get(i).risk()).isGreaterThanOrEqualTo(row.get(i - 1).risk());
                assertThat(row.get(i).exploitation()).isGreaterThan(row.get(i - 1).exploitation());
            }
        }
    }

    /** The recommended catch never rises when biomass falls, E_max falls, the reference rises or the tolerance tightens. */
    @Test
    void theRecommendationIsMonotoneInEveryThreshold() {
        long seed = 20261126L;
        System.out.println("DecisionTableTest seed " + seed);
        Random r = new Random(seed);
        for (int trial = 0; trial < 12; trial++) {
            double mean = 4e6 + r.nextDouble() * 10e6;
            double cv = 0.05 + r.nextDouble() * 0.4;
            double eMax = 0.2 + r.nextDouble() * 0.3;
            double ref = 2e6 + r.nextDouble() * 5e6;
            double tol = 0.02 + r.nextDouble() * 0.3;
            HarvestParameters base = P.withThresholds(eMax, ref, tol);
            double[] rec = recommended(BiomassDistribution.ofMeanAndCv(mean, cv, "t"), base);
            double[] lessBiomass = recommended(BiomassDistribution.ofMeanAndCv(mean * 0.8, cv, "t"), base);
            double[] lowerEmax = recommended(BiomassDistribution.ofMeanAndCv(mean, cv, "t"), P.withThresholds(eMax * 0.8, ref, tol));
            double[] higherRef = recommended(BiomassDistribution.ofMeanAndCv(mean, cv, "t"), P.withThresholds(eMax, ref * 1.2, tol));
            double[] tighter = recommended(BiomassDistribution.ofMeanAndCv(mean, cv, "t"), P.withThresholds(eMax, ref, tol / 2));
            for (int s = 0; s < rec.length; s++) {
                String at = "trial " + trial + " scenario " + P.scenarios().get(s).name();
                assertThat(lessBiomass[s]).as(at + " less biomass").isLessThanOrEqualTo(rec[s]);
                assertThat(lowerEmax[s]).as(at + " lower E_max").isLessThanOrEqualTo(rec[s]);
                assertThat(higherRef[s]).as(at + " higher reference").isLessThanOrEqualTo(rec[s]);
                assertThat(tighter[s]).as(at + " tighter tolerance").isLessThanOrEqualTo(rec[s]);
            }
        }
    }

    @Test
    void aRecommendationRespectsBothThresholdsAndSaysWhatLimitsIt() {
        DecisionTable.Table t = DecisionTable.compute(BiomassDistribution.ofMeanAndCv(10e6, 0.2, "t"), P);
        for (DecisionTable.Recommendation rec : t.recommendations()) {
            if (rec.cell() != null) {
                assertThat(rec.cell().exploitation()).isLessThanOrEqualTo(P.exploitationMax() + 1e-12);
                assertThat(rec.cell().risk()).isLessThanOrEqualTo(P.riskTolerance() + 1e-12);
            }
            assertThat(rec.limitedBy()).isIn("exploitation", "risk", "range", "none admissible");
        }
        // a strong El Niño with the same survey allows less than a cold year
        double cold = t.recommendations().stream().filter(r -> r.scenario().equals("cold")).findFirst().orElseThrow().catchT();
        double nino = t.recommendations().stream().filter(r -> r.scenario().equals("strong-el-nino")).findFirst().orElseThrow().catchT();
        assertThat(nino).isLessThan(cold);
    }

    @Test
    void logNormalFromMeanAndCvAndFromQuantiles() {
        BiomassDistribution d = BiomassDistribution.ofMeanAndCv(9e6, 0.3, "t");
        assertThat(d.meanT()).isCloseTo(9e6, within(1e-3));
        double[] x = d.draw(200_000, 3);
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        assertThat(mean).isCloseTo(9e6, within(9e6 * 0.01));
        BiomassDistribution q = BiomassDistribution.ofQuantiles(5e6, 8e6, 12e6, "t");
        double[] y = q.draw(200_000, 4);
        java.util.Arrays.sort(y);
        assertThat(y[100_000]).isCloseTo(8e6, within(8e6 * 0.01));
        // the spread is the quantiles' ratio (the median is P50, so the fitted P10 and P90 keep P90/P10 = 12/5)
        assertThat(y[180_000] / y[20_000]).isCloseTo(12.0 / 5.0, within(0.03));
    }

    private static double[] recommended(BiomassDistribution b, HarvestParameters p) {
        return DecisionTable.compute(b, p).recommendations().stream().mapToDouble(DecisionTable.Recommendation::catchT).toArray();
    }
}
