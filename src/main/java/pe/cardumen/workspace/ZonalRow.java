package pe.cardumen.workspace;

/**
 * One zone's statistics of one variable at one time step, as stored in the workspace.
 *
 * @param variable      the variable, e.g. {@code sst}
 * @param unit          its normalised unit, e.g. {@code °C}
 * @param timeUtc       ISO-8601 time, or {@code null} when the grid had none
 * @param zone          the zone's code
 * @param mean          mean of the valid values (NaN when none)
 * @param min           minimum
 * @param max           maximum
 * @param std           standard deviation
 * @param nValid        valid values
 * @param validFraction valid values / cells of the zone
 */
public record ZonalRow(String variable, String unit, String timeUtc, String zone, double mean, double min, double max, double std, int nValid,
                       double validFraction) {
}
