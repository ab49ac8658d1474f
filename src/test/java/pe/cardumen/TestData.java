package pe.cardumen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import pe.cardumen.app.SampleData;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.geo.Coastline;
import pe.cardumen.geo.GridSpec;
import pe.cardumen.geo.ZoneLayer;

/**
 * Shared test inputs: the project's sample data, the reference data, and the full AIP grid
 * generated once per test JVM (it takes a few seconds).
 */
public final class TestData {
    private static volatile ZoneLayer fullGrid;
    private static volatile Services services;
    private static Path referenceData;

    private TestData() {
    }

    /** {@code sample-data/} of this project. */
    public static Path sampleData() {
        return Path.of("sample-data").toAbsolutePath();
    }

    /**
     * The real public files and their independent reference values, laid out as one folder
     * ({@code echosounder/}, {@code echosounder/expected/}, {@code satellite/}, {@code indices/}) under
     * {@code target/reference-data}: the sample files come from {@code sample-data/}, the reference
     * values from {@code src/test/resources/reference/} (stored gzip-compressed, decompressed here).
     * Everything is inside the repository; provenance in {@code src/test/resources/reference/README.md}.
     */
    public static synchronized Path referenceData() {
        if (referenceData == null) {
            Path out = Path.of("target", "reference-data").toAbsolutePath();
            try {
                for (String dir : List.of(SampleData.ECHOSOUNDER, SampleData.SATELLITE, "indices")) {
                    copyTree(sampleData().resolve(dir), out.resolve(dir), false);
                }
                copyTree(Path.of("src", "test", "resources", "reference").toAbsolutePath(), out, true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot assemble the reference data under " + out, e);
            }
            referenceData = out;
        }
        return referenceData;
    }

    /** A file of {@link #referenceData()}, which must exist. */
    public static Path reference(String relative) throws IOException {
        Path p = referenceData().resolve(relative);
        if (!Files.exists(p)) {
            throw new NoSuchFileException(p.toString(), null, "not in sample-data/ nor src/test/resources/reference/");
        }
        return p;
    }

    private static void copyTree(Path from, Path to, boolean gunzip) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new NoSuchFileException(from.toString());
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = from.relativize(f).toString();
                boolean gz = gunzip && rel.endsWith(".gz");
                Path target = to.resolve(gz ? rel.substring(0, rel.length() - 3) : rel);
                Files.createDirectories(target.getParent());
                if (gz) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else if (!Files.exists(target) || Files.size(target) != Files.size(f)
                        || Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(f)) < 0) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public static synchronized Services services() {
        if (services == null) {
            services = new Services(SampleData.at(sampleData()), GridSpec.PERU);
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

    /**
     * The hash a model version should have, computed here as {@code sha256sum} would list its files
     * (every file, the card included, {@code <sha256>  <path>} sorted by path) and hashing that listing:
     * independent of the registry's own code.
     */
    public static String sha256sumListingHash(Path versionDir) throws IOException {
        java.util.TreeMap<String, String> lines = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(versionDir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                lines.put(versionDir.relativize(p).toString().replace('\\', '/'), hex(Files.readAllBytes(p)));
            }
        }
        StringBuilder listing = new StringBuilder();
        lines.forEach((path, sha) -> listing.append(sha).append("  ").append(path).append('\n'));
        return hex(listing.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Simrad raw file's datagrams as byte ranges {offset, length including the two length fields}. */
    public static List<long[]> rawDatagrams(byte[] raw) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<long[]> out = new java.util.ArrayList<>();
        for (int at = 0; at + 8 <= raw.length; ) {
            int length = b.getInt(at);
            out.add(new long[] {at, length + 8L});
            at += length + 8;
        }
        return out;
    }

    /**
     * Splits a raw file in two at its middle datagram as an echosounder starting a new file does: the
     * second begins with the configuration datagram again.
     */
    public static void splitRaw(byte[] raw, Path first, Path second) throws IOException {
        List<long[]> d = rawDatagrams(raw);
        int cutAt = (int) d.get(d.size() / 2)[0];
        Files.write(first, java.util.Arrays.copyOf(raw, cutAt));
        try (java.io.OutputStream out = Files.newOutputStream(second)) {
            out.write(raw, 0, (int) d.get(0)[1]);
            out.write(raw, cutAt, raw.length - cutAt);
        }
    }
}
