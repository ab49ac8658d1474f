package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** GeoJSON polygon layers. */
public final class GeoJsonFormat implements FormatProvider<VectorLayer> {
    @Override
    public String format() {
        return "GeoJSON";
    }

    @Override
    public FormatKind<VectorLayer> kind() {
        return FormatKind.VECTOR;
    }

    @Override
    public double probe(Path file) throws IOException {
        return GeoJsonReader.probe(file) ? LIKELY : NO;
    }

    @Override
    public VectorLayer open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new GeoJsonReader().read(file);
    }
}
