package pe.cardumen.io;

import java.time.Instant;
import java.util.List;

/**
 * What some formats need besides the file: the species of an ICES biotic file with several, the
 * table of a GeoPackage with several layers, the dates of a GeoTIFF's bands.
 *
 * @param species ICES biotic {@code CatchSpeciesCode}, or {@code null}
 * @param layer   the GeoPackage feature table, or {@code null}
 * @param dates   the date of each GeoTIFF band, or {@code null}
 */
public record OpenOptions(String species, String layer, List<Instant> dates) {
    /** Nothing besides the file. */
    public static final OpenOptions NONE = new OpenOptions(null, null, null);
}
