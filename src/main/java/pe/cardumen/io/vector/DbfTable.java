package pe.cardumen.io.vector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pe.cardumen.io.FileFormatException;

/**
 * The attribute table of a shapefile: a dBASE III file. Character fields become trimmed strings,
 * numeric fields ({@code N}, {@code F}) numbers ({@link Long} without decimals, else {@link Double}),
 * logical fields booleans; blank values become {@code null}. Records flagged deleted ({@code *}) stay in
 * place, so that row {@code i} still matches shape {@code i}, and are listed in {@code deleted} for the
 * shapefile reader to reject.
 *
 * @param deleted the indices of the records flagged deleted
 */
record DbfTable(List<String> fieldNames, List<Map<String, Object>> rows, java.util.Set<Integer> deleted) {

    private record Field(String name, char type, int length, int decimals) {
    }

    static DbfTable read(Path dbf, Charset charset) throws IOException, FileFormatException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 33) {
            throw new FileFormatException(dbf, "header", "too short to be a dBASE file");
        }
        int records = b.getInt(4);
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        int recordLength = Short.toUnsignedInt(b.getShort(10));
        if (headerLength > b.limit()) {
            throw new FileFormatException(dbf, "header", "declares a " + headerLength + "-byte header but the file has only " + b.limit()
                    + " bytes; it is truncated or corrupt");
        }
        List<Field> fields = new ArrayList<>();
        for (int at = 32; at + 32 <= headerLength && b.get(at) != 0x0D; at += 32) {
            byte[] nameBytes = new byte[11];
            b.get(at, nameBytes);
            int len = 0;
            while (len < 11 && nameBytes[len] != 0) {
                len++;
            }
            fields.add(new Field(new String(nameBytes, 0, len, charset).trim(), (char) b.get(at + 11),
                    Byte.toUnsignedInt(b.get(at + 16)), Byte.toUnsignedInt(b.get(at + 17))));
        }
        List<String> names = new ArrayList<>();
        fields.forEach(f -> names.add(f.name()));
        long fieldBytes = 1 + fields.stream().mapToLong(Field::length).sum();
        if (records < 0 || headerLength < 33 || recordLength < fieldBytes) {
            throw new FileFormatException(dbf, "header", String.format("declares %s records of %d bytes after a %d-byte header, but its fields need %d bytes "
                    + "per record; the header is corrupt", Integer.toUnsignedString(records), recordLength, headerLength, fieldBytes));
        }
        if (headerLength + (long) records * recordLength > b.limit()) {
            throw new FileFormatException(dbf, "record " + ((b.limit() - headerLength) / recordLength + 1), "the file ends before the "
                    + Integer.toUnsignedString(records) + " records it declares; it is truncated");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        java.util.Set<Integer> deleted = new java.util.TreeSet<>();
        for (int r = 0; r < records; r++) {
            int at = headerLength + r * recordLength;
            if (b.get(at) == '*') {
                deleted.add(r);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            int pos = at + 1; // deletion flag
            for (Field f : fields) {
                byte[] raw = new byte[f.length()];
                b.get(pos, raw);
                pos += f.length();
                row.put(f.name(), value(f, new String(raw, charset).trim()));
            }
            rows.add(row);
        }
        return new DbfTable(names, rows, deleted);
    }

    private static Object value(Field f, String text) {
        if (text.isEmpty() || text.chars().allMatch(ch -> ch == '*')) {
            return null;
        }
        switch (f.type()) {
            case 'N':
            case 'F':
                try {
                    return f.decimals() == 0 && !text.contains(".") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return text;
                }
            case 'L':
                return "YyTt".indexOf(text.charAt(0)) >= 0 ? Boolean.TRUE : "NnFf".indexOf(text.charAt(0)) >= 0 ? Boolean.FALSE : null;
            default:
                return text;
        }
    }
}
