package pe.cardumen.io.indices;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pe.cardumen.domain.NinoMonth;
import pe.cardumen.domain.OniSeason;
import pe.cardumen.io.FileFormatException;

/**
 * Reads NOAA CPC's plain-text ENSO index files: whitespace-separated columns under a header line.
 * Lines before the header (a redistributor's note, say) and blank lines are skipped. The file is
 * refused, naming the line, when a data line does not parse, holds a byte that is not ASCII text, a
 * temperature outside {@value #MIN_SST_C}…{@value #MAX_SST_C} °C or an anomaly beyond ±{@value #MAX_ANOMALY_C} °C,
 * or when the rows are not one per month in order with none missing or repeated: an index with a hole
 * or a shuffled month would silently shift every lag computed from it.
 */
public final class EnsoIndexReader {
    /** Plausible sea-surface temperature range of an index row, °C. */
    static final double MIN_SST_C = -3;
    static final double MAX_SST_C = 40;
    /** Plausible largest anomaly, °C (the 1997–98 Niño 1+2 peak was about +4.6 °C). */
    static final double MAX_ANOMALY_C = 10;

    private static final List<String> SEASONS = List.of("DJF", "JFM", "FMA", "MAM", "AMJ", "MJJ", "JJA", "JAS", "ASO", "SON", "OND", "NDJ");

    /**
     * Reads {@code oni.ascii.txt}: {@code SEAS YR TOTAL ANOM}.
     *
     * @throws FileFormatException naming the line when a row is malformed or the header is missing
     */
    public List<OniSeason> readOni(Path file) throws IOException, FileFormatException {
        return readTable(file, f -> f.length >= 4 && f[0].equalsIgnoreCase("SEAS") && f[1].equalsIgnoreCase("YR"), f -> {
            int season = f.length == 4 ? SEASONS.indexOf(f[0].toUpperCase(Locale.ROOT)) : -1;
            if (season < 0) {
                throw new NumberFormatException();
            }
            // the season's centre month: DJF → January, …, NDJ → December
            YearMonth centre = YearMonth.of(Integer.parseInt(f[1]), season + 1);
            return new OniSeason(f[0].toUpperCase(Locale.ROOT), centre, temperature(f[2]), anomaly(f[3]));
        }, OniSeason::centre, "expected 'SEAS YR TOTAL ANOM' values (e.g. 'DJF 1950 24.72 -1.53')",
                "has no 'SEAS YR TOTAL ANOM' header; is this NOAA CPC's oni.ascii.txt?");
    }

    /**
     * Reads {@code ersst5.nino.mth.*.ascii}: {@code YR MON NINO1+2 ANOM NINO3 ANOM NINO4 ANOM NINO3.4 ANOM}.
     *
     * @throws FileFormatException naming the line when a row is malformed or the header is missing
     */
    public List<NinoMonth> readNinoRegions(Path file) throws IOException, FileFormatException {
        return readTable(file, f -> f.length >= 10 && f[0].equalsIgnoreCase("YR") && f[1].equalsIgnoreCase("MON"), f -> {
            if (f.length != 10) {
                throw new NumberFormatException();
            }
            double[] v = new double[8];
            for (int i = 0; i < 8; i++) {
                v[i] = i % 2 == 0 ? temperature(f[i + 2]) : anomaly(f[i + 2]);
            }
            return new NinoMonth(YearMonth.of(Integer.parseInt(f[0]), Integer.parseInt(f[1])), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }, NinoMonth::month, "expected 10 numbers 'YR MON NINO1+2 ANOM NINO3 ANOM NINO4 ANOM NINO3.4 ANOM'",
                "has no 'YR MON NINO1+2 ANOM …' header; is this NOAA CPC's ersst5.nino.mth file?");
    }

    /** A temperature field, °C; NumberFormatException when not a plausible one. */
    private static double temperature(String field) {
        double v = Double.parseDouble(field);
        if (!(v >= MIN_SST_C && v <= MAX_SST_C)) {
            throw new NumberFormatException("temperature " + field + " °C is outside " + MIN_SST_C + "…" + MAX_SST_C + " °C");
        }
        return v;
    }

    /** An anomaly field, °C; NumberFormatException when not a plausible one. */
    private static double anomaly(String field) {
        double v = Double.parseDouble(field);
        if (!(Math.abs(v) <= MAX_ANOMALY_C)) {
            throw new NumberFormatException("anomaly " + field + " °C is beyond ±" + MAX_ANOMALY_C + " °C");
        }
        return v;
    }

    /** Parses one data row's fields; throws NumberFormatException or DateTimeException when they do not parse. */
    private interface RowParser<T> {
        T parse(String[] fields);
    }

    /**
     * The rows after the first line {@code isHeader} accepts, each parsed by {@code row}, one per
     * month in order; blank lines are skipped.
     *
     * @param month    the month a row stands for
     * @param expected what a row should look like, for the message naming a bad line
     * @param noHeader the message when no header is found
     */
    private static <T> List<T> readTable(Path file, java.util.function.Predicate<String[]> isHeader, RowParser<T> row,
                                         java.util.function.Function<T, YearMonth> month, String expected, String noHeader)
            throws IOException, FileFormatException {
        List<T> out = new ArrayList<>();
        boolean header = false;
        int lineNo = 0;
        YearMonth previous = null;
        int previousLine = 0;
        // ISO-8859-1 maps every byte to a character, so a damaged byte is found and named below instead of
        // ending the read in a decoder exception
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                for (int i = 0; i < line.length(); i++) {
                    char ch = line.charAt(i);
                    if (ch > 126 || (ch < 32 && ch != '\t' && ch != '\r')) {
                        throw new FileFormatException(file, "line " + lineNo + ", column " + (i + 1), String.format(Locale.ROOT,
                                "byte 0x%02X is not plain text; the file is damaged or not a NOAA CPC index file — download it again", (int) ch));
                    }
                }
                String[] f = line.trim().split("\\s+");
                if (!header) {
                    header = isHeader.test(f);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                T value;
                try {
                    value = row.parse(f);
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    String why = e.getMessage() != null && e.getMessage().contains("°C") ? " (" + e.getMessage() + ")" : "";
                    throw new FileFormatException(file, "line " + lineNo, expected + ", found '" + line.trim() + "'" + why);
                }
                YearMonth m = month.apply(value);
                if (previous != null && !m.equals(previous.plusMonths(1))) {
                    String problem = m.isAfter(previous.plusMonths(1))
                            ? (m.equals(previous.plusMonths(2)) ? "month " + previous.plusMonths(1) + " is missing"
                                    : "months " + previous.plusMonths(1) + " to " + m.minusMonths(1) + " are missing")
                            : m.equals(previous) ? "month " + m + " appears twice" : "month " + m + " comes after " + previous;
                    throw new FileFormatException(file, "line " + lineNo, problem + " (line " + previousLine + " is " + previous
                            + "); the rows must be one per month in order — the file is damaged or was edited, download it again");
                }
                previous = m;
                previousLine = lineNo;
                out.add(value);
            }
        }
        if (!header) {
            throw new FileFormatException(file, "", noHeader);
        }
        return out;
    }
}
