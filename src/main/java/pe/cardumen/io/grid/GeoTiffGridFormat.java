package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** GeoTIFF grids (the band dates from the options). */
public final class GeoTiffGridFormat implements FormatProvider<GridSource> {
    @Override
    public String format() {
        return "GeoTIFF";
    }

    @Override
    public FormatKind<GridSource> kind() {
        return FormatKind.GRID;
    }

    @Override
    public double probe(Path file) throws IOException {
        return GeoTiffGridSource.probe(file) ? CERTAIN : NO;
    }

    @Override
    public GridSource open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return GeoTiffGridSource.open(file, options.dates());
    }
}
