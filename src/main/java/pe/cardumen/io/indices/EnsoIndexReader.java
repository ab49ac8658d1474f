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
 * Lines before the header (a redistributor's note, say) are skipped; a data line that does not parse
 * stops the read with its line number.
 */
public final class EnsoIndexReader {
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
            return new OniSeason(f[0].toUpperCase(Locale.ROOT), centre, Double.parseDouble(f[2]), Double.parseDouble(f[3]));
        }, "expected 'SEAS YR TOTAL ANOM' values (e.g. 'DJF 1950 24.72 -1.53')",
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
                v[i] = Double.parseDouble(f[i + 2]);
            }
            return new NinoMonth(YearMonth.of(Integer.parseInt(f[0]), Integer.parseInt(f[1])), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }, "expected 10 numbers 'YR MON NINO1+2 ANOM NINO3 ANOM NINO4 ANOM NINO3.4 ANOM'",
                "has no 'YR MON NINO1+2 ANOM …' header; is this NOAA CPC's ersst5.nino.mth file?");
    }

    /** Parses one data row's fields; throws NumberFormatException or DateTimeException when they do not parse. */
    private interface RowParser<T> {
        T parse(String[] fields);
    }

    /**
     * The rows after the first line {@code isHeader} accepts, each parsed by {@code row}; blank lines
     * are skipped.
     *
     * @param expected what a row should look like, for the message naming a bad line
     * @param noHeader the message when no header is found
     */
    private static <T> List<T> readTable(Path file, java.util.function.Predicate<String[]> isHeader, RowParser<T> row, String expected,
                                         String noHeader) throws IOException, FileFormatException {
        List<T> out = new ArrayList<>();
        boolean header = false;
        int lineNo = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                String[] f = line.trim().split("\\s+");
                if (!header) {
                    header = isHeader.test(f);
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(row.parse(f));
                } catch (NumberFormatException | java.time.DateTimeException e) {
                    throw new FileFormatException(file, "line " + lineNo, expected + ", found '" + line.trim() + "'");
                }
            }
        }
        if (!header) {
            throw new FileFormatException(file, "", noHeader);
        }
        return out;
    }
}
