package pe.cardumen.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * When a model's score on a new survey raises an alert ({@code monitoring.properties}): RMSE of log1p
 * density above {@code rmse.max}, or P10–P90 coverage below {@code coverage.min}.
 */
public record MonitoringThresholds(double rmseMax, double coverageMin) {
    /** The bundled thresholds. */
    public static MonitoringThresholds defaults() {
        try (InputStream in = MonitoringThresholds.class.getResourceAsStream("monitoring.properties")) {
            Properties p = new Properties();
            p.load(in);
            return of(p, "monitoring.properties");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundled monitoring.properties cannot be read", e);
        }
    }

    /** Thresholds from a file with the same keys. */
    public static MonitoringThresholds load(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return of(p, file.getFileName().toString());
        }
    }

    private static MonitoringThresholds of(Properties p, String name) {
        try {
            return new MonitoringThresholds(Double.parseDouble(p.getProperty("rmse.max", "").trim()), Double.parseDouble(p.getProperty("coverage.min", "").trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": rmse.max and coverage.min must be numbers");
        }
    }

    /** Why these metrics alert ({@code ""} when they do not). */
    public String alert(Map<String, Double> metrics) {
        StringBuilder b = new StringBuilder();
        double rmse = metrics.getOrDefault("rmse", Double.NaN);
        double coverage = metrics.getOrDefault("coverage", Double.NaN);
        if (rmse > rmseMax) {
            b.append(String.format(Locale.ROOT, "RMSE %.3f above %.3f", rmse, rmseMax));
        }
        if (coverage < coverageMin) {
            b.append(b.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "P10–P90 coverage %.3f below %.3f", coverage, coverageMin));
        }
        return b.toString();
    }
}
