package pe.cardumen.io.biotic;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Length frequencies from an ICES acoustic-trawl <b>biotic</b> CSV export (the format of the ICES
 * acoustic database and StoX): blocks of {@code Haul,Header,…} / {@code Haul,Record,…} and
 * {@code Catch,Header,…} / {@code Catch,Record,…} rows (other blocks — Cruise, Biology — are skipped).
 * Columns are found by name. A haul is {@code CruiseLocalID}/{@code HaulGear}/{@code HaulNumber} with
 * {@code HaulStartTime}, {@code HaulStartLatitude}, {@code HaulStartLongitude}; its catch rows give
 * {@code CatchLengthClass} (lower bound, mm) in classes of {@code CatchLengthCode} ({@code mm},
 * {@code halfcm}, {@code cm}) and {@code CatchNumberAtLength}, raised by {@code CatchSubsamplingFactor}
 * when given. Each class becomes its mid-point in cm.
 */
public final class IcesBioticCsvReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "ices-biotic-csv";

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]", Locale.ROOT);

    /** Whether the file is a .csv whose first 64 KiB hold a {@code Haul,Header} row. */
    public static boolean probe(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(65536), StandardCharsets.UTF_8);
            return head.lines().anyMatch(l -> l.replace("\"", "").replace(" ", "").startsWith("Haul,Header,"));
        }
    }

    private record HaulInfo(String key, Instant time, double lat, double lon) {
    }

    /**
     * Reads the length frequencies of one species.
     *
     * @param species the {@code CatchSpeciesCode} to read ({@code null}: the only one in the file)
     * @throws FileFormatException when the file has no Haul or Catch header, lacks a needed column, or
     *                             holds several species and none was chosen
     */
    public ImportResult<Haul> read(Path file, String species) throws IOException, FileFormatException {
        if (Files.size(file) == 0) {
            throw new FileFormatException(file, "", "the file is empty; an ICES biotic CSV has Haul and Catch blocks");
        }
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, HaulInfo> hauls = new LinkedHashMap<>();
        // catch rows kept until every haul is known: species → haul key → length (cm) → number
        Map<String, Map<String, TreeMap<Double, Double>>> catches = new LinkedHashMap<>();
        Map<String, Long> catchLine = new HashMap<>();
        Map<String, Map<String, Integer>> headers = new HashMap<>();
        TreeSet<String> skipped = new TreeSet<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = CsvCells.open(file); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() < 2) {
                    rejects.add(new Reject("line " + line, "expected a block name and Header or Record, found '" + r.get(0) + "'"));
                    continue;
                }
                String block = r.get(0).trim();
                String kind = r.get(1).trim();
                if (kind.equalsIgnoreCase("Header")) {
                    Map<String, Integer> cols = new HashMap<>();
                    for (int i = 2; i < r.size(); i++) {
                        cols.putIfAbsent(r.get(i).trim().toLowerCase(Locale.ROOT), i);
                    }
                    List<String> needed = block.equalsIgnoreCase("Haul") ? List.of("HaulNumber", "HaulStartLatitude", "HaulStartLongitude")
                            : block.equalsIgnoreCase("Catch") ? List.of("HaulNumber", "CatchSpeciesCode", "CatchLengthClass", "CatchLengthCode",
                                    "CatchNumberAtLength") : List.of();
                    List<String> missing = needed.stream().filter(n -> !cols.containsKey(n.toLowerCase(Locale.ROOT))).toList();
                    if (!missing.isEmpty()) {
                        throw new FileFormatException(file, "line " + line, "the " + block + " header lacks " + String.join(", ", missing));
                    }
                    headers.put(block.toLowerCase(Locale.ROOT), cols);
                    continue;
                }
                if (!kind.equalsIgnoreCase("Record")) {
                    rejects.add(new Reject("line " + line, "the second field must be Header or Record, not '" + kind + "'"));
                    continue;
                }
                Map<String, Integer> cols = headers.get(block.toLowerCase(Locale.ROOT));
                if (!block.equalsIgnoreCase("Haul") && !block.equalsIgnoreCase("Catch")) {
                    skipped.add(block);
                    continue;
                }
                if (cols == null) {
                    rejects.add(new Reject("line " + line, "a " + block + " record before any " + block + " header"));
                    continue;
                }
                try {
                    if (block.equalsIgnoreCase("Haul")) {
                        String key = key(r, cols, file);
                        double lat = CsvCells.number(r, column(cols, "HaulStartLatitude", file), "HaulStartLatitude");
                        double lon = CsvCells.number(r, column(cols, "HaulStartLongitude", file), "HaulStartLongitude");
                        if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
                            throw new IllegalArgumentException("position " + lat + ", " + lon + " is not a latitude/longitude");
                        }
                        Integer t = cols.get("haulstarttime");
                        String time = t == null ? "" : CsvCells.text(r, t);
                        if (hauls.containsKey(key)) {
                            throw new IllegalArgumentException("haul " + key + " is given twice");
                        }
                        hauls.put(key, new HaulInfo(key, time.isEmpty() ? null : time(time), lat, lon));
                    } else {
                        String key = key(r, cols, file);
                        String sp = CsvCells.text(r, column(cols, "CatchSpeciesCode", file));
                        double lower = CsvCells.number(r, column(cols, "CatchLengthClass", file), "CatchLengthClass");
                        String code = CsvCells.text(r, column(cols, "CatchLengthCode", file)).toLowerCase(Locale.ROOT);
                        double width = switch (code) {
                            case "mm" -> 1;
                            case "halfcm" -> 5;
                            case "cm" -> 10;
                            default -> throw new IllegalArgumentException("CatchLengthCode '" + code + "' is not mm, halfcm or cm");
                        };
                        double n = CsvCells.number(r, column(cols, "CatchNumberAtLength", file), "CatchNumberAtLength");
                        Integer f = cols.get("catchsubsamplingfactor");
                        double factor = f == null || CsvCells.text(r, f).isEmpty() ? 1 : CsvCells.number(r, f, "CatchSubsamplingFactor");
                        if (!(lower >= 0 && lower < 1000) || !(n >= 0) || !(factor > 0)) {
                            throw new IllegalArgumentException("length class " + lower + " mm, number " + n + " or subsampling factor " + factor
                                    + " out of range");
                        }
                        double cm = Math.round((lower + width / 2) * 1000) / 10000.0;
                        catches.computeIfAbsent(sp, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new TreeMap<>()).merge(cm, n * factor, Double::sum);
                        catchLine.putIfAbsent(key, line);
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    rejects.add(new Reject("line " + line, e.getMessage()));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(file, "", "is not a readable CSV file (" + e.getMessage() + ")", e);
        }
        if (!headers.containsKey("haul") || !headers.containsKey("catch")) {
            throw new FileFormatException(file, "", "has no " + (headers.containsKey("haul") ? "Catch" : "Haul") + " block; an ICES biotic CSV "
                    + "needs Haul,Header and Catch,Header rows");
        }
        if (!skipped.isEmpty()) {
            warnings.add("blocks " + skipped + " are not used (length frequencies come from Catch)");
        }
        String chosen = species;
        if (chosen == null) {
            if (catches.size() > 1) {
                throw new FileFormatException(file, "Catch", "holds " + catches.size() + " species " + catches.keySet()
                        + "; choose one (cardumen import --species CODE)");
            }
            chosen = catches.isEmpty() ? null : catches.keySet().iterator().next();
        } else if (!catches.containsKey(chosen)) {
            throw new FileFormatException(file, "Catch", "has no species '" + chosen + "'; it has " + catches.keySet());
        }
        List<Haul> out = new ArrayList<>();
        if (chosen != null) {
            for (Map.Entry<String, TreeMap<Double, Double>> e : catches.get(chosen).entrySet()) {
                HaulInfo h = hauls.get(e.getKey());
                if (h == null) {
                    rejects.add(new Reject("line " + catchLine.get(e.getKey()), "catch of haul " + e.getKey() + ", which has no Haul record"));
                    continue;
                }
                if (e.getValue().values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                    rejects.add(new Reject("haul " + e.getKey(), "has no fish of " + chosen + " (every number is 0)"));
                    continue;
                }
                out.add(new Haul(h.key(), h.time(), h.lat(), h.lon(), e.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                        e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        if (out.isEmpty() && rejects.isEmpty()) {
            warnings.add("no length frequencies in the Catch block");
        }
        Provenance p = new Provenance(file.getFileName().toString(), Files.size(file), FileDigest.sha256(file), NAME, AppInfo.version(), Instant.now());
        return new ImportResult<>(out, rejects, warnings, p);
    }

    private static String key(CSVRecord r, Map<String, Integer> cols, Path file) {
        String cruise = cols.containsKey("cruiselocalid") ? CsvCells.text(r, cols.get("cruiselocalid")) : "";
        String gear = cols.containsKey("haulgear") ? CsvCells.text(r, cols.get("haulgear")) : "";
        String number = CsvCells.text(r, column(cols, "HaulNumber", file));
        if (number.isEmpty()) {
            throw new IllegalArgumentException("HaulNumber is empty");
        }
        return (cruise.isEmpty() ? "" : cruise + "/") + (gear.isEmpty() ? "" : gear + "/") + number;
    }

    private static int column(Map<String, Integer> cols, String name, Path file) {
        Integer i = cols.get(name.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new IllegalArgumentException("the header has no " + name + " column");
        }
        return i;
    }

    /** ICES times: {@code yyyy-MM-dd HH:mm[:ss]} (UTC), or ISO 8601 with or without a zone. */
    static Instant time(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t.replace('T', ' '), SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("HaulStartTime '" + text + "' is not yyyy-MM-dd HH:mm");
            }
        }
    }
}
