package pe.cardumen.io.sonar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
 * Reads the ICES acoustic data format (ICES Acoustic Trawl database; the exchange format of StoX and
 * LSSS): Cruise → Log (distance, time, position) → Sample (channel depth upper/lower, Sv threshold,
 * instrument) → Data (SaCategory, Type, Unit, Value), in both its forms.
 *
 * <ul>
 *   <li><b>XML</b>: nested {@code <Log><Sample><Data>} elements, streamed with StAX. Vocabulary fields may
 *       be text or an {@code IDREF} attribute ({@code AC_SaCategory_ANE} → {@code ANE}).</li>
 *   <li><b>CSV</b>: rows {@code Table,Header,Field…} then {@code Table,Record,value…}; fields carry their
 *       table's prefix ({@code LogDistance}, {@code SampleChannelDepthUpper}, {@code DataValue}). A Data
 *       record is joined to its Log by {@code LogDistance} and to its Sample by {@code LogDistance} and
 *       {@code SampleChannelDepthUpper} when it repeats those keys, else to the Log and Sample records
 *       before it.</li>
 * </ul>
 * Each Data record becomes a {@link NascCell}: interval = the Log's position in the file, layer = the
 * Sample's position within its Log. Only the unit {@code m2nmi-2} (NASC) is accepted; other units and
 * unreadable values are rejected with their line (CSV) or Log distance (XML).
 */
public final class IcesAcousticReader {
    /** The reader's name in provenance records. */
    public static final String NAME = "ices-acoustic";

