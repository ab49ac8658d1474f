package pe.cardumen.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import pe.cardumen.io.ParameterFile;

/**
 * When a model's score on a new survey raises an alert ({@code monitoring.properties}): RMSE of log1p
 * density above {@code rmse.max}, or P10–P90 coverage below {@code coverage.min}.
 */
public record MonitoringThresholds(double rmseMax, double coverageMin) {
    /** The bundled thresholds. */
    public static MonitoringThresholds defaults() {
        return of(ParameterFile.defaults(MonitoringThresholds.class, "monitoring.properties"), "monitoring.properties");
    }

    /** The bundled thresholds with a user's file's keys replacing theirs (unknown keys refused with their line). */
    public static MonitoringThresholds load(Path file) throws IOException {
        return of(ParameterFile.load(MonitoringThresholds.class, "monitoring.properties", file), file.getFileName().toString());
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
