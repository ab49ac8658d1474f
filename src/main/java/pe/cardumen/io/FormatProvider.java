package pe.cardumen.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One file format Cardumen reads: a cheap {@link #probe} that looks at the name and the first bytes
 * only, and an {@link #open}. The {@link FormatRegistry} asks every provider and opens the file with
 * the most confident one, so adding a format is one class and one line in
 * {@link FormatRegistry#standard()} (as Apache SIS's {@code DataStoreProvider.probeContent} does).
 *
 * @param <T> what the file is opened as ({@link FormatKind})
 */
public interface FormatProvider<T> {
    /** Sure: the file carries the format's signature (a magic number, a file header). */
    double CERTAIN = 1.0;
    /** Very likely: a text file whose header names the format's own columns or elements. */
    double LIKELY = 0.9;
    /** Possible: a generic layout the file fits (a CSV with coordinate and value columns). */
    double POSSIBLE = 0.7;
    /** Not this format. */
    double NO = 0;

    /** The format's name for messages and provenance, e.g. {@code Simrad EK60/EK80 raw}. */
    String format();

    /** What the file holds once opened. */
    FormatKind<T> kind();

    /**
     * How sure the provider is that the file is in its format, from 0 ({@link #NO}) to 1
     * ({@link #CERTAIN}); reads at most the first few kilobytes.
     */
    double probe(Path file) throws IOException;

    /**
     * Opens the file (streaming readers return a handle; small formats are read whole).
     *
     * @throws FileFormatException when the file is not readable in this format, naming the place
     */
    T open(Path file, OpenOptions options) throws IOException, FileFormatException;
}
