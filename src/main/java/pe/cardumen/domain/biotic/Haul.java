package pe.cardumen.domain.biotic;

import java.time.Instant;

/**
 * A trawl haul's length sample: where and when, and the number of fish per length class.
 *
 * @param id        the haul's identifier
 * @param time      when it was made (null when not given)
 * @param lat       latitude, degrees
 * @param lon       longitude, degrees
 * @param lengthsCm length classes, cm, increasing
 * @param counts    fish (or frequency) per class
 */
public record Haul(String id, Instant time, double lat, double lon, double[] lengthsCm, double[] counts) {
    public Haul {
        lengthsCm = lengthsCm.clone();
        counts = counts.clone();
    }
}
