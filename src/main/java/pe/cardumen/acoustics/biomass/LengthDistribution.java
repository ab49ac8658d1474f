package pe.cardumen.acoustics.biomass;

import java.util.Arrays;

/**
 * A length-frequency distribution: length classes (cm, class mid-points) and their proportions by
 * number, summing to 1. Built from counts or frequencies as a haul reports them.
 *
 * @param lengthsCm   class lengths, cm, strictly increasing
 * @param proportions proportion of fish in each class
 */
public record LengthDistribution(double[] lengthsCm, double[] proportions) {
    public LengthDistribution {
        if (lengthsCm.length == 0 || lengthsCm.length != proportions.length) {
            throw new IllegalArgumentException("a length distribution needs one proportion per length class, and at least one class");
        }
        lengthsCm = lengthsCm.clone();
        proportions = proportions.clone();
        for (int i = 0; i < lengthsCm.length; i++) {
            if (!(lengthsCm[i] > 0) || (i > 0 && !(lengthsCm[i] > lengthsCm[i - 1]))) {
                throw new IllegalArgumentException("length classes must be positive and increasing, found " + Arrays.toString(lengthsCm));
            }
        }
    }

    /**
     * From counts (or frequencies) per class.
     *
     * @throws IllegalArgumentException when a count is negative or all are zero
     */
    public static LengthDistribution ofCounts(double[] lengthsCm, double[] counts) {
        double total = 0;
        for (double c : counts) {
            if (!(c >= 0)) {
                throw new IllegalArgumentException("counts must be zero or more, found " + c);
            }
            total += c;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("a length distribution needs at least one fish");
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] / total;
        }
        return new LengthDistribution(lengthsCm, p);
    }

    /** Mean backscattering cross-section Σ p_L σbs(L), m². */
    public double meanSigmaBs(BiomassParameters params) {
        double s = 0;
        for (int i = 0; i < lengthsCm.length; i++) {
            s += proportions[i] * params.sigmaBs(lengthsCm[i]);
        }
        return s;
    }

    /** Mean weight Σ p_L W(L), kg. */
    public double meanWeightKg(BiomassParameters params) {
        double s = 0;
        for (int i = 0; i < lengthsCm.length; i++) {
            s += proportions[i] * params.weightKg(lengthsCm[i]);
        }
        return s;
    }

    /** Mean length by number, cm. */
    public double meanLengthCm() {
        double s = 0;
        for (int i = 0; i < lengthsCm.length; i++) {
            s += proportions[i] * lengthsCm[i];
        }
        return s;
    }

    /** Fraction of fish shorter than the juvenile length, by number. */
    public double juvenileFractionByNumber(BiomassParameters params) {
        double s = 0;
        for (int i = 0; i < lengthsCm.length; i++) {
            if (lengthsCm[i] < params.juvenileCm()) {
                s += proportions[i];
            }
        }
        return s;
    }

    /** Fraction of the weight in fish shorter than the juvenile length. */
    public double juvenileFractionByWeight(BiomassParameters params) {
        double juvenile = 0;
        for (int i = 0; i < lengthsCm.length; i++) {
            if (lengthsCm[i] < params.juvenileCm()) {
                juvenile += proportions[i] * params.weightKg(lengthsCm[i]);
            }
        }
        return juvenile / meanWeightKg(params);
    }
}
