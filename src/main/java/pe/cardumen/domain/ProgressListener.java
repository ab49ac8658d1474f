package pe.cardumen.domain;

/**
 * Receives progress reports from long operations. Implementations must be thread-safe: operations
 * call it from whatever thread they run on (the UI adapts it to the JavaFX thread).
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores every report. */
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * Reports that {@code done} of {@code total} units of work are finished.
     *
     * @param done    units finished, 0…total
     * @param total   units in all; 0 or negative when unknown
     * @param message what is being done, for a status line (may be empty)
     */
    void progress(long done, long total, String message);
}
