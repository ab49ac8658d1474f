package pe.cardumen.io.grid;

import java.util.List;
import java.util.Map;

/**
 * A variable of a NetCDF file as its header describes it.
 *
 * @param name       the variable's name
 * @param dimensions its dimensions, slowest first
 * @param shape      the dimensions' lengths (the record dimension as the number of records)
 * @param attributes its attributes (numbers as {@code double[]}, text as {@link String})
 * @param type       NetCDF type: 1 byte, 2 char, 3 short, 4 int, 5 float, 6 double
 * @param begin      byte offset of its data (of its first record, for a record variable)
 * @param record     whether its first dimension is the record (unlimited) dimension
 */
public record NcVariable(String name, List<String> dimensions, int[] shape, Map<String, Object> attributes, int type, long begin, boolean record) {
    /** Number of values ({@link Long#MAX_VALUE} when a corrupt header declares more than a long counts). */
    public long size() {
        long n = 1;
        for (int s : shape) {
            try {
                n = Math.multiplyExact(n, (long) s);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    /** A text attribute, or {@code null}. */
    public String text(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof String ? (String) v : null;
    }

    /** The first value of a numeric attribute, or NaN. */
    public double number(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof double[] && ((double[]) v).length > 0 ? ((double[]) v)[0] : Double.NaN;
    }

    /** A numeric attribute's values, or {@code null}. */
    public double[] numbers(String attribute) {
        Object v = attributes.get(attribute);
        return v instanceof double[] ? (double[]) v : null;
    }

    /** Bytes per value. */
    public int typeSize() {
        int size = typeSize(type);
        return size < 0 ? 8 : size;
    }

    /** Bytes per value of a NetCDF type (1 byte, 2 char, 3 short, 4 int, 5 float, 6 double); −1 for another. */
    public static int typeSize(int type) {
        switch (type) {
            case 1:
            case 2:
                return 1;
            case 3:
                return 2;
            case 4:
            case 5:
                return 4;
            case 6:
                return 8;
            default:
                return -1;
        }
    }
}
