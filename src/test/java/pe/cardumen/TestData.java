package pe.cardumen;

import java.nio.file.Files;
import java.nio.file.Path;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.GridSpec;
import pe.cardumen.geo.ZoneLayer;

/**
 * Shared test inputs: the project's sample data, the shared reference data, and the full AIP grid
 * generated once per test JVM (it takes a few seconds).
 */
public final class TestData {
    private static volatile ZoneLayer fullGrid;
    private static volatile Services services;

    private TestData() {
    }

    /** {@code sample-data/} of this project. */
    public static Path sampleData() {
        return Path.of("sample-data").toAbsolutePath();
    }

    /** {@code ../shared/data}, as set by surefire. */
    public static Path sharedData() {
        return Path.of(System.getProperty("cardumen.shared.data", "../shared/data")).toAbsolutePath().normalize();
    }

    public static synchronized Services services() {
        if (services == null) {
            System.setProperty("cardumen.sampleData", sampleData().toString());
            services = new Services(SampleData.locate(), GridSpec.PERU);
        }
        return services;
    }

    public static Coastline coastline() throws Exception {
        return services().coastline();
    }

    /** The full Peruvian grid, generated once. */
    public static synchronized ZoneLayer fullGrid() throws Exception {
        if (fullGrid == null) {
            fullGrid = services().generateZones(ProgressListener.NONE, CancellationToken.NONE);
        }
        return fullGrid;
    }

    /** A fresh empty directory under target/. */
    public static Path tempDir(String name) throws Exception {
        Path dir = Path.of("target", "test-work", name + "-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        return dir;
    }
}
