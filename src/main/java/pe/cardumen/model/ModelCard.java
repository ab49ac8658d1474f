package pe.cardumen.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model version's card, {@code model.json} beside its SavedModel (DESIGN decision 4): what goes in
 * (features in order, with units and the normalisation applied before the network), what comes out
 * (quantiles of the transformed target), how it was trained (data fingerprint, seed,
 * hyper-parameters, split), how it did on held-out seasons next to the baselines, and the SHA-256 of
 * every file of the version.
 *
 * @param id             model id, e.g. {@code anchoveta-biomass}
 * @param version        semantic version, e.g. {@code 2.0.0}
 * @param description    one line for people
 * @param created        ISO-8601 instant
 * @param cardumenVersion the version of Cardumen that wrote it
 * @param signature      SavedModel signature key
 * @param tags           SavedModel tag set
 * @param inputTensor    the signature's input name
 * @param outputTensor   the signature's output name
 * @param inputs         the input columns, in tensor order
 * @param outputs        the output columns, in tensor order
 * @param target         the target and its transform
 * @param training       how it was trained
 * @param metrics        held-out metrics by name ({@code model}, {@code persistence}, {@code climatology}) and metric
 * @param files          SHA-256 of every file of the version except this card, by path relative to its folder
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(String id, String version, String description, String created, String cardumenVersion, String signature, String tags,
                        String inputTensor, String outputTensor, List<Input> inputs, List<Output> outputs, Target target, Training training,
                        Map<String, Map<String, Double>> metrics, Map<String, String> files) {

    /** The card's file name. */
    public static final String FILE = "model.json";

    /**
     * One input column: its name in the feature table, unit, and the transform and standardisation
     * applied before the network: {@code x' = (t(x) − mean) / std}, with a missing value (NaN) given
     * {@code x' = 0} (the training mean).
     *
     * @param transform {@code none} or {@code log1p}
     */
    public record Input(String name, String unit, String transform, double mean, double std) {
    }

    /**
     * One output column.
     *
     * @param quantile the probability level, e.g. 0.1
     */
    public record Output(String name, double quantile) {
    }

    /**
     * The target.
     *
     * @param transform {@code log1p}: the network predicts log(1 + density)
     */
    public record Target(String name, String unit, String transform) {
    }

    /**
     * Training provenance.
     *
     * @param featureTableSha256 SHA-256 of the feature-table CSV trained on
     * @param rows               its rows
     * @param seed               the seed of initialisation, batching and search
     * @param hyperparameters    the chosen ones (layers, learning rate, …)
     * @param split              the time-based split (train/validation/test periods)
     * @param search             every configuration tried with its validation loss
     * @param trainingSeconds    wall time of the whole training
     */
    public record Training(String featureTableSha256, int rows, long seed, Map<String, Object> hyperparameters, Map<String, String> split,
                           List<Map<String, Object>> search, double trainingSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Reads a card.
     *
     * @throws IOException when it is missing or not a card (the message names the file)
     */
    public static ModelCard read(Path file) throws IOException {
        if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? ": not a plain file (a link, pipe or folder); a model card is a plain JSON file" : ": missing; every model version has a model.json card"));
        }
        try {
            ModelCard c = JSON.readValue(file.toFile(), ModelCard.class);
            if (c.id() == null || c.version() == null || c.inputs() == null || c.outputs() == null || c.files() == null || c.inputTensor() == null
                    || c.outputTensor() == null) {
                throw new IOException(file + ": a model card needs id, version, inputs, outputs, inputTensor, outputTensor and files");
            }
            return c;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable model card: " + pe.cardumen.io.JsonSyntax.problem(e) + " (" + pe.cardumen.io.JsonSyntax.where(e) + ")", e);
        }
    }

    /** Writes the card as indented JSON with sorted map keys. */
    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    /** The input names, in order. */
    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    /** {@code id:version}. */
    public String ref() {
        return id + ":" + version;
    }

    /** The same card with other metrics. */
    public ModelCard withMetrics(Map<String, Map<String, Double>> m) {
        return new ModelCard(id, version, description, created, cardumenVersion, signature, tags, inputTensor, outputTensor, inputs, outputs, target,
                training, m, files);
    }

    /** The same card with other file checksums. */
    public ModelCard withFiles(Map<String, String> f) {
        return new ModelCard(id, version, description, created, cardumenVersion, signature, tags, inputTensor, outputTensor, inputs, outputs, target,
                training, metrics, f);
    }
}
