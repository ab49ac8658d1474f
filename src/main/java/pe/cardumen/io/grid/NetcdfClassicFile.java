package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.io.FileFormatException;

/**
 * A NetCDF classic file (format versions 1 "classic" and 2 "64-bit offset"; Unidata's NetCDF File
 * Format Specification), opened for reading: the header is parsed at once, data are read on demand
 * with positional reads, so memory holds one slice at a time.
 *
 * <p>Not thread-safe. Close it when done.
 */
public final class NetcdfClassicFile implements GridSource {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;

    private final Path file;
    private final FileChannel channel;
    private final int version;
    private final int records;
    private final List<String> dimensionNames = new ArrayList<>();
    private final List<Integer> dimensionLengths = new ArrayList<>();
    private int recordDimension = -1;
    private final Map<String, Object> globalAttributes;
    private final Map<String, NcVariable> variables = new LinkedHashMap<>();
    private long recordSize;

    /** Whether the file starts with the NetCDF classic magic {@code CDF\1} or {@code CDF\2}. */
    public static boolean probe(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'C' && m[1] == 'D' && m[2] == 'F' && (m[3] == 1 || m[3] == 2);
        }
    }

    /**
     * Opens the file and parses its header.
     *
     * @throws FileFormatException when the magic is wrong or the header is truncated or corrupt, naming
     *                             the byte where it went wrong
     */
    public static NetcdfClassicFile open(Path file) throws IOException, FileFormatException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new NetcdfClassicFile(file, ch);
        } catch (FileFormatException | IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private NetcdfClassicFile(Path file, FileChannel channel) throws IOException, FileFormatException {
        this.file = file;
        this.channel = channel;
        long size = channel.size();
        if (size < 8) {
            throw new FileFormatException(file, "byte 0", "is too short to be a NetCDF file (" + size + " bytes)");
        }
        // the header is small (kilobytes); read up to 4 MB of it in one go
        ByteBuffer h = ByteBuffer.allocate((int) Math.min(size, 4 << 20)).order(ByteOrder.BIG_ENDIAN);
        channel.read(h, 0);
        h.flip();
        try {
            if (h.get() != 'C' || h.get() != 'D' || h.get() != 'F') {
                throw new FileFormatException(file, "byte 0", "is not a NetCDF classic file (no 'CDF' magic); NetCDF-4 files are HDF5");
            }
            version = h.get();
            if (version != 1 && version != 2) {
                throw new FileFormatException(file, "byte 3", "NetCDF format version " + version + " is not supported (only 1 and 2)");
            }
            records = h.getInt();
            if (records < 0) {
                throw new FileFormatException(file, "byte 4", "the record count " + records + " is negative (streaming files are not supported); "
                        + "the file is corrupt or still being written");
            }
            // dimensions
            int tag = h.getInt();
            int n = count(h, "dimensions", 8);
            if (tag == NC_DIMENSION) {
                for (int i = 0; i < n; i++) {
                    String name = name(h, "dimension " + i);
                    int at = h.position();
                    int length = h.getInt();
                    if (length < 0) {
                        throw new FileFormatException(file, "byte " + at, "dimension '" + name + "' has negative length " + length + "; the file is corrupt");
                    }
                    if (length == 0) {
                        recordDimension = i;
                    }
                    dimensionNames.add(name);
                    dimensionLengths.add(length);
                }
            } else if (tag != 0 || n != 0) {
                throw new FileFormatException(file, "byte " + (h.position() - 8), "corrupt header: expected the dimension list");
            }
            globalAttributes = attributes(h, "global");
            tag = h.getInt();
            n = count(h, "variables", 24);
            if (tag != NC_VARIABLE && (tag != 0 || n != 0)) {
                throw new FileFormatException(file, "byte " + (h.position() - 8), "corrupt header: expected the variable list");
            }
            List<NcVariable> recordVars = new ArrayList<>();
            for (int i = 0; tag == NC_VARIABLE && i < n; i++) {
                String name = name(h, "variable " + i);
                int at = h.position();
                int rank = h.getInt();
                if (rank < 0 || rank > dimensionNames.size() || 4L * rank > h.remaining()) {
                    throw new FileFormatException(file, "byte " + at, "variable '" + name + "' declares " + rank + " dimensions but the file has "
                            + dimensionNames.size() + "; the header is corrupt");
                }
                List<String> dims = new ArrayList<>();
                int[] shape = new int[rank];
                boolean record = false;
                for (int k = 0; k < rank; k++) {
                    int idAt = h.position();
                    int id = h.getInt();
                    if (id < 0 || id >= dimensionNames.size()) {
                        throw new FileFormatException(file, "byte " + idAt, "variable '" + name + "' names dimension #" + id + ", but there are "
                                + dimensionNames.size() + "; the header is corrupt");
                    }
                    dims.add(dimensionNames.get(id));
                    shape[k] = id == recordDimension ? records : dimensionLengths.get(id);
                    if (k == 0 && id == recordDimension) {
                        record = true;
                    }
                }
                Map<String, Object> atts = attributes(h, "variable '" + name + "'");
                int typeAt = h.position();
                int type = h.getInt();
                if (type < 1 || type > 6) {
                    throw new FileFormatException(file, "byte " + typeAt, "variable '" + name + "' has unknown type " + type + "; the header is corrupt");
                }
                long vsize = h.getInt() & 0xFFFFFFFFL;
                long begin = version == 1 ? h.getInt() & 0xFFFFFFFFL : h.getLong();
                if (begin < 0 || begin > size) {
                    throw new FileFormatException(file, "byte " + typeAt, "variable '" + name + "' starts at byte " + begin + ", beyond the end of the file ("
                            + size + " bytes); the file is truncated or corrupt");
                }
                NcVariable v = new NcVariable(name, dims, shape, atts, type, begin, record);
                variables.put(name, v);
                if (record) {
                    recordVars.add(v);
                    recordSize += vsize;
                }
            }
            if (recordVars.size() == 1) {
                // a single record variable is not padded to 4 bytes per record
                NcVariable v = recordVars.get(0);
                recordSize = v.size() / Math.max(1, records) * v.typeSize();
            }
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // reading or skipping past the end of what was read of the header
            throw new FileFormatException(file, "header", "the header ends early or is corrupt; the file may be truncated");
        }
    }

    /**
     * A count of header items that each take at least {@code minBytes}: refused when negative or when
     * the rest of the header cannot hold that many (a corrupted count must not size an allocation).
     */
    private int count(ByteBuffer h, String what, int minBytes) throws FileFormatException {
        int at = h.position();
        int n = h.getInt();
        if (n < 0 || (long) n * minBytes > h.remaining()) {
            throw new FileFormatException(file, "byte " + at, "the header declares " + Integer.toUnsignedString(n) + " " + what + " but only "
                    + h.remaining() + " bytes follow in the file; it is truncated or corrupt");
        }
        return n;
    }

    private String name(ByteBuffer h, String of) throws FileFormatException {
        int at = h.position();
        int n = h.getInt();
        if (n < 0 || (long) n + pad(n) > h.remaining()) {
            throw new FileFormatException(file, "byte " + at, "the name of " + of + " is declared " + Integer.toUnsignedString(n)
                    + " bytes long but only " + h.remaining() + " bytes follow in the file; it is truncated or corrupt");
        }
        byte[] b = new byte[n];
        h.get(b);
        h.position(h.position() + pad(n));
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int pad(long n) {
        return (int) ((4 - n % 4) % 4);
    }

    private Map<String, Object> attributes(ByteBuffer h, String of) throws FileFormatException {
        Map<String, Object> out = new LinkedHashMap<>();
        int tag = h.getInt();
        int n = count(h, "attributes of " + of, 12);
        if (tag != NC_ATTRIBUTE) {
            if (tag != 0 || n != 0) {
                throw new FileFormatException(file, "byte " + (h.position() - 8), "corrupt header: expected an attribute list");
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            String name = name(h, "attribute " + i + " of " + of);
            int typeAt = h.position();
            int type = h.getInt();
            int size = NcVariable.typeSize(type);
            if (size < 0) {
                throw new FileFormatException(file, "byte " + typeAt, "attribute '" + name + "' of " + of + " has unknown type " + type + "; the header is corrupt");
            }
            int countAt = h.position();
            int count = h.getInt();
            if (count < 0 || (long) count * size > h.remaining()) {
                throw new FileFormatException(file, "byte " + countAt, "attribute '" + name + "' of " + of + " declares "
                        + Integer.toUnsignedString(count) + " values but only " + h.remaining() + " bytes follow in the file; it is truncated or corrupt");
            }
            if (type == 2) {
                byte[] b = new byte[count];
                h.get(b);
                h.position(h.position() + pad(count));
                int len = count;
                while (len > 0 && b[len - 1] == 0) {
                    len--;
                }
                out.put(name, new String(b, 0, len, StandardCharsets.UTF_8));
            } else {
                double[] v = new double[count];
                for (int k = 0; k < count; k++) {
                    switch (type) {
                        case 1: v[k] = h.get(); break;
                        case 3: v[k] = h.getShort(); break;
                        case 4: v[k] = h.getInt(); break;
                        case 5: v[k] = h.getFloat(); break;
                        default: v[k] = h.getDouble(); break;
                    }
                }
                h.position(h.position() + pad((long) count * size));
                out.put(name, v);
            }
        }
        return out;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return version == 1 ? "NetCDF classic" : "NetCDF 64-bit offset";
    }

    /** The NetCDF format version: 1 classic, 2 64-bit offset. */
    public int version() {
        return version;
    }

    /** Dimension names and lengths, in file order (the record dimension with its record count). */
    @Override
    public Map<String, Integer> dimensions() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < dimensionNames.size(); i++) {
            m.put(dimensionNames.get(i), i == recordDimension ? records : dimensionLengths.get(i));
        }
        return m;
    }

    public Map<String, Object> globalAttributes() {
        return globalAttributes;
    }

    @Override
    public Map<String, NcVariable> variables() {
        return variables;
    }

    /** Every value of a (small) variable as doubles, raw (no scale or fill applied). */
    @Override
    public double[] readAll(NcVariable v) throws IOException, FileFormatException {
        if (v.size() > 50_000_000L || v.size() < 0) {
            throw new FileFormatException(file, v.name(), "variable '" + v.name() + "' declares " + v.size() + " values, too many to read at once; "
                    + "the header is corrupt or the grid is too large — cut it with ncks or ERDDAP first");
        }
        if (!v.record()) {
            return read(v, v.begin(), (int) v.size());
        }
        int perRecord = (int) (v.size() / Math.max(1, records));
        double[] out = new double[(int) v.size()];
        for (int r = 0; r < records; r++) {
            System.arraycopy(read(v, v.begin() + r * recordSize, perRecord), 0, out, r * perRecord, perRecord);
        }
        return out;
    }

    /**
     * The values of one index of a variable's first dimension (one time step of a
     * {@code time × … × lat × lon} variable), raw.
     */
    @Override
    public double[] readSlice(NcVariable v, int first) throws IOException, FileFormatException {
        long perSliceLong = v.size() / Math.max(1, v.shape()[0]);
        if (perSliceLong > Integer.MAX_VALUE) {
            throw new FileFormatException(file, v.name(), "one step of variable '" + v.name() + "' declares " + perSliceLong
                    + " values, too many to read at once; the header is corrupt or the grid is too large — cut it first");
        }
        int perSlice = (int) perSliceLong;
        long start = v.record() ? v.begin() + first * recordSize : v.begin() + (long) first * perSlice * v.typeSize();
        return read(v, start, perSlice);
    }

    private double[] read(NcVariable v, long position, int count) throws IOException, FileFormatException {
        long longBytes = (long) count * v.typeSize();
        if (count < 0 || longBytes > Integer.MAX_VALUE - 8) {
            throw new FileFormatException(file, v.name(), "variable '" + v.name() + "' declares a slice of " + count + " values, more than can be read at once; "
                    + "the header is corrupt or the grid is too large — cut it with ncks or ERDDAP first");
        }
        int bytes = (int) longBytes;
        if (position + bytes > channel.size()) {
            throw new FileFormatException(file, "byte " + position, "variable '" + v.name() + "' needs " + bytes + " bytes there but the file ends at byte "
                    + channel.size() + "; the file is truncated");
        }
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.BIG_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                break;
            }
        }
        b.flip();
        double[] out = new double[count];
        switch (v.type()) {
            case 1: for (int i = 0; i < count; i++) { out[i] = b.get(); } break;
            case 3: for (int i = 0; i < count; i++) { out[i] = b.getShort(); } break;
            case 4: for (int i = 0; i < count; i++) { out[i] = b.getInt(); } break;
            case 5: for (int i = 0; i < count; i++) { out[i] = b.getFloat(); } break;
            case 6: for (int i = 0; i < count; i++) { out[i] = b.getDouble(); } break;
            default: throw new FileFormatException(file, v.name(), "variable of type " + v.type() + " (text) is not numeric");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
