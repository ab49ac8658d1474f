package pe.cardumen.acoustics;

import java.time.Instant;

/**
 * One echo-integration cell: a distance interval × a depth layer.
 *
 * @param interval       0-based interval number along the track
 * @param layer          0-based layer number from the top
 * @param timeStart      time of the interval's first ping
 * @param timeEnd        time of its last ping
 * @param lat            mean latitude of the interval's pings, degrees (NaN without positions)
 * @param lon            mean longitude, degrees (NaN without positions)
 * @param depthMinM      layer top, m
 * @param depthMaxM      layer bottom, m
 * @param svMeanDb       mean Sv of the included samples (below-threshold ones as zero), dB re 1 m⁻¹; NaN
 *                       when no sample was included or all were below the threshold
 * @param nascM2PerNmi2  mean NASC over the interval's pings, m² nmi⁻²
 * @param pings          pings in the interval
 * @param samples        samples included (after exclusions) over all pings
 * @param zone           AIP zone of the interval's mean position, or empty when outside every zone
 */
public record IntegrationCell(int interval, int layer, Instant timeStart, Instant timeEnd, double lat, double lon, double depthMinM,
                              double depthMaxM, double svMeanDb, double nascM2PerNmi2, int pings, long samples, String zone) {
}
