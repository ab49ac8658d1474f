package pe.cardumen.model;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;

/**
 * A verified model version loaded with DJL's TensorFlow engine (natives from the class path, offline).
 * The version is verified ({@link ModelRegistry#verify}) before TensorFlow reads it; a version that
 * fails is never loaded. Close it when done; not thread-safe (one predictor per thread).
 */
public final class ModelPredictor implements AutoCloseable {
    private final ModelRegistry.Version version;
    private final ZooModel<ModelInput, float[][]> model;
    private final Predictor<ModelInput, float[][]> predictor;
    private final double loadSeconds;

    private ModelPredictor(ModelRegistry.Version version, ZooModel<ModelInput, float[][]> model, double loadSeconds) {
        this.version = version;
        this.model = model;
        this.predictor = model.newPredictor();
        this.loadSeconds = loadSeconds;
    }

    /**
     * Verifies and loads a version.
     *
     * @throws IOException when verification fails (every problem listed) or DJL cannot load it
     */
    public static ModelPredictor open(ModelRegistry.Version version) throws IOException {
        ModelRegistry.Verification v = ModelRegistry.verify(version.dir());
        if (!v.ok()) {
            throw new IOException("model " + version.ref() + " failed verification and is not loaded: " + String.join("; ", v.problems()));
        }
        TensorFlowRuntime.start(TensorFlowRuntime.defaultCache());
        ModelCard card = version.card();
        long t0 = System.nanoTime();
        Criteria<ModelInput, float[][]> criteria = Criteria.builder().setTypes(ModelInput.class, float[][].class).optModelPath(version.dir())
                .optEngine("TensorFlow").optOption("Tags", card.tags() == null ? "serve" : card.tags())
                .optOption("SignatureDefKey", card.signature() == null ? "serving_default" : card.signature())
                .optTranslator(new QuantileTranslator(card)).build();
        try {
            ZooModel<ModelInput, float[][]> m = criteria.loadModel();
            return new ModelPredictor(version, m, (System.nanoTime() - t0) / 1e9);
        } catch (ai.djl.repository.zoo.ModelNotFoundException | ai.djl.MalformedModelException | RuntimeException e) {
            throw new IOException("model " + version.ref() + " cannot be loaded by DJL: " + e.getMessage(), e);
        }
    }

    /**
     * The quantiles of the transformed target (the card's outputs, e.g. P10/P50/P90 of log1p density)
     * for each row.
     *
     * @throws IllegalArgumentException when the input's columns are not the card's, in its order
     */
    /**
     * Checks that an input has the card's columns in its order, as {@link #predict} does first.
     *
     * @throws IllegalArgumentException naming the missing, extra or misplaced columns
     */
    public void check(ModelInput input) {
        QuantileTranslator.check(input, version.card());
    }

    public float[][] predict(ModelInput input) {
        QuantileTranslator.check(input, version.card());
        if (input.rows().length == 0) {
            return new float[0][version.card().outputs().size()];
        }
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (c instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalStateException("model " + version.ref() + " failed to predict: " + c.getMessage(), e);
        }
    }

    public ModelRegistry.Version version() {
        return version;
    }

    /** Seconds DJL took to load the SavedModel. */
    public double loadSeconds() {
        return loadSeconds;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
