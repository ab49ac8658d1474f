package pe.cardumen.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A feature table as the models read it (the CSV of {@code cardumen features}): text columns
 * ({@code zone, period, survey, stock, season}) and numeric ones by name; {@code NaN} or an empty cell
 * is a missing value.
 */
public final class FeatureFrame {
    /** Columns read as text. */
    public static final Set<String> TEXT = Set.of("zone", "period", "survey", "stock", "season");

    private final List<String> columns;
    private final Map<String, String[]> text;
    private final Map<String, double[]> numbers;
    private final int rows;

    private FeatureFrame(List<String> columns, Map<String, String[]> text, Map<String, double[]> numbers, int rows) {
        this.columns = columns;
        this.text = text;
        this.numbers = numbers;
        this.rows = rows;
    }

    /**
     * Reads a feature-table CSV.
     *
     * @throws IOException when it is empty, a row has another number of fields, or a number does not
     *                     parse (the message names the file, line and column)
     */
    public static FeatureFrame read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(r, csv.getFileName().toString());
        }
    }

    /** Parses CSV text (the same rules as {@link #read}). */
    public static FeatureFrame parse(String csv, String name) throws IOException {
        return parse(new StringReader(csv), name);
    }

    private static FeatureFrame parse(Reader reader, String name) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        String header = in.readLine();
        if (header == null || header.isBlank()) {
            throw new IOException(name + ": empty; a feature table starts with its header (cardumen features writes one)");
        }
        List<String> columns = List.of(header.strip().split(",", -1));
        List<String[]> lines = new ArrayList<>();
        String line;
        int n = 1;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != columns.size()) {
                throw new IOException(name + ", line " + n + ": " + f.length + " fields, the header has " + columns.size());
            }
            lines.add(f);
        }
        Map<String, String[]> text = new LinkedHashMap<>();
        Map<String, double[]> numbers = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            String col = columns.get(c);
            if (TEXT.contains(col)) {
                String[] v = new String[lines.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = lines.get(i)[c];
                }
                text.put(col, v);
            } else {
                double[] v = new double[lines.size()];
                for (int i = 0; i < v.length; i++) {
                    String s = lines.get(i)[c].trim();
                    try {
                        v[i] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
                    } catch (NumberFormatException e) {
                        throw new IOException(name + ", line " + (i + 2) + ", column " + col + ": '" + s + "' is not a number");
                    }
                }
                numbers.put(col, v);
            }
        }
        return new FeatureFrame(columns, text, numbers, lines.size());
    }

    public int rows() {
        return rows;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean has(String column) {
        return text.containsKey(column) || numbers.containsKey(column);
    }

    /**
     * A numeric column.
     *
     * @throws IllegalArgumentException when there is none of that name
     */
    public double[] numbers(String column) {
        double[] v = numbers.get(column);
        if (v == null) {
            throw new IllegalArgumentException("the feature table has no numeric column '" + column + "'");
        }
        return v;
    }

    /** A text column. */
    public String[] text(String column) {
        String[] v = text.get(column);
        if (v == null) {
            throw new IllegalArgumentException("the feature table has no column '" + column + "'");
        }
        return v;
    }

    /** The rows that pass the test, in order. */
    public FeatureFrame filter(IntPredicate keep) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (keep.test(i)) {
                idx.add(i);
            }
        }
        Map<String, String[]> t = new LinkedHashMap<>();
        text.forEach((k, v) -> t.put(k, idx.stream().map(i -> v[i]).toArray(String[]::new)));
        Map<String, double[]> d = new LinkedHashMap<>();
        numbers.forEach((k, v) -> d.put(k, idx.stream().mapToDouble(i -> v[i]).toArray()));
        return new FeatureFrame(columns, t, d, idx.size());
    }
}
