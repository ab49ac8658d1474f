package pe.cardumen.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/** What the CSV readers share: opening a file as UTF-8 without its byte-order mark, and reading cells. */
public final class CsvCells {
    private CsvCells() {
    }

    /** A UTF-8 reader of the file, skipping a byte-order mark (Excel writes one). */
    public static Reader open(Path file) throws IOException {
        return new InputStreamReader(BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8);
    }

    /** The trimmed text of a cell; empty when the row is shorter. */
    public static String text(CSVRecord r, int column) {
        return column < r.size() ? r.get(column).trim() : "";
    }

    /**
     * A cell's number.
     *
     * @param name the column's name, for the message
     * @throws IllegalArgumentException naming the column and the text when it is not a number
     */
    public static double number(CSVRecord r, int column, String name) {
        String v = text(r, column);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a number");
        }
    }
}
