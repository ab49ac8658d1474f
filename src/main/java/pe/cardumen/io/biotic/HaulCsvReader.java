package pe.cardumen.io.biotic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.biotic.Haul;
import pe.cardumen.io.CsvCells;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;

/**
 * Haul length frequencies as CSV, one row per haul and length class:
 * {@code haul_id, time, lat, lon, length_cm, count} (or {@code frequency} instead of {@code count}),
 * columns by name in any order and case. Rows of one haul must agree on time and position; a row
 * that cannot be read is rejected with its line, and a haul whose rows disagree is rejected whole.
 */
public final class HaulCsvReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "haul-csv";

    /** Whether the file is a .csv whose first line names haul_id and length_cm columns. */
    public static boolean probe(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
            return head.contains("haul_id") && head.contains("length_cm");
        }
    }

    private record Row(long line, Instant time, double lat, double lon, double length, double count) {
    }

    /**
     * Reads the hauls.
     *
     * @throws FileFormatException when the file is empty or a required column is missing
     */
    public ImportResult<Haul> read(Path file) throws IOException, FileFormatException {
        if (Files.size(file) == 0) {
            throw new FileFormatException(file, "", "the file is empty; it needs haul_id, time, lat, lon, length_cm and count columns");
        }
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, List<Row>> byHaul = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = CsvCells.open(file);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> columns.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), index));
            Integer id = columns.get("haul_id");
            Integer time = columns.get("time");
            Integer lat = columns.get("lat");
            Integer lon = columns.get("lon");
            Integer length = columns.get("length_cm");
            Integer count = columns.containsKey("count") ? columns.get("count") : columns.get("frequency");
            List<String> missing = new ArrayList<>();
            if (id == null) {
                missing.add("haul_id");
            }
            if (lat == null) {
                missing.add("lat");
            }
            if (lon == null) {
                missing.add("lon");
            }
            if (length == null) {
                missing.add("length_cm");
            }
            if (count == null) {
                missing.add("count (or frequency)");
            }
            if (!missing.isEmpty()) {
                throw new FileFormatException(file, "line 1", "the header lacks " + String.join(", ", missing) + "; columns found: " + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    String haul = CsvCells.text(r, id);
                    if (haul.isEmpty()) {
                        throw new IllegalArgumentException("haul_id is empty");
                    }
                    double la = CsvCells.number(r, lat, "lat");
                    double lo = CsvCells.number(r, lon, "lon");
                    if (!(Math.abs(la) <= 90) || !(Math.abs(lo) <= 180)) {
                        throw new IllegalArgumentException("position " + la + ", " + lo + " is not a latitude/longitude");
                    }
                    double len = CsvCells.number(r, length, "length_cm");
                    if (!(len > 0 && len < 100)) {
                        throw new IllegalArgumentException("length_cm " + len + " is not a fish length in cm");
                    }
                    double n = CsvCells.number(r, count, "count");
                    if (!(n >= 0)) {
                        throw new IllegalArgumentException("count " + n + " is negative");
                    }
                    String t = time == null ? "" : CsvCells.text(r, time);
                    byHaul.computeIfAbsent(haul, k -> new ArrayList<>()).add(new Row(line, t.isEmpty() ? null : Instant.parse(t), la, lo, len, n));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    rejects.add(new Reject("line " + line, e.getMessage()));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(file, "", "is not a readable CSV file (" + e.getMessage() + ")", e);
        }
        List<Haul> hauls = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byHaul.entrySet()) {
            List<Row> rows = e.getValue();
            Row first = rows.get(0);
            String disagreement = null;
            TreeMap<Double, Double> counts = new TreeMap<>();
            for (Row row : rows) {
                if (row.lat() != first.lat() || row.lon() != first.lon() || !java.util.Objects.equals(row.time(), first.time())) {
                    disagreement = "line " + row.line() + " gives haul " + e.getKey() + " another time or position than line " + first.line();
                }
                counts.merge(row.length(), row.count(), Double::sum);
            }
            if (disagreement != null) {
                rejects.add(new Reject("haul " + e.getKey(), disagreement));
                continue;
            }
            if (counts.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                rejects.add(new Reject("haul " + e.getKey(), "has no fish (every count is 0)"));
                continue;
            }
            hauls.add(new Haul(e.getKey(), first.time(), first.lat(), first.lon(), counts.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    counts.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        if (hauls.isEmpty() && rejects.isEmpty()) {
            warnings.add("the file has a header but no rows");
        }
        Provenance p = new Provenance(file.getFileName().toString(), Files.size(file), FileDigest.sha256(file), NAME, AppInfo.version(), Instant.now());
        return new ImportResult<>(hauls, rejects, warnings, p);
    }

}
