package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import pe.cardumen.io.FileFormatException;

/**
 * Raw access to the variables of a gridded-data file, before CF interpretation: NetCDF classic
 * ({@link NetcdfClassicFile}) or NetCDF-4/HDF5 ({@link Hdf5GridSource}).
 */
public interface GridSource extends AutoCloseable {
    /** The file. */
    Path file();

    /** The format's name for reports, e.g. {@code NetCDF classic}. */
    String format();

    /** Dimension names and lengths. */
    Map<String, Integer> dimensions();

    /** Variables by name, in file order. */
    Map<String, NcVariable> variables();

    /** Every value of a (small) variable, raw. */
    double[] readAll(NcVariable v) throws IOException, FileFormatException;

    /** The values of one index of the variable's first dimension, raw. */
    double[] readSlice(NcVariable v, int first) throws IOException, FileFormatException;

    @Override
    void close() throws IOException;
}
