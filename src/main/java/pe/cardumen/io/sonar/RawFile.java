package pe.cardumen.io.sonar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.FileFormatException;

/**
 * A Simrad raw file opened for streaming: nothing is read until {@link #read}, which hands every
 * datagram to a handler.
 *
 * @param file the {@code .raw} file
 */
public record RawFile(Path file) {
    /** Checks the file exists and is not empty. */
    public static RawFile of(Path file) throws FileFormatException, IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw new FileFormatException(file, "", "does not exist or is empty");
        }
        return new RawFile(file);
    }

    /** Streams the file's datagrams to the handler (see {@link SimradRawReader#read}). */
    public RawReadSummary read(RawFileHandler handler, ProgressListener progress, CancellationToken cancel) throws IOException, FileFormatException {
        return new SimradRawReader().read(file, handler, progress, cancel);
    }
}
