package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** NetCDF classic (CDF-1, CDF-2 and CDF-5). */
public final class NetcdfClassicFormat implements FormatProvider<GridSource> {
    @Override
    public String format() {
        return "NetCDF-3";
    }

    @Override
    public FormatKind<GridSource> kind() {
        return FormatKind.GRID;
    }

    @Override
    public double probe(Path file) throws IOException {
        return NetcdfClassicFile.probe(file) ? CERTAIN : NO;
    }

    @Override
    public GridSource open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return NetcdfClassicFile.open(file);
    }
}
