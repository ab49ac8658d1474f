package pe.cardumen.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * The one way parameter files are read (biomass, ENSO thresholds, harvest control, the simulated
 * history): the bundled defaults, a class-path resource, with the keys of a user's file replacing
 * theirs. A user's file need only hold the keys it changes; a key the defaults do not have is refused
 * with its line (a typo must not silently leave the default in force), and so is a key given twice.
 *
 * <p>Lines are {@code key=value} or {@code key: value}; {@code #} and {@code !} start comments; blank
 * lines are skipped; the file is UTF-8.
 */
public final class ParameterFile {
    private ParameterFile() {
    }

    /**
     * The bundled defaults.
     *
     * @param owner    the class whose package holds the resource
     * @param resource the resource's name, e.g. {@code harvest-parameters.properties}
     * @throws IllegalStateException when the resource is missing or unreadable (a broken build)
     */
    public static Properties defaults(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + resource + " is missing");
            }
            Properties p = new Properties();
            parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource, key -> true).forEach(p::setProperty);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + resource + " cannot be read", e);
        }
    }

    /** The defaults with a user's file over them; every user key must be a default's. */
    public static Properties load(Class<?> owner, String resource, Path userFile) throws IOException {
        return load(owner, resource, userFile, key -> false);
    }

    /**
     * The defaults with a user's file over them.
     *
     * @param alsoAllowed keys a user may add that the defaults lack (e.g. a new scenario's factors)
     * @throws IllegalArgumentException naming the file and line of an unknown or repeated key, or a line that is not {@code key=value}
     */
    public static Properties load(Class<?> owner, String resource, Path userFile, Predicate<String> alsoAllowed) throws IOException {
        Properties p = defaults(owner, resource);
        try (Reader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
            parse(r, userFile.getFileName().toString(), key -> p.containsKey(key) || alsoAllowed.test(key)).forEach(p::setProperty);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(userFile.getFileName() + " is not UTF-8 text; save it as UTF-8");
        }
        return p;
    }

    private static Map<String, String> parse(Reader reader, String name, Predicate<String> known) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            int eq = firstSeparator(t);
            if (eq <= 0) {
                throw new IllegalArgumentException(name + ", line " + n + ": expected key=value, found '" + t + "'");
            }
            String key = t.substring(0, eq).strip();
            String value = t.substring(eq + 1).strip();
            if (!known.test(key)) {
                throw new IllegalArgumentException(name + ", line " + n + ": unknown parameter '" + key + "'; the keys are those of the bundled defaults");
            }
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException(name + ", line " + n + ": '" + key + "' is given a second time");
            }
        }
        return out;
    }

    private static int firstSeparator(String t) {
        int eq = t.indexOf('=');
        int colon = t.indexOf(':');
        return eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    }
}
