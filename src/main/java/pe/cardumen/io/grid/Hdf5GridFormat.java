package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** NetCDF-4 (HDF5) grids. */
public final class Hdf5GridFormat implements FormatProvider<GridSource> {
    @Override
    public String format() {
        return "NetCDF-4/HDF5";
    }

    @Override
    public FormatKind<GridSource> kind() {
        return FormatKind.GRID;
    }

    @Override
    public double probe(Path file) throws IOException {
        return Hdf5GridSource.probe(file) ? CERTAIN : NO;
    }

    @Override
    public GridSource open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return Hdf5GridSource.open(file);
    }
}
