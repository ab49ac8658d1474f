package pe.cardumen.io.sonar;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** Simrad EK60/EK80 `.raw` recordings: a datagram stream starting with a CON0 or XML0 configuration. */
public final class SimradRawFormat implements FormatProvider<RawFile> {
    @Override
    public String format() {
        return "Simrad EK60/EK80 raw";
    }

    @Override
    public FormatKind<RawFile> kind() {
        return FormatKind.SONAR;
    }

    @Override
    public double probe(Path file) throws IOException {
        return SimradRawReader.probe(file) ? CERTAIN : NO;
    }

    @Override
    public RawFile open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return RawFile.of(file);
    }
}
