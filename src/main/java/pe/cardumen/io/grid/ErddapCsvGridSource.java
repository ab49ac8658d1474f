package pe.cardumen.io.grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pe.cardumen.io.FileFormatException;

/**
 * ERDDAP griddap CSV downloads: {@code .csv} (line 1 the column names, line 2 their units) and
 * {@code .csvp} (one header line, {@code name (units)}). Columns {@code time} (ISO 8601 UTC),
 * {@code latitude}, {@code longitude} and optional singleton axes ({@code zlev}, {@code altitude})
 * come first, then the data variables; rows are cells in any order, {@code NaN} or empty for missing.
 * The grid is rebuilt from the distinct coordinate values; a row that does not parse is skipped and
 * reported with its line number. The whole file is held in memory (ERDDAP CSV is for small extracts).
 */
public final class ErddapCsvGridSource implements GridSource {
    private final Path file;
    private final Map<String, NcVariable> variables = new LinkedHashMap<>();
    private final Map<String, Integer> dimensions = new LinkedHashMap<>();
    private final Map<String, double[]> data = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    /** Whether the file is named .csv/.csvp and its first line names time/latitude/longitude columns. */
    public static boolean probe(Path file) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".csv") || n.endsWith(".csvp"))) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8).lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
            return head.contains("latitude") && head.contains("longitude");
        }
    }

    /**
     * Reads the file.
     *
     * @throws FileFormatException when the header lacks latitude/longitude or no row is readable
     */
    public static ErddapCsvGridSource open(Path file) throws IOException, FileFormatException {
        return new ErddapCsvGridSource(file);
    }

    private ErddapCsvGridSource(Path file) throws IOException, FileFormatException {
        this.file = file;
        boolean csvp = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csvp");
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<List<Double>, Integer> firstLineOf = new java.util.HashMap<>();
        int line = 0;
        try (Reader reader = pe.cardumen.io.CsvCells.open(file);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get())) {
            int timeColumn = -1;
            int latColumn = -1;
            int lonColumn = -1;
            for (CSVRecord r : parser) {
                line++;
                if (line == 1) {
                    for (String h : r) {
                        if (csvp && h.contains("(") && h.endsWith(")")) {
                            names.add(h.substring(0, h.indexOf('(')).trim());
                            units.add(h.substring(h.indexOf('(') + 1, h.length() - 1).trim());
                        } else {
                            names.add(h.trim());
                            units.add("");
                        }
                    }
                    timeColumn = names.indexOf("time");
                    latColumn = names.indexOf("latitude");
                    lonColumn = names.indexOf("longitude");
                    if (!names.contains("latitude") || !names.contains("longitude")) {
                        throw new FileFormatException(file, "line 1", "needs latitude and longitude columns; found " + names);
                    }
                    continue;
                }
                if (line == 2 && !csvp) {
                    for (int i = 0; i < r.size() && i < units.size(); i++) {
                        units.set(i, r.get(i).trim());
                    }
                    continue;
                }
                double[] row = new double[names.size()];
                int column = 0;
                try {
                    for (int i = 0; i < names.size(); i++) {
                        column = i;
                        String v = i < r.size() ? r.get(i).trim() : "";
                        if (i == timeColumn) {
                            row[i] = Instant.parse(v).getEpochSecond();
                        } else {
                            row[i] = v.isEmpty() || v.equalsIgnoreCase("NaN") ? Double.NaN : Double.parseDouble(v);
                        }
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    String v = column < r.size() ? r.get(column).trim() : "";
                    skipped.add("line " + line + ": " + names.get(column) + " '" + v + "' is not " + (column == timeColumn ? "an ISO 8601 time" : "a number"));
                    continue;
                }
                double la = row[latColumn];
                double lo = row[lonColumn];
                if (!(la >= -90 && la <= 90) || !(lo >= -180 && lo <= 360)) {
                    skipped.add(String.format(Locale.ROOT, "line %d: position %s, %s is not a latitude in −90…90° and a longitude in −180…360°",
                            line, pe.cardumen.io.CsvCells.text(r, latColumn), pe.cardumen.io.CsvCells.text(r, lonColumn)));
                    continue;
                }
                List<Double> key = List.of(timeColumn < 0 ? 0 : row[timeColumn], la, lo);
                Integer earlier = firstLineOf.putIfAbsent(key, line);
                if (earlier != null) {
                    skipped.add("line " + line + ": the same time and position as line " + earlier + "; kept line " + earlier);
                    continue;
                }
                rows.add(row);
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote or record as an unchecked exception
            throw new FileFormatException(file, "line " + (line + 1), "is not readable CSV (" + (e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage()) + "); a quote may be unbalanced — export the data again from ERDDAP", e);
        }
        if (names.isEmpty()) {
            throw new FileFormatException(file, "", "the file is empty");
        }
        if (rows.isEmpty()) {
            throw new FileFormatException(file, "", "has no readable data rows" + (skipped.isEmpty() ? "" : " (" + skipped.get(0) + ")"));
        }
        int tc = names.indexOf("time");
        int yc = names.indexOf("latitude");
        int xc = names.indexOf("longitude");
        TreeSet<Double> ts = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        TreeSet<Double> xs = new TreeSet<>();
        for (double[] row : rows) {
            ts.add(tc < 0 ? 0 : row[tc]);
            ys.add(row[yc]);
            xs.add(row[xc]);
        }
        double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        long cells = (long) t.length * y.length * x.length;
        if (cells > MAX_GRID_CELLS) {
            throw new FileFormatException(file, "", String.format(Locale.ROOT, "the %,d rows give %d times × %d latitudes × %d longitudes = %,d grid cells, "
                    + "more than %,d: the points do not form a regular grid — download a gridded subset (griddap) instead", rows.size(), t.length,
                    y.length, x.length, cells, MAX_GRID_CELLS));
        }
        Map<Double, Integer> ti = index(t);
        Map<Double, Integer> yi = index(y);
        Map<Double, Integer> xi = index(x);
        dimensions.put("time", t.length);
        dimensions.put("latitude", y.length);
        dimensions.put("longitude", x.length);
        Map<String, Object> timeAtts = new LinkedHashMap<>();
        timeAtts.put("axis", "T");
        timeAtts.put("units", "seconds since 1970-01-01T00:00:00Z");
        variables.put("time", new NcVariable("time", List.of("time"), new int[] {t.length}, timeAtts, 6, -1, false));
        variables.put("latitude", new NcVariable("latitude", List.of("latitude"), new int[] {y.length},
                Map.of("units", "degrees_north", "axis", "Y"), 6, -1, false));
        variables.put("longitude", new NcVariable("longitude", List.of("longitude"), new int[] {x.length},
                Map.of("units", "degrees_east", "axis", "X"), 6, -1, false));
        data.put("time", t);
        data.put("latitude", y);
        data.put("longitude", x);
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c);
            if (c == tc || c == yc || c == xc || n.equalsIgnoreCase("zlev") || n.equalsIgnoreCase("altitude") || n.equalsIgnoreCase("depth")) {
                continue;
            }
            double[] grid = new double[t.length * y.length * x.length];
            java.util.Arrays.fill(grid, Double.NaN);
            for (double[] row : rows) {
                int k = (ti.get(tc < 0 ? 0 : row[tc]) * y.length + yi.get(row[yc])) * x.length + xi.get(row[xc]);
                grid[k] = row[c];
            }
            Map<String, Object> atts = new LinkedHashMap<>();
            if (!units.get(c).isEmpty()) {
                atts.put("units", units.get(c));
            }
            variables.put(n, new NcVariable(n, List.of("time", "latitude", "longitude"), new int[] {t.length, y.length, x.length}, atts, 6, -1, false));
            data.put(n, grid);
        }
    }

    /** Largest grid the rows may span (time × latitude × longitude cells held in memory). */
    static final long MAX_GRID_CELLS = 20_000_000L;

    private static Map<Double, Integer> index(double[] values) {
        Map<Double, Integer> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(values[i], i);
        }
        return m;
    }

    /** Rows that could not be read, with their line numbers. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public String format() {
        return "ERDDAP CSV";
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
    public double[] readAll(NcVariable v) {
        return data.get(v.name()).clone();
    }

    @Override
    public double[] readSlice(NcVariable v, int first) {
        int per = v.shape().length == 3 ? v.shape()[1] * v.shape()[2] : 1;
        double[] out = new double[per];
        System.arraycopy(data.get(v.name()), first * per, out, 0, per);
        return out;
    }

    @Override
    public void close() {
        // all in memory
    }
}
