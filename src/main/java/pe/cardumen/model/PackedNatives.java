package pe.cardumen.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

/**
 * TensorFlow's native libraries as the container ships them: stripped of debug sections and cut into
 * gzip parts that are unpacked in parallel, at the first start of an image version, into a folder on the
 * cache volume that the JVM's {@code java.library.path} names (JavaCPP then loads them from there,
 * {@code org.bytedeco.javacpp.pathsFirst}, instead of unpacking its own 632 MB copy from a jar one file at a
 * time). Later starts with the same volume find the folder complete and skip it.
 *
 * <p>The packed folder holds {@code natives.txt}: {@code block BYTES}, then per library {@code file NAME
 * SIZE PARTS} (parts {@code NAME.000.gz} …, each {@code BYTES} of the file but the last), and {@code link
 * NAME TARGET} for the unversioned names. The unpacked folder is written beside its target and renamed
 * into place, with {@code .complete} holding the manifest's SHA-256, so a start that is killed half-way
 * leaves nothing a later start would trust, and two pods unpacking onto one volume both end with one copy.
 */
public final class PackedNatives {
    /** The system property naming the packed folder (set by the container's launcher). */
    public static final String PACKED = "cardumen.natives.packed";
    /** The system property naming the folder to unpack into (also on {@code java.library.path}). */
    public static final String TARGET = "cardumen.natives.dir";

    private PackedNatives() {
    }

    /** Unpacks when both properties are set; otherwise does nothing. A failure is reported on standard error and JavaCPP's own path is left. */
    public static void unpackIfConfigured() {
        String packed = System.getProperty(PACKED);
        String target = System.getProperty(TARGET);
        if (packed == null || target == null) {
            return;
        }
        try {
            long t0 = System.nanoTime();
            boolean did = unpack(Path.of(packed), Path.of(target));
            if (did) {
                System.err.printf(java.util.Locale.ROOT, "cardumen: TensorFlow natives unpacked to %s in %.1f s%n", target, (System.nanoTime() - t0) / 1e9);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("cardumen: could not unpack TensorFlow's natives from " + packed + " to " + target + ": " + e.getMessage());
        }
    }

    /**
     * Unpacks {@code packed} into {@code target} unless it already holds this manifest's libraries.
     *
     * @return whether anything was unpacked
     */
    public static boolean unpack(Path packed, Path target) throws IOException {
        byte[] manifestBytes = Files.readAllBytes(packed.resolve("natives.txt"));
        String hash = sha256(manifestBytes);
        Path complete = target.resolve(".complete");
        if (Files.isRegularFile(complete) && Files.readString(complete, StandardCharsets.UTF_8).strip().equals(hash)) {
            return false;
        }
        Manifest m = Manifest.parse(new String(manifestBytes, StandardCharsets.UTF_8));
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, target.getFileName() + ".unpacking-");
        try {
            int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "cardumen-natives");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (Manifest.Library lib : m.libraries()) {
                    Path out = work.resolve(lib.name());
                    try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        ch.truncate(0);
                    }
                    for (int p = 0; p < lib.parts(); p++) {
                        int part = p;
                        jobs.add(pool.submit(() -> {
                            unpackPart(packed.resolve(String.format(java.util.Locale.ROOT, "%s.%03d.gz", lib.name(), part)), out, (long) part * m.block());
                            return null;
                        }));
                    }
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while unpacking", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
            for (Manifest.Library lib : m.libraries()) {
                long size = Files.size(work.resolve(lib.name()));
                if (size != lib.size()) {
                    throw new IOException(lib.name() + " unpacked to " + size + " bytes, the manifest says " + lib.size());
                }
                work.resolve(lib.name()).toFile().setExecutable(true);
            }
            for (String[] link : m.links()) {
                Files.createSymbolicLink(work.resolve(link[0]), Path.of(link[1]));
            }
            Files.writeString(work.resolve(".complete"), hash + "\n", StandardCharsets.UTF_8);
            replace(work, target, complete, hash);
            return true;
        } finally {
            deleteTree(work);
        }
    }

    private static void unpackPart(Path part, Path out, long at) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(part), 1 << 16);
             FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[1 << 20];
            long position = at;
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                while (b.hasRemaining()) {
                    position += ch.write(b, position);
                }
            }
        }
    }

    /** Moves the unpacked folder into place; an older or broken one there is removed first; another process's complete copy wins. */
    private static void replace(Path work, Path target, Path complete, String hash) throws IOException {
        if (Files.exists(target)) {
            if (Files.isRegularFile(complete) && Files.readString(complete, StandardCharsets.UTF_8).strip().equals(hash)) {
                return; // another start finished first
            }
            deleteTree(target);
        }
        try {
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another start moved its copy in between: keep it
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(work, target);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packed folder's manifest. */
    record Manifest(long block, List<Library> libraries, List<String[]> links) {
        record Library(String name, long size, int parts) {
        }

        static Manifest parse(String text) {
            long block = 0;
            List<Library> libs = new ArrayList<>();
            List<String[]> links = new ArrayList<>();
            int line = 0;
            for (String raw : text.split("\n")) {
                line++;
                String[] f = raw.strip().split("\\s+");
                if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) {
                    continue;
                }
                try {
                    switch (f[0]) {
                        case "block" -> block = Long.parseLong(f[1]);
                        case "file" -> libs.add(new Library(safe(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
                        case "link" -> links.add(new String[] {safe(f[1]), safe(f[2])});
                        default -> throw new IllegalArgumentException("unknown entry '" + f[0] + "'");
                    }
                } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                    throw new IllegalArgumentException("natives.txt line " + line + ": '" + raw.strip() + "' is not an entry");
                }
            }
            if (block <= 0 || libs.isEmpty()) {
                throw new IllegalArgumentException("natives.txt has no block size or no library");
            }
            return new Manifest(block, libs, links);
        }

        /** A plain file name (no folder, no ..): the manifest cannot write outside the target. */
        private static String safe(String name) {
            if (name.contains("/") || name.contains("\\") || name.equals("..") || name.equals(".")) {
                throw new IllegalArgumentException("natives.txt names '" + name + "', not a plain file name");
            }
            return name;
        }
    }
}
