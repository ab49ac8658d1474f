package pe.cardumen.planning;

import java.util.Random;

/**
 * The stock's biomass at the start of the season as a log-normal distribution: from an acoustic
 * estimate with its CV ({@code σ² = ln(1 + CV²)}, median = mean / √(1 + CV²)), or from a model's
 * P10/P50/P90 (median P50, σ = ln(P90/P10) / (2 × 1.2816)).
 *
 * @param medianT the median, t
 * @param sigma   standard deviation of log biomass
 * @param source  where it comes from, for reports
 */
public record BiomassDistribution(double medianT, double sigma, String source) {
    /** z of the 90th percentile of the standard normal. */
    static final double Z90 = 1.2815515655446004;

    public BiomassDistribution {
        if (!(medianT >= 0) || !(sigma >= 0)) {
            throw new IllegalArgumentException("a biomass distribution needs a median ≥ 0 t and σ ≥ 0, got " + medianT + " and " + sigma);
        }
    }

    /** From an estimate (its mean, t) and its coefficient of variation. */
    public static BiomassDistribution ofMeanAndCv(double meanT, double cv, String source) {
        double s2 = Math.log1p(cv * cv);
        return new BiomassDistribution(meanT / Math.sqrt(1 + cv * cv), Math.sqrt(s2), source);
    }

    /** From three quantiles, t. */
    public static BiomassDistribution ofQuantiles(double p10T, double p50T, double p90T, String source) {
        double sigma = p10T > 0 && p90T > p10T ? Math.log(p90T / p10T) / (2 * Z90) : 0;
        return new BiomassDistribution(p50T, sigma, source);
    }

    /** The mean, t. */
    public double meanT() {
        return medianT * Math.exp(sigma * sigma / 2);
    }

    /** {@code n} seeded draws, t. */
    public double[] draw(int n, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = medianT * Math.exp(sigma * r.nextGaussian());
        }
        return out;
    }
}
