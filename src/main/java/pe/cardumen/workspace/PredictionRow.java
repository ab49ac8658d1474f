package pe.cardumen.workspace;

/**
 * A zone's predicted biomass.
 *
 * @param p10T       10 % quantile, t
 * @param p50T       median, t
 * @param p90T       90 % quantile, t
 * @param densityP50 median density, t nmi⁻²
 */
public record PredictionRow(String zone, double p10T, double p50T, double p90T, double densityP50) {
}
