package pe.cardumen.workspace;

/**
 * One zone's stored biomass.
 *
 * @param zone              zone code
 * @param intervals         intervals in the zone
 * @param nascMean          mean NASC, m² nmi⁻²
 * @param densityTPerNmi2   biomass density, t nmi⁻²
 * @param biomassT          biomass, t
 * @param cv                bootstrap CV
 * @param juvenilePctNumber % juveniles by number
 * @param juvenilePctWeight % juveniles by weight
 */
public record BiomassRow(String zone, int intervals, double nascMean, double densityTPerNmi2, double biomassT, double cv, double juvenilePctNumber,
                         double juvenilePctWeight) {
}
