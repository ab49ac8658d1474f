package pe.cardumen.workspace;

import java.time.Instant;

/**
 * A stored prediction.
 *
 * @param model       {@code id:version}
 * @param modelSha256 the version's hash
 * @param period      the month predicted, {@code YYYY-MM}
 * @param totalP50T   sum of the zones' medians, t
 */
public record PredictionRun(long id, String model, String modelSha256, String period, Instant computedAt, double totalP50T) {
}
