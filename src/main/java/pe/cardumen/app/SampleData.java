package pe.cardumen.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled {@code sample-data/} folder: the system property {@code cardumen.sampleData},
 * then {@code sample-data/} in the working directory, then beside the application jar or one folder
 * above it (the layout of {@code target/cardumen.jar} and of the packaged app image).
 */
public final class SampleData {
    /** Relative path of the Natural Earth 10 m coastline inside {@code sample-data/}. */
    public static final String COASTLINE = "coastline/ne_10m_coastline_peru_bbox.geojson";
    /** Relative path of the Natural Earth 50 m Peru land polygon inside {@code sample-data/}. */
    public static final String LAND = "coastline/ne_50m_peru_land.geojson";

    /** NOAA CPC's Oceanic Niño Index inside {@code sample-data/}. */
    public static final String ONI = "indices/oni.ascii.txt";
    /** The SIMULATED survey history folder inside {@code sample-data/} (see its README). */
    public static final String SIMULATED_HISTORY = "simulated-history";
    /** NOAA CPC's monthly ERSST v5 Niño-region SSTs inside {@code sample-data/}. */
    public static final String NINO_REGIONS = "indices/ersst5.nino.mth.91-20.ascii";

    private final Path root;

    private SampleData(Path root) {
        this.root = root;
    }

    /**
     * Locates the folder.
     *
     * @throws IllegalStateException listing where it looked when no folder holds the coastline
     */
    public static SampleData locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("cardumen.sampleData");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("sample-data"));
        jarDirectory().ifPresent(dir -> {
            candidates.add(dir.resolve("sample-data"));
            if (dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("sample-data"));
            }
        });
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve(COASTLINE))) {
                return new SampleData(c.toAbsolutePath().normalize());
            }
        }
        throw new IllegalStateException("the bundled sample-data folder was not found (looked in " + candidates
                + "); run Cardumen from its installation folder or set -Dcardumen.sampleData=DIR");
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** A file inside the folder. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p.getParent() : p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
