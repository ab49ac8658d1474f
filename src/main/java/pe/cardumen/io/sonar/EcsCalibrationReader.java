package pe.cardumen.io.sonar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pe.cardumen.io.FileFormatException;

/**
 * Reads Echoview calibration supplement files ({@code .ecs}, Echoview help "About ECS files"): a
 * {@code FileSet} section of defaults and one {@code SourceCal Tn} section per transducer, each with
 * {@code Name = value # comment} lines. The values Cardumen uses are gain ({@code Gain},
 * {@code TransducerGain}), Sa correction ({@code EK60SaCorrection}, {@code SaCorrection},
 * {@code EK80SaCorrection}), two-way beam angle ({@code TwoWayBeamAngle}, {@code EquivalentBeamAngle}),
 * {@code SoundSpeed}, {@code AbsorptionCoefficient} and {@code Frequency} (kHz, to match a section to
 * a channel); others are listed as ignored.
 */
public final class EcsCalibrationReader {

    /**
     * One section's values, by Cardumen's names: gain_db, sa_correction_db, eba_db, sound_speed,
     * absorption, frequency_khz.
     *
     * @param name   {@code FileSet} or {@code SourceCal T1} …
     * @param values the recognised values
     */
    public record Section(String name, Map<String, Double> values) {
        /** The transducer number of a {@code SourceCal Tn} section, or 0. */
        public int transducer() {
            String n = name.replaceAll("(?i)^SourceCal\\s+T", "");
            try {
                return n.equals(name) ? 0 : Integer.parseInt(n.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /**
     * The file's sections and the names it had that Cardumen does not use.
     *
     * @param fileSet  the FileSet defaults (may be empty)
     * @param sources  the SourceCal sections in file order
     * @param ignored  parameter names not used, for a warning
     */
    public record EcsFile(Section fileSet, List<Section> sources, List<String> ignored) {
    }

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("gain", "gain_db"), Map.entry("transducergain", "gain_db"),
            Map.entry("ek60sacorrection", "sa_correction_db"), Map.entry("sacorrection", "sa_correction_db"),
            Map.entry("ek80sacorrection", "sa_correction_db"), Map.entry("sacorrectionfactor", "sa_correction_db"),
            Map.entry("twowaybeamangle", "eba_db"), Map.entry("equivalentbeamangle", "eba_db"),
            Map.entry("soundspeed", "sound_speed"), Map.entry("absorptioncoefficient", "absorption"),
            Map.entry("frequency", "frequency_khz"));

    /**
     * Reads the file.
     *
     * @throws FileFormatException naming the line when a value is not a number or there is no section
     */
    public EcsFile read(Path file) throws IOException, FileFormatException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        Section fileSet = new Section("FileSet", new LinkedHashMap<>());
        List<Section> sources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Section current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (text.isEmpty() || text.toLowerCase(Locale.ROOT).startsWith("version")) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("fileset")) {
                current = fileSet;
                continue;
            }
            if (lower.startsWith("sourcecal")) {
                current = new Section(text.replaceAll("\\s+", " "), new LinkedHashMap<>());
                sources.add(current);
                continue;
            }
            if (lower.startsWith("localcal") || lower.startsWith("surface")) {
                current = null; // sections Cardumen does not use
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new FileFormatException(file, "line " + (i + 1), "expected 'Name = value' or a section name, found '" + text + "'");
            }
            if (current == null) {
                if (sources.isEmpty() && fileSet.values().isEmpty()) {
                    throw new FileFormatException(file, "line " + (i + 1), "a value before any FileSet or SourceCal section");
                }
                continue;
            }
            String key = text.substring(0, eq).trim();
            String value = text.substring(eq + 1).trim();
            String mapped = NAMES.get(key.toLowerCase(Locale.ROOT));
            if (mapped == null) {
                if (!ignored.contains(key)) {
                    ignored.add(key);
                }
                continue;
            }
            try {
                current.values().put(mapped, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new FileFormatException(file, "line " + (i + 1), key + " = '" + value + "' is not a number");
            }
        }
        if (sources.isEmpty() && fileSet.values().isEmpty()) {
            throw new FileFormatException(file, "", "has no FileSet or SourceCal section; is this an Echoview .ecs file?");
        }
        return new EcsFile(fileSet, sources, ignored);
    }
}
