package pe.cardumen.io.grid;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.io.FileFormatException;

/**
 * NetCDF-4 files (HDF5 underneath: deflate, shuffle, chunking) read with jHDF. The datasets of the root
 * group are the variables; dimension scales ({@code CLASS = DIMENSION_SCALE}) give the dimensions. A
 * variable's dimensions are matched from its last axis backwards, CF order: longitude, latitude, then
 * vertical or singleton axes, with time first — the layout of NOAA OISST and Copernicus files. The CF
 * attributes are passed on unchanged; {@link CfGrid} applies them.
 *
 * <p>Not thread-safe; close it.
 */
public final class Hdf5GridSource implements GridSource {
    private static final byte[] MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};

    private final Path file;
    private final HdfFile hdf;
    private final Map<String, NcVariable> variables = new LinkedHashMap<>();
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, Integer> dimensions = new LinkedHashMap<>();

    /** Whether the file starts with the HDF5 signature. */
    public static boolean probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(8), MAGIC);
        }
    }

    /**
     * Opens the file.
     *
     * @throws FileFormatException when jHDF cannot read it, or it has no datasets
     */
    public static Hdf5GridSource open(Path file) throws FileFormatException {
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new FileFormatException(file, "", "cannot be read as NetCDF-4/HDF5 (" + e.getMessage() + "); the file may be truncated", e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(file, "header", e);
        }
        try {
            return new Hdf5GridSource(file, hdf);
        } catch (FileFormatException | RuntimeException | OutOfMemoryError e) {
            hdf.close();
            if (e instanceof FileFormatException) {
                throw (FileFormatException) e;
            }
            if (e instanceof OutOfMemoryError) {
                throw tooLarge(file, "header", (OutOfMemoryError) e);
            }
            throw new FileFormatException(file, "", "cannot be read as NetCDF-4/HDF5 (" + e.getMessage() + ")", e);
        }
    }

    private Hdf5GridSource(Path file, HdfFile hdf) throws FileFormatException {
        this.file = file;
        this.hdf = hdf;
        Map<String, NcVariable> plain = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : hdf.getChildren().entrySet()) {
            if (e.getValue() instanceof Dataset) {
                Dataset ds = (Dataset) e.getValue();
                datasets.put(e.getKey(), ds);
                plain.put(e.getKey(), new NcVariable(e.getKey(), List.of(), ds.getDimensions(), attributes(ds), type(ds.getJavaType()), -1, false));
            }
        }
        if (plain.isEmpty()) {
            throw new FileFormatException(file, "", "has no datasets in its root group");
        }
        // coordinate variables: 1-D dimension scales, or 1-D datasets CF recognises as an axis
        Map<String, String> kinds = new LinkedHashMap<>();
        for (NcVariable v : plain.values()) {
            if (v.shape().length == 1 && ("DIMENSION_SCALE".equals(v.text("CLASS")) || !CfGrid.kind(v).isEmpty())) {
                dimensions.put(v.name(), v.shape()[0]);
                kinds.put(v.name(), CfGrid.kind(v));
            }
        }
        for (NcVariable v : plain.values()) {
            List<String> dims = dimensionsOf(v, kinds);
            variables.put(v.name(), new NcVariable(v.name(), dims, v.shape(), v.attributes(), v.type(), -1, false));
        }
    }

    /** The dimension names of a variable, matched from the last axis backwards (X, Y, then Z/T). */
    private List<String> dimensionsOf(NcVariable v, Map<String, String> kinds) {
        int rank = v.shape().length;
        if (rank == 1 && dimensions.containsKey(v.name())) {
            return List.of(v.name());
        }
        String[] dims = new String[rank];
        String[] wanted = new String[rank];
        for (int k = 0; k < rank; k++) {
            wanted[k] = k == rank - 1 ? "X" : k == rank - 2 ? "Y" : k == 0 ? "T" : "Z";
        }
        List<String> used = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            for (Map.Entry<String, String> c : kinds.entrySet()) {
                if (c.getValue().equals(wanted[k]) && dimensions.get(c.getKey()) == v.shape()[k] && !used.contains(c.getKey())) {
                    dims[k] = c.getKey();
                    used.add(c.getKey());
                    break;
                }
            }
            if (dims[k] == null) {
                // a singleton or unnamed axis (zlev without a known kind, say): any unused dimension of that length
                for (Map.Entry<String, Integer> d : dimensions.entrySet()) {
                    if (d.getValue() == v.shape()[k] && !used.contains(d.getKey()) && kinds.getOrDefault(d.getKey(), "").isEmpty()) {
                        dims[k] = d.getKey();
                        used.add(d.getKey());
                        break;
                    }
                }
            }
            if (dims[k] == null) {
                dims[k] = v.name() + "_dim" + k;
            }
        }
        return List.of(dims);
    }

    private static int type(Class<?> t) {
        if (t == byte.class || t == Byte.class) {
            return 1;
        }
        if (t == short.class || t == Short.class) {
            return 3;
        }
        if (t == int.class || t == Integer.class) {
            return 4;
        }
        if (t == float.class || t == Float.class) {
            return 5;
        }
        return 6;
    }

    private static Map<String, Object> attributes(Dataset ds) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : ds.getAttributes().entrySet()) {
            try {
                Object data = a.getValue().getData();
                if (data instanceof String) {
                    out.put(a.getKey(), data);
                } else if (data instanceof String[] && ((String[]) data).length > 0) {
                    out.put(a.getKey(), ((String[]) data)[0]);
                } else if (data != null && data.getClass().isArray()) {
                    double[] v = flatten(data);
                    if (v != null) {
                        out.put(a.getKey(), v);
                    }
                } else if (data instanceof Number) {
                    out.put(a.getKey(), new double[] {((Number) data).doubleValue()});
                }
            } catch (RuntimeException e) {
                // object references (DIMENSION_LIST, REFERENCE_LIST) and other kinds CF does not need
            }
        }
        return out;
    }

    /** Flattens a (nested) primitive or boxed numeric array; {@code null} when it holds no numbers. */
    static double[] flatten(Object array) {
        List<Double> values = new ArrayList<>();
        if (!collect(array, values)) {
            return null;
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static boolean collect(Object array, List<Double> out) {
        int n = Array.getLength(array);
        Class<?> c = array.getClass().getComponentType();
        if (c.isArray()) {
            for (int i = 0; i < n; i++) {
                if (!collect(Array.get(array, i), out)) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n; i++) {
            Object o = Array.get(array, i);
            if (!(o instanceof Number)) {
                return false;
            }
            out.add(((Number) o).doubleValue());
        }
        return true;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return "NetCDF-4/HDF5";
    }

    @Override
    public Map<String, Integer> dimensions() {
        return dimensions;
    }

    @Override
    public Map<String, NcVariable> variables() {
        return variables;
    }

    @Override
    public double[] readAll(NcVariable v) throws FileFormatException {
        try {
            double[] out = flatten(datasets.get(v.name()).getDataFlat());
            if (out == null) {
                throw new FileFormatException(file, v.name(), "is not numeric");
            }
            return out;
        } catch (RuntimeException e) {
            throw new FileFormatException(file, v.name(), "cannot be read (" + e.getMessage() + "); the file may be truncated or corrupt", e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(file, v.name(), e);
        }
    }

    @Override
    public double[] readSlice(NcVariable v, int first) throws FileFormatException {
        int[] shape = v.shape();
        long[] offset = new long[shape.length];
        offset[0] = first;
        int[] size = shape.clone();
        size[0] = 1;
        try {
            double[] out = flatten(datasets.get(v.name()).getData(offset, size));
            if (out == null) {
                throw new FileFormatException(file, v.name(), "is not numeric");
            }
            return out;
        } catch (RuntimeException e) {
            throw new FileFormatException(file, v.name() + "[" + first + "]", "cannot be read (" + e.getMessage()
                    + "); the file may be truncated or corrupt", e);
        } catch (OutOfMemoryError e) {
            throw tooLarge(file, v.name() + "[" + first + "]", e);
        }
    }

    /**
     * jHDF sizes its buffers from the file's own size fields; one damaged into a huge value fails that
     * single allocation (nothing else was allocated for it), which is reported as the corruption it is.
     */
    private static FileFormatException tooLarge(Path file, String where, OutOfMemoryError e) {
        return new FileFormatException(file, where, "declares a structure larger than the memory Cardumen has ("
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); a size field of the file is damaged — export it again", e);
    }

    @Override
    public void close() {
        hdf.close();
    }
}