    /** Whether the file is ICES acoustic CSV ({@code Table,Header,…} rows) or XML ({@code <Acoustic>}). */
    public static boolean probe(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            return head.contains("<Acoustic") || head.matches("(?s)^\\W{0,3}(Instrument|Cruise|Calibration|DataAcquisition|DataProcessing|EchoType|Log),Header,.*");
        }
    }

    /**
     * Reads the file in either form.
     *
     * @throws FileFormatException when it is neither form, or the XML is not well formed
     */
    public ImportResult<NascCell> read(Path file) throws IOException, FileFormatException {
        if (Files.size(file) == 0) {
            throw new FileFormatException(file, "", "the file is empty");
        }
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
        }
        List<NascCell> cells = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (head.contains("<Acoustic")) {
            readXml(file, cells, rejects);
        } else if (head.contains(",Header,")) {
            readCsv(file, cells, rejects);
        } else {
            throw new FileFormatException(file, "line 1", "is neither ICES acoustic XML (<Acoustic>) nor ICES acoustic CSV (Table,Header,… rows)");
        }
        removeDuplicates(cells, rejects);
        if (cells.isEmpty() && rejects.isEmpty()) {
            warnings.add("the file has no Data records");
        }
        Provenance p = new Provenance(file.getFileName().toString(), Files.size(file), FileDigest.sha256(file), NAME, AppInfo.version(), Instant.now());
        return new ImportResult<>(cells, rejects, warnings, p);
    }

    private static void readCsv(Path file, List<NascCell> cells, List<Reject> rejects) throws IOException, FileFormatException {
        String source = file.getFileName().toString();
        Map<String, Map<String, Integer>> headers = new HashMap<>();
        Map<String, Map<String, String>> logsByDistance = new LinkedHashMap<>();
        Map<String, Integer> logIndex = new HashMap<>();
        Map<String, Map<String, String>> samplesByKey = new LinkedHashMap<>();
        Map<String, Integer> sampleIndex = new HashMap<>();
        Map<String, Integer> samplesPerLog = new HashMap<>();
        Map<String, String> instrumentFrequency = new HashMap<>();
        Map<String, String> lastLog = null;
        Map<String, String> lastSample = null;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = pe.cardumen.io.CsvCells.open(file);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) {
                long line = parser.getCurrentLineNumber();
                if (r.size() < 2) {
                    continue;
                }
                String table = r.get(0).trim();
                String kind = r.get(1).trim();
                if (kind.equalsIgnoreCase("Header")) {
                    Map<String, Integer> h = new HashMap<>();
                    for (int i = 2; i < r.size(); i++) {
                        h.put(r.get(i).trim().toLowerCase(Locale.ROOT), i);
                    }
                    headers.put(table, h);
                    continue;
                }
                if (!kind.equalsIgnoreCase("Record")) {
                    rejects.add(new Reject("line " + line, "second field is '" + kind + "', expected Header or Record"));
                    continue;
                }
                Map<String, Integer> h = headers.get(table);
                if (h == null) {
                    rejects.add(new Reject("line " + line, table + " record before its Header row"));
                    continue;
                }
                Map<String, String> rec = new HashMap<>();
                h.forEach((name, i) -> rec.put(name, i < r.size() ? r.get(i).trim() : ""));
                switch (table) {
                    case "Instrument":
                        instrumentFrequency.put(rec.getOrDefault("instrumentid", ""), rec.getOrDefault("instrumentfrequency", ""));
                        break;
                    case "Log": {
                        String d = rec.getOrDefault("logdistance", "");
                        logsByDistance.put(d, rec);
                        logIndex.putIfAbsent(d, logIndex.size());
                        lastLog = rec;
                        break;
                    }
                    case "Sample": {
                        String d = rec.containsKey("logdistance") ? rec.get("logdistance") : lastLog == null ? "" : lastLog.get("logdistance");
                        String key = d + "|" + rec.getOrDefault("samplechanneldepthupper", "");
                        samplesByKey.put(key, rec);
                        if (!sampleIndex.containsKey(key)) {
                            sampleIndex.put(key, samplesPerLog.merge(d, 1, Integer::sum) - 1);
                        }
                        lastSample = rec;
                        break;
                    }
                    case "Data": {
                        try {
                            String d = rec.containsKey("logdistance") ? rec.get("logdistance") : lastLog == null ? null : lastLog.get("logdistance");
                            Map<String, String> log = d == null ? null : logsByDistance.get(d);
                            if (log == null) {
                                throw new IllegalArgumentException("no Log record for LogDistance " + d);
                            }
                            String sampleKey = rec.containsKey("samplechanneldepthupper") ? d + "|" + rec.get("samplechanneldepthupper")
                                    : lastSample == null ? null : d + "|" + lastSample.getOrDefault("samplechanneldepthupper", "");
                            Map<String, String> sample = sampleKey == null ? null : samplesByKey.get(sampleKey);
                            if (sample == null) {
                                throw new IllegalArgumentException("no Sample record for LogDistance " + d);
                            }
                            cells.add(cell(source, log, sample, rec.getOrDefault("datasacategory", ""), rec.getOrDefault("dataunit", ""),
                                    rec.getOrDefault("datavalue", ""), logIndex.get(d), sampleIndex.getOrDefault(sampleKey, 0),
                                    instrumentFrequency.getOrDefault(sample.getOrDefault("sampleinstrument", ""), ""), "log", "sample"));
                        } catch (IllegalArgumentException | java.time.DateTimeException e) {
                            rejects.add(new Reject("line " + line, e.getMessage()));
                        }
                        break;
                    }
                    default:
                        break; // Cruise, Calibration, DataAcquisition, DataProcessing, EchoType: metadata
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new FileFormatException(file, "", "is not a readable CSV file (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "); a quote may be unbalanced — export the file again", e);
        }
    }

    /** A cell of the same log, sample, category and channel as an earlier one is rejected: a cell counts once. */
    private static void removeDuplicates(List<NascCell> cells, List<Reject> rejects) {
        Map<String, NascCell> seen = new HashMap<>();
        List<NascCell> kept = new ArrayList<>(cells.size());
        for (NascCell c : cells) {
            String key = c.channel() + "\u0000" + c.category() + "\u0000" + c.interval() + "\u0000" + c.layer();
            if (seen.putIfAbsent(key, c) == null) {
                kept.add(c);
            } else {
                rejects.add(new Reject("Log " + (c.interval() + 1) + ", Sample " + (c.layer() + 1), "a second " + (c.category().isEmpty() ? "" : c.category() + " ")
                        + "Data record for the same Log and Sample; the first is kept"));
            }
        }
        cells.clear();
        cells.addAll(kept);
    }

    /** Builds a cell from a Log, a Sample and a Data's fields (maps keyed by lower-case field names). */
    private static NascCell cell(String source, Map<String, String> log, Map<String, String> sample, String category, String unit, String value,
                                 int interval, int layer, String frequency, String logPrefix, String samplePrefix) {
        String u = vocabulary(unit).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        if (!u.equals("m2nmi2")) {
            throw new IllegalArgumentException("unit '" + unit + "' is not supported; NASC must be in m2nmi-2");
        }
        double nasc = parse(value, "Value");
        if (!(nasc >= 0)) {
            throw new IllegalArgumentException("Value " + value + " is negative");
        }
        double lat = optional(log.get(logPrefix + "latitude"), "Latitude");
        double lon = optional(log.get(logPrefix + "longitude"), "Longitude");
        if ((!Double.isNaN(lat) || !Double.isNaN(lon)) && (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))) {
            throw new IllegalArgumentException("the Log's position " + log.get(logPrefix + "latitude") + ", " + log.get(logPrefix + "longitude")
                    + " is not a latitude in −90…90° and a longitude in −180…180°");
        }
        Instant time = time(log.getOrDefault(logPrefix + "time", ""));
        double top = optional(sample.get(samplePrefix + "channeldepthupper"), "ChannelDepthUpper");
        double bottom = optional(sample.get(samplePrefix + "channeldepthlower"), "ChannelDepthLower");
        if (top > bottom) {
            throw new IllegalArgumentException("the Sample's upper depth " + top + " m is below its lower depth " + bottom + " m");
        }
        String channel = frequency.isEmpty() ? vocabulary(sample.getOrDefault(samplePrefix + "instrument", "")) : frequency + " kHz";
        return new NascCell(source, channel, vocabulary(category), interval, layer, time, lat, lon, top, bottom, Double.NaN, nasc);
    }

    private static void readXml(Path file, List<NascCell> cells, List<Reject> rejects) throws IOException, FileFormatException {
        String source = file.getFileName().toString();
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        Map<String, String> instrumentFrequency = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = f.createXMLStreamReader(in);
            Map<String, String> log = null;
            Map<String, String> sample = null;
            Map<String, String> data = null;
            Map<String, String> instrument = null;
            Map<String, String> target = null;
            String field = null;
            int logs = -1;
            int samples = -1;
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("Instrument") && log != null) {
                        name = "SampleInstrumentRef"; // a Sample's <Instrument IDREF=…/>, not a definition
                    }
                    switch (name) {
                        case "Instrument":
                            instrument = new HashMap<>();
                            instrument.put("id", x.getAttributeValue(null, "ID"));
                            target = instrument;
                            break;
                        case "Log":
                            log = new HashMap<>();
                            logs++;
                            samples = -1;
                            target = log;
                            break;
                        case "Sample":
                            sample = new HashMap<>();
                            samples++;
                            target = sample;
                            break;
                        case "Data":
                            data = new HashMap<>();
                            target = data;
                            break;
                        default:
                            if (target != null) {
                                field = name.equals("SampleInstrumentRef") ? "instrument" : name.toLowerCase(Locale.ROOT);
                                String idref = x.getAttributeValue(null, "IDREF");
                                if (idref != null) {
                                    target.put(field, idref);
                                }
                            }
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && target != null && field != null) {
                    String t = x.getText().trim();
                    if (!t.isEmpty()) {
                        target.merge(field, t, String::concat);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = x.getLocalName();
                    if (name.equals("Instrument") && log != null) {
                        name = "SampleInstrumentRef";
                    }
                    switch (name) {
                        case "Instrument":
                            if (instrument != null) {
                                instrumentFrequency.put(instrument.getOrDefault("id", ""), instrument.getOrDefault("frequency", ""));
                            }
                            instrument = null;
                            target = null;
                            break;
                        case "Data":
                            try {
                                if (log == null || sample == null) {
                                    throw new IllegalArgumentException("Data outside a Log and Sample");
                                }
                                cells.add(cell(source, log, sample, data.getOrDefault("sacategory", ""), data.getOrDefault("unit", ""),
                                        data.getOrDefault("value", ""), logs, samples,
                                        instrumentFrequency.getOrDefault(vocabulary(sample.getOrDefault("instrument", "")), ""), "", ""));
                            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                                rejects.add(new Reject("Log " + (log == null ? "?" : log.getOrDefault("distance", "?")) + " (XML line "
                                        + x.getLocation().getLineNumber() + ")", e.getMessage()));
                            }
                            data = null;
                            target = sample;
                            break;
                        case "Sample":
                            sample = null;
                            target = log;
                            break;
                        case "Log":
                            log = null;
                            target = null;
                            break;
                        default:
                            field = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new FileFormatException(file, e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber(),
                    "the XML is not well formed (" + e.getMessage() + "); the file may be truncated", e);
        }
    }

    /** A vocabulary value: the text, or the code at the end of an ICES IDREF such as AC_SaCategory_ANE. */
    private static String vocabulary(String v) {
        if (v == null) {
            return "";
        }
        String t = v.trim();
        if (t.startsWith("AC_")) {
            int last = t.lastIndexOf('_');
            return last >= 0 ? t.substring(last + 1) : t;
        }
        return t;
    }

    private static double parse(String v, String name) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a number");
        }
    }

    /** An optional number: empty is NaN, text that is not a number is refused. */
    private static double optional(String v, String name) {
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        return parse(v, name);
    }

    /** ICES times are ISO 8601 in UTC, with or without seconds or zone ("2019-02-05T08:30", "…Z"). */
    static Instant time(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.trim().replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
}
