package pe.cardumen.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's name and version, for provenance records and reports. */
public final class AppInfo {
    /** The application's name. */
    public static final String NAME = "Cardumen";

    private static final String VERSION = loadVersion();

    private AppInfo() {
    }

    /** The Cardumen version, from the build (e.g. {@code 0.1.0-SNAPSHOT}); {@code dev} when unbuilt. */
    public static String version() {
        return VERSION;
    }

    /** The Java runtime and operating system, e.g. {@code Java 17.0.15 on Linux amd64}. */
    public static String platform() {
        return "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String loadVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/pe/cardumen/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
