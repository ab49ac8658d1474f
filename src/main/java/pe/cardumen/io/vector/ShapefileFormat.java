package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** ESRI Shapefile polygon layers. */
public final class ShapefileFormat implements FormatProvider<VectorLayer> {
    @Override
    public String format() {
        return "ESRI Shapefile";
    }

    @Override
    public FormatKind<VectorLayer> kind() {
        return FormatKind.VECTOR;
    }

    @Override
    public double probe(Path file) throws IOException {
        return ShapefileReader.probe(file) ? CERTAIN : NO;
    }

    @Override
    public VectorLayer open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new ShapefileReader().read(file);
    }
}
