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
            Map<String, Long> firstLineOf = new HashMap<>();
            int withoutPosition = 0;
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
                    if (top > bottom) {
                        throw new IllegalArgumentException(String.format(Locale.ROOT, "the layer's minimum depth %s m is greater than its maximum %s m", top, bottom));
                    }
                    double lat = latCol == null ? Double.NaN : optional(r, latCol, "Lat_M");
                    double lon = lonCol == null ? Double.NaN : optional(r, lonCol, "Lon_M");
                    if (isNoPosition(lat) || isNoPosition(lon)) {
                        // Echoview writes 999 where the ping had no GPS fix: kept, without a position
                        lat = Double.NaN;
                        lon = Double.NaN;
                        withoutPosition++;
                    } else if (!Double.isNaN(lat) || !Double.isNaN(lon)) {
                        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
                            throw new IllegalArgumentException("position " + (latCol == null ? "(no Lat_M)" : get(r, latCol)) + ", " + (lonCol == null ? "(no Lon_M)" : get(r, lonCol))
                                    + " is not a latitude in −90…90° and a longitude in −180…180° (nor Echoview's 999 for no fix)");
                        }
                    }
                    Instant time = dateCol == null ? null : time(get(r, dateCol), timeCol == null ? "" : get(r, timeCol));
                    String category = classCol == null ? "" : get(r, classCol);
                    String channel = freqCol == null ? "" : get(r, freqCol) + " kHz";
                    String key = channel + "\u0000" + category + "\u0000" + interval + "\u0000" + layer;
                    Long earlier = firstLineOf.putIfAbsent(key, line);
                    if (earlier != null) {
                        throw new IllegalArgumentException("interval " + interval + ", layer " + layer + (category.isEmpty() ? "" : " of " + category)
                                + " already appears on line " + earlier + "; a cell counts once");
                    }
                    cells.add(new NascCell(source, channel, category, interval, layer, time, lat, lon, top, bottom, sv, nasc));
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    rejects.add(new Reject("line " + line, e.getMessage()));
                }
            }
            if (withoutPosition > 0) {
                warnings.add(withoutPosition + " cell" + (withoutPosition == 1 ? " has" : "s have") + " no position (Echoview's 999: no GPS fix)");
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(file, "", "is not a readable CSV file (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "); a quote may be unbalanced — export the cells from Echoview again", e);
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException) {
                throw e;
            }
            // commons-csv reports a malformed header or quote as an IOException of its own
            throw new FileFormatException(file, "", "is not a readable CSV file (" + e.getMessage() + "); a quote may be unbalanced — "
                    + "export the cells from Echoview again", e);
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

    /** An optional number that must be a number when given: empty is NaN, text is refused. */
    private static double optional(CSVRecord r, int col, String name) {
        String v = get(r, col);
        return v.isEmpty() ? Double.NaN : number(r, col, name);
    }

    /** Echoview's "no position" value (999, or −999 in some exports). */
    private static boolean isNoPosition(double degrees) {
        return Math.abs(Math.abs(degrees) - 999) < 1e-6;
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
