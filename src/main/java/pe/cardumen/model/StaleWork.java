package pe.cardumen.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hidden work folders ({@code .training-*}, {@code .installing-*}) that hold a model version while it is
 * made, and the removal of those a killed process left behind. Each folder records its owner (process
 * id and start time); a folder whose owner is no longer running is removed by the next training or
 * installation in the same place, so an interrupted run never leaves a stray — possibly complete — model.
 */
final class StaleWork {
    private static final String OWNER = ".owner";
    /** A folder without an owner file (written by an older Cardumen) counts as stale after this long. */
    private static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private StaleWork() {
    }

    /** Creates a work folder under {@code parent} named {@code prefix…}, recording this process as its owner. */
    static Path create(Path parent, String prefix) throws IOException {
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, prefix);
        ProcessHandle me = ProcessHandle.current();
        Files.writeString(dir.resolve(OWNER), me.pid() + " " + me.info().startInstant().map(Instant::toString).orElse("-") + "\n",
                StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * Removes the {@code prefix…} folders under {@code parent} whose owner is not running.
     *
     * @return how many were removed
     */
    static int clean(Path parent, String prefix) throws IOException {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        int removed = 0;
        try (var s = Files.list(parent)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)).toList()) {
                if (isStale(d)) {
                    ModelRegistry.deleteTree(d);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean isStale(Path dir) throws IOException {
        Path owner = dir.resolve(OWNER);
        if (!Files.isRegularFile(owner)) {
            return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
        }
        String[] f = Files.readString(owner, StandardCharsets.UTF_8).trim().split("\\s+");
        long pid;
        try {
            pid = Long.parseLong(f[0]);
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        // the same pid may have been given to another process since
        String started = p.get().info().startInstant().map(Instant::toString).orElse("-");
        return f.length > 1 && !f[1].equals("-") && !started.equals("-") && !f[1].equals(started);
    }
}
