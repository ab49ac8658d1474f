package pe.cardumen.acoustics.biomass;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The parameters that turn NASC into fish and tonnes (DOMAIN.md §1, §3): target strength
 * {@code TS = 20·log10(L) + b20}, length–weight {@code W = a·L^b}, the juvenile length and the
 * haul-assignment radius. Defaults in {@code biomass-parameters.properties}; never literals in code.
 *
 * @param b20Db          TS intercept, dB re 1 m² (at L = 1 cm)
 * @param b20Confirmed   whether b20 is confirmed for the species (the default is not: shown as "unconfirmed")
 * @param lwA            length–weight coefficient, kg cm⁻ᵇ
 * @param lwB            length–weight exponent
 * @param juvenileCm     juveniles are shorter than this, cm
 * @param haulRadiusNmi  a haul serves intervals within this distance, nmi
 */
public record BiomassParameters(double b20Db, boolean b20Confirmed, double lwA, double lwB, double juvenileCm, double haulRadiusNmi) {
    public BiomassParameters {
        if (!Double.isFinite(b20Db) || !(lwA > 0) || !(lwB > 0) || !(juvenileCm > 0) || !(haulRadiusNmi > 0)) {
            throw new IllegalArgumentException("biomass parameters must be finite, with a, b, juvenile length and radius > 0");
        }
    }

    /** The bundled defaults. */
    public static BiomassParameters defaults() {
        try (InputStream in = BiomassParameters.class.getResourceAsStream("biomass-parameters.properties")) {
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new IllegalStateException("the bundled biomass-parameters.properties cannot be read", e);
        }
    }

    /**
     * A user's parameter file (same keys as the bundled one).
     *
     * @throws IllegalArgumentException naming the key when a value is missing or not a number
     */
    public static BiomassParameters load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return of(p);
        }
    }

    /** The set's canonical text: its keys, sorted, as {@code key=value} lines (what the workspace versions). */
    public String definition() {
        return "haul.radius.nmi=" + haulRadiusNmi + "\njuvenile.length.cm=" + juvenileCm + "\nlw.a=" + lwA + "\nlw.b=" + lwB + "\nts.b20.confirmed="
                + b20Confirmed + "\nts.b20.db=" + b20Db + "\n";
    }

    /** The same parameters with another b20. */
    public BiomassParameters withB20(double db) {
        return new BiomassParameters(db, false, lwA, lwB, juvenileCm, haulRadiusNmi);
    }

    /** Target strength of a fish of length L, dB re 1 m². */
    public double targetStrengthDb(double lengthCm) {
        return 20 * Math.log10(lengthCm) + b20Db;
    }

    /** Backscattering cross-section σbs = 10^(TS/10), m². */
    public double sigmaBs(double lengthCm) {
        return Math.pow(10, targetStrengthDb(lengthCm) / 10);
    }

    /** Weight of a fish of length L, kg. */
    public double weightKg(double lengthCm) {
        return lwA * Math.pow(lengthCm, lwB);
    }

    private static BiomassParameters of(Properties p) {
        return new BiomassParameters(d(p, "ts.b20.db"), Boolean.parseBoolean(p.getProperty("ts.b20.confirmed", "false").trim()), d(p, "lw.a"),
                d(p, "lw.b"), d(p, "juvenile.length.cm"), d(p, "haul.radius.nmi"));
    }

    private static double d(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("biomass parameter '" + key + "' is missing");
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("biomass parameter '" + key + "' is not a number: " + v);
        }
    }
}
