package pe.cardumen.io.sonar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pe.cardumen.domain.AppInfo;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.Provenance;
import pe.cardumen.domain.Reject;
import pe.cardumen.domain.sonar.NascCell;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;

/**
 * Reads Echoview "integration by cells" and "by regions by cells" CSV exports (Echoview help: "Analysis
 * by cells export variables"), streaming row by row.
 *
 * <p>Columns are matched by name, case-insensitively and in any order; a byte-order mark and spaces
 * after commas are tolerated. Required: {@code NASC} (or {@code PRC_NASC}) and {@code Interval}
 * (or {@code Process_ID}); used when present: {@code Layer, Sv_mean, Layer_depth_min, Layer_depth_max,
 * Depth_mean, Height_mean, Date_M, Time_M, Lat_M, Lon_M, Region_class, Frequency}. Echoview's
 * sentinels mean "no data": 999 for positions, −999 (or less) for Sv and −9999 for NASC. A row with
 * an unreadable or negative NASC, or an unreadable interval, is rejected with its line number; the
 * others are kept.
 */
public final class EchoviewCsvReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "echoview-csv";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

    /** Whether the file's first line looks like an Echoview cells export header. */
    public static boolean probe(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8).lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
            return head.contains("nasc") && (head.contains("interval") || head.contains("process_id"));
        }
    }

    /**
     * Reads every row.
     *
     * @throws FileFormatException when the file is empty or lacks the NASC or interval column
     */
    public ImportResult<NascCell> read(Path file) throws IOException, FileFormatException {
        if (Files.size(file) == 0) {
            throw new FileFormatException(file, "", "the file is empty; export the cells from Echoview again");
        }
        String source = file.getFileName().toString();
        List<NascCell> cells = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = pe.cardumen.io.CsvCells.open(file);
             CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> columns.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), index));
            Integer nascCol = first(columns, "nasc", "prc_nasc");
            Integer intervalCol = first(columns, "interval", "process_id");
            if (nascCol == null || intervalCol == null) {
                throw new FileFormatException(file, "line 1", "the header has no " + (nascCol == null ? "NASC (or PRC_NASC)" : "Interval")
                        + " column; export 'Integration by cells' with NASC and Interval from Echoview. Columns found: " + parser.getHeaderNames());
            }
            Integer layerCol = columns.get("layer");
            Integer svCol = columns.get("sv_mean");
            Integer topCol = columns.get("layer_depth_min");
            Integer bottomCol = columns.get("layer_depth_max");
            Integer depthMeanCol = columns.get("depth_mean");
            Integer heightCol = columns.get("height_mean");
            Integer dateCol = columns.get("date_m");
            Integer timeCol = columns.get("time_m");
            Integer latCol = columns.get("lat_m");
            Integer lonCol = columns.get("lon_m");
            Integer classCol = first(columns, "region_class", "region_name");
            Integer freqCol = first(columns, "frequency", "freq");
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                try {
                    int interval = (int) Math.round(number(r, intervalCol, "Interval"));
                    double nasc = number(r, nascCol, "NASC");
                    if (nasc <= -9999) {
                        nasc = 0; // Echoview writes −9999 for a cell with no samples
                    }
                    if (!(nasc >= 0)) {
                        throw new IllegalArgumentException("NASC " + get(r, nascCol) + " is negative");
                    }
                    int layer = layerCol == null ? 0 : (int) Math.round(number(r, layerCol, "Layer"));
                    double sv = svCol == null ? Double.NaN : optional(r, svCol);
                    if (sv <= -999) {
                        sv = Double.NaN;
                    }
                    double top = topCol == null ? Double.NaN : optional(r, topCol);
                    double bottom = bottomCol == null ? Double.NaN : optional(r, bottomCol);
                    if ((Double.isNaN(top) || Double.isNaN(bottom)) && depthMeanCol != null && heightCol != null) {
                        double mean = optional(r, depthMeanCol);
                        double height = optional(r, heightCol);
                        top = mean - height / 2;
                        bottom = mean + height / 2;
                    }
                    double lat = latCol == null ? Double.NaN : optional(r, latCol);
                    double lon = lonCol == null ? Double.NaN : optional(r, lonCol);
                    if (Math.abs(lat) >= 999 || Math.abs(lon) >= 999 || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
                        lat = Double.NaN;
                        lon = Double.NaN;
                    }
                    Instant time = dateCol == null ? null : time(get(r, dateCol), timeCol == null ? "" : get(r, timeCol));
                    String category = classCol == null ? "" : get(r, classCol);
                    String channel = freqCol == null ? "" : get(r, freqCol) + " kHz";
                    cells.add(new NascCell(source, channel, category, interval, layer, time, lat, lon, top, bottom, sv, nasc));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    rejects.add(new Reject("line " + line, e.getMessage()));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(file, "", "is not a readable CSV file (" + e.getMessage() + ")", e);
        }
        if (cells.isEmpty() && rejects.isEmpty()) {
            warnings.add("the file has a header but no rows");
        }
        Provenance p = new Provenance(source, Files.size(file), FileDigest.sha256(file), NAME, AppInfo.version(), Instant.now());
        return new ImportResult<>(cells, rejects, warnings, p);
    }

    private static Integer first(Map<String, Integer> columns, String... names) {
        for (String n : names) {
            if (columns.containsKey(n)) {
                return columns.get(n);
            }
        }
        return null;
    }

    private static String get(CSVRecord r, int col) {
        return pe.cardumen.io.CsvCells.text(r, col);
    }

    private static double number(CSVRecord r, int col, String name) {
        return pe.cardumen.io.CsvCells.number(r, col, name);
    }

    private static double optional(CSVRecord r, int col) {
        String v = get(r, col);
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Date_M as YYYYMMDD, Time_M as HH:MM:SS.ffff (UTC, as Echoview exports). */
    static Instant time(String date, String time) {
        if (date.isEmpty()) {
            return null;
        }
        LocalDate d = LocalDate.parse(date.trim(), DATE);
        String t = time.trim();
        if (t.isEmpty()) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String[] hms = t.split(":");
        if (hms.length != 3) {
            throw new IllegalArgumentException("Time_M '" + time + "' is not HH:MM:SS.ffff");
        }
        double seconds = Double.parseDouble(hms[2]);
        long nanos = Math.round(seconds * 1e9);
        LocalTime lt = LocalTime.of(Integer.parseInt(hms[0]), Integer.parseInt(hms[1])).plusNanos(nanos);
        return d.atTime(lt).toInstant(ZoneOffset.UTC);
    }
}
