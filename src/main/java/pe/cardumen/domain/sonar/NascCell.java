package pe.cardumen.domain.sonar;

import java.time.Instant;
import java.util.Objects;

/**
 * Echo-integrated backscatter of one cell (distance interval × depth layer) as another tool exported
 * it (Echoview integration by cells, ICES acoustic format) or as Cardumen computed it.
 *
 * @param source        the file or transect the cell comes from
 * @param channel       the channel or frequency label, e.g. {@code 38 kHz} (may be empty)
 * @param category      the scattering category (ICES SaCategory, Echoview region class); empty for all
 * @param interval      interval number along the track as the source numbered it
 * @param layer         layer number (0-based or as the source numbered it)
 * @param time          the interval's (mid or start) time; {@code null} when the source gives none
 * @param lat           latitude, degrees; NaN when missing
 * @param lon           longitude, degrees; NaN when missing
 * @param depthMinM     layer top, m
 * @param depthMaxM     layer bottom, m
 * @param svMeanDb      mean Sv, dB re 1 m⁻¹; NaN when missing
 * @param nascM2PerNmi2 NASC, m² nmi⁻²
 */
public record NascCell(String source, String channel, String category, int interval, int layer, Instant time, double lat, double lon,
                       double depthMinM, double depthMaxM, double svMeanDb, double nascM2PerNmi2) {
    public NascCell {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        if (!(nascM2PerNmi2 >= 0)) {
            throw new IllegalArgumentException("NASC must be >= 0 m² nmi⁻², was " + nascM2PerNmi2);
        }
    }

    /** Whether the cell has a position. */
    public boolean hasPosition() {
        return !Double.isNaN(lat) && !Double.isNaN(lon);
    }
}
