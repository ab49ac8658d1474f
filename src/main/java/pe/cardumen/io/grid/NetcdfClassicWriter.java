package pe.cardumen.io.grid;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one gridded variable {@code (time, lat, lon)} as a NetCDF classic file (format version 1,
 * Unidata's NetCDF File Format Specification) with CF-1.8 coordinate variables, packed as 16-bit
 * integers with {@code scale_factor}, {@code add_offset} and {@code _FillValue}. The output depends only
 * on the arguments (no time stamps), so the same grid always gives the same bytes. The file is written
 * beside the target and moved into place.
 */
public final class NetcdfClassicWriter {
    private static final int NC_DIMENSION = 0x0A;
    private static final int NC_VARIABLE = 0x0B;
    private static final int NC_ATTRIBUTE = 0x0C;
    private static final int NC_CHAR = 2;
    private static final int NC_SHORT = 3;
    private static final int NC_FLOAT = 5;
    private static final int NC_DOUBLE = 6;

    /**
     * A grid to write.
     *
     * @param variable   the variable's name, e.g. {@code sst}
     * @param units      its units (CF), e.g. {@code degree_C}
     * @param longName   its long name
     * @param scale      {@code scale_factor}: stored integer × scale + offset = value
     * @param offset     {@code add_offset}
     * @param fill       {@code _FillValue}, stored where a value is NaN or out of the 16-bit range
     * @param timeUnits  CF time units of {@code times}, e.g. {@code days since 1970-01-01 00:00:00}
     * @param times      the time coordinate, one per step
     * @param lats       latitude of row centres, degrees north
     * @param lons       longitude of column centres, degrees east
     * @param steps      values per step, row-major {@code [lat][lon]}, NaN for missing
     * @param global     global attributes (text), in order
     */
    public record Grid(String variable, String units, String longName, double scale, double offset, short fill, String timeUnits, double[] times,
                       double[] lats, double[] lons, List<float[]> steps, Map<String, String> global) {
        public Grid {
            if (steps.size() != times.length) {
                throw new IllegalArgumentException(steps.size() + " steps for " + times.length + " times");
            }
            for (float[] s : steps) {
                if (s.length != lats.length * lons.length) {
                    throw new IllegalArgumentException("a step has " + s.length + " values for " + lats.length + " × " + lons.length);
                }
            }
        }
    }

    private NetcdfClassicWriter() {
    }

    /** Writes the grid to {@code file}, replacing it. */
    public static void write(Path file, Grid g) throws IOException {
        int nt = g.times().length;
        int ny = g.lats().length;
        int nx = g.lons().length;
        Map<String, Object> timeAttrs = new LinkedHashMap<>();
        timeAttrs.put("standard_name", "time");
        timeAttrs.put("units", g.timeUnits());
        timeAttrs.put("calendar", "standard");
        timeAttrs.put("axis", "T");
        Map<String, Object> latAttrs = new LinkedHashMap<>();
        latAttrs.put("standard_name", "latitude");
        latAttrs.put("units", "degrees_north");
        latAttrs.put("axis", "Y");
        Map<String, Object> lonAttrs = new LinkedHashMap<>();
        lonAttrs.put("standard_name", "longitude");
        lonAttrs.put("units", "degrees_east");
        lonAttrs.put("axis", "X");
        Map<String, Object> dataAttrs = new LinkedHashMap<>();
        dataAttrs.put("long_name", g.longName());
        dataAttrs.put("units", g.units());
        dataAttrs.put("scale_factor", new float[] {(float) g.scale()});
        dataAttrs.put("add_offset", new float[] {(float) g.offset()});
        dataAttrs.put("_FillValue", new short[] {g.fill()});

        // header with placeholder offsets, to learn its size; then again with the real ones
        long[] sizes = {(long) nt * 8, (long) ny * 4, (long) nx * 4, padded((long) nt * ny * nx * 2)};
        byte[] header = header(g, timeAttrs, latAttrs, lonAttrs, dataAttrs, sizes, new long[4]);
        long[] begins = new long[4];
        long at = header.length;
        for (int i = 0; i < 4; i++) {
            begins[i] = at;
            at += sizes[i];
        }
        if (at > Integer.MAX_VALUE) {
            throw new IOException(file + ": the grid (" + at + " bytes) is too large for the NetCDF classic format; write fewer steps per file");
        }
        header = header(g, timeAttrs, latAttrs, lonAttrs, dataAttrs, sizes, begins);

        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".writing");
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16); DataOutputStream out = new DataOutputStream(os)) {
            out.write(header);
            for (double t : g.times()) {
                out.writeDouble(t);
            }
            for (double y : g.lats()) {
                out.writeFloat((float) y);
            }
            for (double x : g.lons()) {
                out.writeFloat((float) x);
            }
            for (float[] step : g.steps()) {
                for (float v : step) {
                    out.writeShort(pack(v, g));
                }
            }
            for (long i = (long) nt * ny * nx * 2; i < sizes[3]; i++) {
                out.writeByte(0);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stored integer of a value: rounded to the nearest step of the packing, the fill when NaN or out of range. */
    static short pack(float v, Grid g) {
        if (Float.isNaN(v)) {
            return g.fill();
        }
        double s = Math.rint((v - g.offset()) / g.scale());
        if (s < Short.MIN_VALUE || s > Short.MAX_VALUE || s == g.fill()) {
            return g.fill();
        }
        return (short) s;
    }

    private static byte[] header(Grid g, Map<String, Object> timeAttrs, Map<String, Object> latAttrs, Map<String, Object> lonAttrs,
                                 Map<String, Object> dataAttrs, long[] sizes, long[] begins) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(bytes);
        h.write(new byte[] {'C', 'D', 'F', 1});
        h.writeInt(0); // no record dimension
        h.writeInt(NC_DIMENSION);
        h.writeInt(3);
        name(h, "time");
        h.writeInt(g.times().length);
        name(h, "lat");
        h.writeInt(g.lats().length);
        name(h, "lon");
        h.writeInt(g.lons().length);
        Map<String, Object> global = new LinkedHashMap<>();
        global.put("Conventions", "CF-1.8");
        global.putAll(g.global());
        attributes(h, global);
        h.writeInt(NC_VARIABLE);
        h.writeInt(4);
        variable(h, "time", new int[] {0}, timeAttrs, NC_DOUBLE, sizes[0], begins[0]);
        variable(h, "lat", new int[] {1}, latAttrs, NC_FLOAT, sizes[1], begins[1]);
        variable(h, "lon", new int[] {2}, lonAttrs, NC_FLOAT, sizes[2], begins[2]);
        variable(h, g.variable(), new int[] {0, 1, 2}, dataAttrs, NC_SHORT, sizes[3], begins[3]);
        h.flush();
        return bytes.toByteArray();
    }

    private static void variable(DataOutputStream h, String name, int[] dims, Map<String, Object> attrs, int type, long vsize, long begin)
            throws IOException {
        name(h, name);
        h.writeInt(dims.length);
        for (int d : dims) {
            h.writeInt(d);
        }
        attributes(h, attrs);
        h.writeInt(type);
        h.writeInt((int) Math.min(vsize, Integer.MAX_VALUE));
        h.writeInt((int) begin);
    }

    private static void attributes(DataOutputStream h, Map<String, Object> attrs) throws IOException {
        if (attrs.isEmpty()) {
            h.writeInt(0);
            h.writeInt(0);
            return;
        }
        h.writeInt(NC_ATTRIBUTE);
        h.writeInt(attrs.size());
        for (Map.Entry<String, Object> a : attrs.entrySet()) {
            name(h, a.getKey());
            Object v = a.getValue();
            if (v instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                h.writeInt(NC_CHAR);
                h.writeInt(b.length);
                h.write(b);
                zeros(h, b.length);
            } else if (v instanceof float[] f) {
                h.writeInt(NC_FLOAT);
                h.writeInt(f.length);
                for (float x : f) {
                    h.writeFloat(x);
                }
            } else if (v instanceof short[] s) {
                h.writeInt(NC_SHORT);
                h.writeInt(s.length);
                for (short x : s) {
                    h.writeShort(x);
                }
                zeros(h, s.length * 2L);
            } else {
                throw new IllegalArgumentException("attribute " + a.getKey() + " of type " + v.getClass().getSimpleName());
            }
        }
    }

    private static void name(DataOutputStream h, String name) throws IOException {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        h.writeInt(b.length);
        h.write(b);
        zeros(h, b.length);
    }

    private static void zeros(DataOutputStream h, long written) throws IOException {
        for (long i = written; i % 4 != 0; i++) {
            h.writeByte(0);
        }
    }

    private static long padded(long n) {
        return (n + 3) / 4 * 4;
    }
}
