package pe.cardumen.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows the model's tensors: turns a {@link ModelInput} into the card's input
 * tensor (float32, shape n × k, named as the signature's input) after checking its columns are the
 * card's inputs in the card's order, and the output tensor (n × quantiles) back into rows.
 */
final class QuantileTranslator implements NoBatchifyTranslator<ModelInput, float[][]> {
    private final ModelCard card;

    QuantileTranslator(ModelCard card) {
        this.card = card;
    }

    /**
     * @throws IllegalArgumentException when a column is missing, extra or out of order (all named)
     */
    static void check(ModelInput input, ModelCard card) {
        List<String> want = card.inputNames();
        List<String> got = input.names();
        if (got.equals(want)) {
            return;
        }
        List<String> missing = new ArrayList<>(want);
        missing.removeAll(got);
        List<String> extra = new ArrayList<>(got);
        extra.removeAll(want);
        if (missing.isEmpty() && extra.isEmpty()) {
            int i = 0;
            while (want.get(i).equals(got.get(i))) {
                i++;
            }
            throw new IllegalArgumentException("the inputs of model " + card.ref() + " are out of order: column " + (i + 1) + " is '" + got.get(i)
                    + "', the card expects '" + want.get(i) + "'");
        }
        throw new IllegalArgumentException("the inputs do not match model " + card.ref() + (missing.isEmpty() ? "" : "; missing " + missing)
                + (extra.isEmpty() ? "" : "; not in the card " + extra));
    }

    @Override
    public NDList processInput(TranslatorContext ctx, ModelInput input) {
        check(input, card);
        NDArray x = ctx.getNDManager().create(input.rows());
        x.setName(card.inputTensor());
        return new NDList(x);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray y = list.get(0);
        long[] shape = y.getShape().getShape();
        int k = card.outputs().size();
        if (shape.length != 2 || shape[1] != k) {
            throw new IllegalStateException("model " + card.ref() + " returned a tensor of shape " + y.getShape() + "; its card lists " + k + " outputs");
        }
        float[] flat = y.toFloatArray();
        float[][] out = new float[(int) shape[0]][k];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }
}
