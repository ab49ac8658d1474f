package pe.cardumen.app;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bundled {@code sample-data/} folder: real public sonar and satellite files to try, the ENSO
 * index files, and the SIMULATED survey history the demo workspace is built from.
 *
 * <p>Looked for, in order: the system property {@code cardumen.sampleData}, {@code sample-data/} in
 * the working directory, then beside the application jar, one folder above it (the layout of
 * {@code target/cardumen.jar}) and two above it (the packaged app image). A folder counts when it
 * holds this project's {@code README.md}. The folder is optional: without it the application still
 * starts (the coastline and land are class-path resources, see {@code Coastline.bundled()}), and
 * whatever needs a sample file says where it looked.
 */
public final class SampleData {
    /** NOAA CPC's Oceanic Niño Index inside {@code sample-data/}. */
    public static final String ONI = "indices/oni.ascii.txt";
    /** The SIMULATED survey history folder inside {@code sample-data/} (see its README). */
    public static final String SIMULATED_HISTORY = "simulated-history";
    /** NOAA CPC's monthly ERSST v5 Niño-region SSTs inside {@code sample-data/}. */
    public static final String NINO_REGIONS = "indices/ersst5.nino.mth.91-20.ascii";
    /** The real echosounder files inside {@code sample-data/}. */
    public static final String ECHOSOUNDER = "echosounder";
    /** The real satellite grids inside {@code sample-data/}. */
    public static final String SATELLITE = "satellite";

    private static final String MARKER = "README.md";

    private final Path root;
    private final List<Path> searched;

    private SampleData(Path root, List<Path> searched) {
        this.root = root;
        this.searched = List.copyOf(searched);
    }

    /** Locates the folder; the result may be {@linkplain #isPresent() absent}, never {@code null}. */
    public static SampleData locate() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("cardumen.sampleData");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        candidates.add(Path.of("sample-data"));
        jarDirectory().ifPresent(dir -> {
            Path d = dir;
            for (int up = 0; up < 3 && d != null; up++, d = d.getParent()) {
                candidates.add(d.resolve("sample-data"));
            }
        });
        java.util.LinkedHashSet<Path> absolute = new java.util.LinkedHashSet<>();
        for (Path c : candidates) {
            Path a = c.toAbsolutePath().normalize();
            absolute.add(a);
            if (Files.isRegularFile(a.resolve(MARKER))) {
                return new SampleData(a, new ArrayList<>(absolute));
            }
        }
        return new SampleData(null, new ArrayList<>(absolute));
    }

    /** A sample-data folder at a known place (tests, {@code --sample-data}). */
    public static SampleData at(Path root) {
        return new SampleData(root.toAbsolutePath().normalize(), List.of(root));
    }

    /** No sample data (as when Cardumen runs from a lone jar); {@code searched} is what a message lists. */
    public static SampleData absent(List<Path> searched) {
        return new SampleData(null, searched);
    }

    /** Whether the folder was found. */
    public boolean isPresent() {
        return root != null;
    }

    /** The folder, when found. */
    public Optional<Path> root() {
        return Optional.ofNullable(root);
    }

    /**
     * A file or folder inside the sample data.
     *
     * @throws FileNotFoundException naming where the folder was looked for, when it was not found, or
     *                               naming the file when the folder lacks it
     */
    public Path resolve(String relative) throws FileNotFoundException {
        if (root == null) {
            throw new FileNotFoundException("the bundled sample-data folder was not found (looked in " + searched
                    + "), so " + relative + " is not available; reinstall Cardumen or start it with -Dcardumen.sampleData=DIR");
        }
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new FileNotFoundException(p + " is missing from the sample data; reinstall Cardumen or give the file explicitly");
        }
        return p;
    }

    /** A sample file the user can open, with the kind of panel that opens it. */
    public record SampleFile(Path path, Kind kind) {
        /** Which panel opens a sample file. */
        public enum Kind { SONAR, SATELLITE }

        /** The file's name. */
        public String name() {
            return path.getFileName().toString();
        }
    }

    /**
     * The real sonar and satellite files in the sample data, sorted by name (empty when the folder is
     * absent). Companion files ({@code .bot}) are not listed: the sonar reader finds them.
     */
    public List<SampleFile> openableFiles() throws IOException {
        List<SampleFile> files = new ArrayList<>();
        if (root == null) {
            return files;
        }
        collect(root.resolve(ECHOSOUNDER), SampleFile.Kind.SONAR, files, ".raw");
        collect(root.resolve(SATELLITE), SampleFile.Kind.SATELLITE, files, ".nc", ".tif", ".tiff", ".csv");
        return files;
    }

    private static void collect(Path dir, SampleFile.Kind kind, List<SampleFile> out, String... extensions) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        for (String e : extensions) {
                            if (n.endsWith(e)) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .forEach(p -> out.add(new SampleFile(p, kind)));
        }
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
