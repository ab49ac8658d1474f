package pe.cardumen.model;

import java.util.List;

/**
 * The network's input: named columns, already transformed and standardised as the card says.
 *
 * @param names the column names, in the order of the matrix
 * @param rows  one row per zone × period
 */
public record ModelInput(List<String> names, float[][] rows) {
    public ModelInput {
        names = List.copyOf(names);
        for (float[] r : rows) {
            if (r.length != names.size()) {
                throw new IllegalArgumentException("a row of " + r.length + " values for " + names.size() + " columns");
            }
        }
    }

    /**
     * Builds the input of a card from a feature table: each input column transformed and standardised,
     * a missing value set to 0 (the training mean).
     *
     * @throws IllegalArgumentException when the table lacks a column the card needs (all are named)
     */
    public static ModelInput of(FeatureFrame frame, ModelCard card) {
        List<String> missing = card.inputNames().stream().filter(n -> !frame.has(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the feature table lacks the inputs " + missing + " of model " + card.ref());
        }
        int k = card.inputs().size();
        float[][] rows = new float[frame.rows()][k];
        for (int j = 0; j < k; j++) {
            ModelCard.Input in = card.inputs().get(j);
            double[] col = frame.numbers(in.name());
            for (int i = 0; i < rows.length; i++) {
                rows[i][j] = (float) standardise(col[i], in);
            }
        }
        return new ModelInput(card.inputNames(), rows);
    }

    /** {@code (t(x) − mean) / std}, 0 for a missing value. */
    static double standardise(double x, ModelCard.Input in) {
        double t = transform(x, in.transform());
        return Double.isNaN(t) ? 0 : (t - in.mean()) / in.std();
    }

    /** The named transform ({@code none}, {@code log1p}). */
    static double transform(double x, String name) {
        return switch (name == null ? "none" : name) {
            case "none" -> x;
            case "log1p" -> Double.isNaN(x) ? x : Math.log1p(Math.max(0, x));
            default -> throw new IllegalArgumentException("unknown transform '" + name + "' (none or log1p)");
        };
    }
}
