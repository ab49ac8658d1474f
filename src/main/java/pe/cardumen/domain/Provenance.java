package pe.cardumen.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an imported artifact came from: enough to find the exact input again and to say which code
 * read it.
 *
 * @param fileName      the input's file name (no directories)
 * @param sizeBytes     the input's size in bytes
 * @param sha256        lower-case hex SHA-256 of the input's bytes (for multi-file formats such as
 *                      a Shapefile, of the main file)
 * @param reader        the reader's name, e.g. {@code geojson}
 * @param readerVersion the Cardumen version that contains the reader
 * @param readAt        when the input was read, UTC
 */
public record Provenance(String fileName, long sizeBytes, String sha256, String reader, String readerVersion, Instant readAt) {
    public Provenance {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(readerVersion, "readerVersion");
        Objects.requireNonNull(readAt, "readAt");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("size must be >= 0 bytes, was " + sizeBytes);
        }
    }
}
