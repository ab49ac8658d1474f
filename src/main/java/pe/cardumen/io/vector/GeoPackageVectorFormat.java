package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** GeoPackage polygon layers (the table from the options when there are several). */
public final class GeoPackageVectorFormat implements FormatProvider<VectorLayer> {
    @Override
    public String format() {
        return "GeoPackage";
    }

    @Override
    public FormatKind<VectorLayer> kind() {
        return FormatKind.VECTOR;
    }

    @Override
    public double probe(Path file) throws IOException {
        return GeoPackageVectorReader.probe(file) ? CERTAIN : NO;
    }

    @Override
    public VectorLayer open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new GeoPackageVectorReader().read(file, options.layer());
    }
}
