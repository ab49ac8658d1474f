package pe.cardumen.features.simulation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.MonthDay;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import pe.cardumen.io.ParameterFile;

/**
 * The parameters of the simulated survey history ({@code simulated-history.properties}): years, survey
 * dates, calibration targets and every constant of the habitat, temperature and chlorophyll models.
 * A user's file replaces the bundled one key by key.
 */
public final class HistoryParameters {
    private final Map<String, String> values;

    private HistoryParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The bundled parameters. */
    public static HistoryParameters defaults() {
        return new HistoryParameters(map(ParameterFile.defaults(HistoryParameters.class, "simulated-history.properties")));
    }

    /**
     * The bundled parameters with the keys of a user's file replacing theirs.
     *
     * @throws IllegalArgumentException naming the file and line of a key the model does not have
     */
    public static HistoryParameters load(Path file) throws IOException {
        return new HistoryParameters(map(ParameterFile.load(HistoryParameters.class, "simulated-history.properties", file)));
    }

    private static Map<String, String> map(Properties p) {
        Map<String, String> m = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).strip()));
        return m;
    }

    /** A number. */
    public double number(String key) {
        String v = text(key);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulated-history parameter " + key + " must be a finite number, not '" + v + "'");
        }
    }

    /** A whole number. */
    public int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("simulated-history parameter " + key + " must be a whole number, not " + d);
        }
        return (int) d;
    }

    /** A day of the year as {@code MM-DD}. */
    public MonthDay monthDay(String key) {
        try {
            return MonthDay.parse("--" + text(key));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("simulated-history parameter " + key + " must be MM-DD, not '" + text(key) + "'");
        }
    }

    /** The text of a key. */
    public String text(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("simulated-history parameter " + key + " is missing");
        }
        return v;
    }

    /** The canonical text: {@code key=value} lines, sorted. */
    public String definition() {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }
}
