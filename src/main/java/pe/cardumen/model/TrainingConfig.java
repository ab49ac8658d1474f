package pe.cardumen.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code cardumen train} trains, read from a JSON file (see {@code models/README.md}).
 *
 * @param id          model id
 * @param version     version to write
 * @param description one line for the card
 * @param inputs      the feature-table columns to use, in order, each with its unit and transform
 * @param trainUntil  last period (YYYY-MM) of the training seasons
 * @param validationUntil last period of the validation seasons (early stopping and the search); later
 *                    periods are the held-out test seasons
 * @param seed        seed of initialisation, batch order and the search
 * @param search      the hyper-parameter grid
 */
public record TrainingConfig(String id, String version, String description, List<Input> inputs, String trainUntil, String validationUntil, long seed,
                             Search search) {

    /** An input column: name, unit and transform ({@code none} or {@code log1p}). */
    public record Input(String name, String unit, String transform) {
    }

    /**
     * The grid: every combination of layers and learning rates is trained.
     *
     * @param layers        hidden-layer widths per candidate, e.g. [[32], [64, 32]]
     * @param learningRates Adam learning rates
     * @param batch         mini-batch size
     * @param maxEpochs     epochs at most
     * @param patience      early-stopping patience, epochs
     */
    public record Search(List<int[]> layers, List<Double> learningRates, int batch, int maxEpochs, int patience) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Reads a configuration.
     *
     * @throws IOException when it is not readable or lacks a field (named)
     */
    public static TrainingConfig read(Path file) throws IOException {
        TrainingConfig c;
        try {
            c = JSON.readValue(file.toFile(), TrainingConfig.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + ": not a readable training configuration: " + pe.cardumen.io.JsonSyntax.problem(e) + " (" + pe.cardumen.io.JsonSyntax.where(e) + ")", e);
        }
        String missing = c.id() == null ? "id" : c.version() == null ? "version" : c.inputs() == null || c.inputs().isEmpty() ? "inputs"
                : c.trainUntil() == null ? "trainUntil" : c.validationUntil() == null ? "validationUntil" : c.search() == null ? "search"
                : c.search().layers() == null || c.search().layers().isEmpty() ? "search.layers"
                : c.search().learningRates() == null || c.search().learningRates().isEmpty() ? "search.learningRates" : null;
        if (missing != null) {
            throw new IOException(file + ": the training configuration lacks '" + missing + "'");
        }
        return c;
    }
}
