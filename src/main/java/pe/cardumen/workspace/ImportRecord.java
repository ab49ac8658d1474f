package pe.cardumen.workspace;

import java.time.Instant;

/**
 * One import as the workspace remembers it.
 *
 * @param id            row id in the {@code imports} table
 * @param kind          what was imported: {@code zones}, {@code sonar}, {@code satellite}, …
 * @param fileName      the input's file name
 * @param sizeBytes     its size, bytes
 * @param sha256        its SHA-256, lower-case hex
 * @param reader        the reader that read it
 * @param readerVersion the Cardumen version of that reader
 * @param importedAt    when it was stored, UTC
 * @param accepted      records accepted
 * @param rejected      records rejected
 * @param warnings      warnings raised
 * @param survey        the survey the import belongs to, or {@code null}
 * @param supersededBy  the later import of the same file that replaced this one's rows, or {@code null}
 */
public record ImportRecord(long id, String kind, String fileName, long sizeBytes, String sha256, String reader,
                           String readerVersion, Instant importedAt, int accepted, int rejected, int warnings, String survey,
                           Long supersededBy) {
    /** Whether a later import of the same file replaced this one's rows. */
    public boolean superseded() {
        return supersededBy != null;
    }
}
