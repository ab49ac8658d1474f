package pe.cardumen.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import pe.cardumen.io.ParameterFile;

/**
 * The thresholds that classify ENSO conditions (a configurable parameter set): ICEN categories after
 * ENFEN (2012), the number of consecutive months that make a coastal event, and the ONI's ±0.5 °C over
 * five overlapping seasons. Defaults in {@code enso-thresholds.properties}.
 *
 * @param coldStrong        ICEN below this is cold strong, °C
 * @param coldModerate      below this (and not strong) cold moderate
 * @param coldWeak          below this cold weak
 * @param warmWeak          above this warm weak
 * @param warmModerate      above this warm moderate
 * @param warmStrong        above this warm strong
 * @param warmExtraordinary above this warm extraordinary
 * @param eventMonths       consecutive warm (cold) months that make El Niño (La Niña) costero
 * @param oniThreshold      ONI magnitude of an El Niño / La Niña season, °C
 * @param oniEventSeasons   consecutive seasons that make an ONI event
 */
public record EnsoThresholds(double coldStrong, double coldModerate, double coldWeak, double warmWeak, double warmModerate, double warmStrong,
                             double warmExtraordinary, int eventMonths, double oniThreshold, int oniEventSeasons) {

    public EnsoThresholds {
        if (!(coldStrong <= coldModerate && coldModerate <= coldWeak && coldWeak < warmWeak && warmWeak <= warmModerate
                && warmModerate <= warmStrong && warmStrong <= warmExtraordinary)) {
            throw new IllegalArgumentException("ICEN thresholds must increase from cold strong to warm extraordinary");
        }
        if (eventMonths < 1 || oniEventSeasons < 1 || !(oniThreshold > 0)) {
            throw new IllegalArgumentException("event lengths must be >= 1 and the ONI threshold > 0 °C");
        }
    }

    /** The defaults shipped with Cardumen. */
    public static EnsoThresholds defaults() {
        return of(ParameterFile.defaults(EnsoThresholds.class, "enso-thresholds.properties"));
    }

    /**
     * The bundled thresholds with a user's file's keys replacing theirs.
     *
     * @throws IllegalArgumentException naming the file and line of an unknown key, or the key whose value is not a number
     */
    public static EnsoThresholds load(Path file) throws IOException {
        return of(ParameterFile.load(EnsoThresholds.class, "enso-thresholds.properties", file));
    }

    private static EnsoThresholds of(Properties p) {
        return new EnsoThresholds(d(p, "icen.cold.strong"), d(p, "icen.cold.moderate"), d(p, "icen.cold.weak"), d(p, "icen.warm.weak"),
                d(p, "icen.warm.moderate"), d(p, "icen.warm.strong"), d(p, "icen.warm.extraordinary"), (int) d(p, "icen.event.months"),
                d(p, "oni.threshold"), (int) d(p, "oni.event.seasons"));
    }

    private static double d(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("ENSO thresholds: '" + key + "' is missing");
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ENSO thresholds: '" + key + "' = '" + v + "' is not a number");
        }
    }
}
