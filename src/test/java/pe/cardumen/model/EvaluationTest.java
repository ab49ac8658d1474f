package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metrics and baselines on hand-computed cases. */
class EvaluationTest {
    @Test
    void metricsOfAHandCase() {
        double[] obs = {0, 1, 2, 3};
        double[] p50 = {0.5, 1, 1.5, 3.5};
        double[] p10 = {0, 0, 1, 3.2};
        double[] p90 = {1, 2, 2.5, 4};
        double[] area = {1, 1, 1, 1};
        String[] survey = {"a", "a", "b", "b"};
        Map<String, Double> m = Evaluation.metrics(obs, p10, p50, p90, area, survey);
        // errors 0.5, 0, -0.5, 0.5
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt(0.75 / 4), within(1e-12));
        assertThat(m.get("mae")).isCloseTo(0.375, within(1e-12));
        assertThat(m.get("bias")).isCloseTo(0.125, within(1e-12));
        // SStot = 5 (mean 1.5)
        assertThat(m.get("r2")).isCloseTo(1 - 0.75 / 5, within(1e-12));
        // inside: 0 in [0,1], 1 in [0,2], 2 in [1,2.5]; 3 not in [3.2,4]
        assertThat(m.get("coverage")).isEqualTo(0.75);
        // presence: obs > 0 for the last three, whose P50s all exceed the absent one's: AUC 1
        assertThat(m.get("auc")).isEqualTo(1.0);
        // survey a: predicted e^0.5-1 + e^1-1 = 2.367, observed 0 + 1.718 = 1.718 → 37.8 %; b: (e^1.5-1 + e^3.5-1) vs (e^2-1 + e^3-1)
        double a = Math.abs((Math.expm1(0.5) + Math.expm1(1)) - Math.expm1(1)) / Math.expm1(1);
        double b = Math.abs((Math.expm1(1.5) + Math.expm1(3.5)) - (Math.expm1(2) + Math.expm1(3))) / (Math.expm1(2) + Math.expm1(3));
        assertThat(m.get("total_error_pct")).isCloseTo(100 * (a + b) / 2, within(1e-9));
        assertThat(m.get("n")).isEqualTo(4.0);
    }

    @Test
    void aucCountsTiesAsHalf() {
        // positives score 1 and 0.5, negatives 0.5 and 0: pairs (1>0.5, 1>0, 0.5=0.5 half, 0.5>0) = 3.5 of 4
        assertThat(Evaluation.auc(new double[] {1, 1, 0, 0}, new double[] {1, 0.5, 0.5, 0})).isEqualTo(0.875);
        assertThat(Evaluation.auc(new double[] {0, 0}, new double[] {1, 2})).isNaN();
    }

    @Test
    void baselinesFromTheTrainingSeasons() throws Exception {
        FeatureFrame train = FeatureFrame.parse("zone,period,target_density_t_per_nmi2\nA,2010-03,0\nA,2011-03,2\nA,2011-09,5\nB,2010-09,1\n", "train");
        FeatureFrame test = FeatureFrame.parse("zone,period,prev_density_t_per_nmi2\nA,2020-03,4\nB,2020-03,NaN\nC,2020-09,1\n", "test");
        double[] clim = Evaluation.climatology(train, test);
        // A in March: mean of log1p(0), log1p(2); B has no March: its mean; C unknown: the mean of all
        assertThat(clim[0]).isCloseTo((0 + Math.log1p(2)) / 2, within(1e-12));
        assertThat(clim[1]).isCloseTo(Math.log1p(1), within(1e-12));
        assertThat(clim[2]).isCloseTo((Math.log1p(0) + Math.log1p(2) + Math.log1p(5) + Math.log1p(1)) / 4, within(1e-12));
        double[] pers = Evaluation.persistence(test, clim);
        assertThat(pers[0]).isCloseTo(Math.log1p(4), within(1e-12));
        assertThat(pers[1]).isEqualTo(clim[1]); // no previous survey: the climatology
    }
}
