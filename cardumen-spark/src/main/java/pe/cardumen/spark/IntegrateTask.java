package pe.cardumen.spark;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import pe.cardumen.acoustics.CalibrationOverrides;
import pe.cardumen.acoustics.IntegrationCell;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.app.Services;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.sonar.SonarChannel;
import pe.cardumen.geo.ZoneLayer;
import pe.cardumen.io.FileDigest;
import pe.cardumen.io.FileFormatException;

/**
 * One task of {@code archive integrate}: a group of raw files (one file, or a survey folder's files in
 * name order) copied to the executor's disk with their {@code .bot} files and integrated by the
 * desktop's {@link RawFileIntegrator} — the same class, the same settings, the same zones as
 * {@code cardumen sonar integrate}. A file the reader refuses is recorded with its reason and left out
 * of its group, and the rest of the group is integrated without it.
 */
final class IntegrateTask {
    private IntegrateTask() {
    }

    /** Files of one task and the survey they are filed under. */
    record Group(String survey, List<URI> files) implements Serializable {
    }

    /** What a task produced: NASC cell rows and one status row per file. */
    record Result(List<Row> cells, List<Row> status) implements Serializable {
    }

    /** The AIP zones, built once per executor JVM from the bundled grid (as the desktop does). */
    private static volatile ZoneLayer zones;

    static ZoneLayer zones() throws IOException, FileFormatException {
        ZoneLayer z = zones;
        if (z == null) {
            synchronized (IntegrateTask.class) {
                z = zones;
                if (z == null) {
                    z = Services.standard().generateZones(ProgressListener.NONE, CancellationToken.NONE);
                    zones = z;
                }
            }
        }
        return z;
    }

    /**
     * Integrates a group. {@code done} holds {@code "sha256|settings"} of the files an earlier run did,
     * and {@code "file|bytes|settings"} of the same files by name: a file found there by name is hashed
     * first (a re-run skips it after one read); any other file is hashed in the pass that integrates it
     * (one read, not two), and if its bytes turn out to be done already under another name it is
     * skipped all the same, its cells dropped.
     */
    static Result run(Group g, IntegrateOptions o, Set<String> done, long runAtMillis) throws IOException {
        List<Row> cells = new ArrayList<>();
        List<Row> status = new ArrayList<>();
        Timestamp runAt = new Timestamp(runAtMillis);
        String key = o.key();
        Path dir = Files.createTempDirectory("cardumen-archive-");
        try {
            Configuration conf = new Configuration();
            Map<Path, URI> origin = new LinkedHashMap<>();
            Map<Path, ArchiveFiles.LocalCopy> copies = new LinkedHashMap<>();
            for (URI f : g.files()) {
                try {
                    ArchiveFiles.LocalCopy c = ArchiveFiles.local(f, dir, conf);
                    if (c.path().startsWith(dir)) {
                        // a copy: its .bot goes beside it, where the integrator looks
                        String stem = c.path().getFileName().toString().replaceFirst("\\.[^.]*$", "");
                        ArchiveFiles.copyIfExists(ArchiveFiles.sibling(f, stem + ".bot"), dir, conf);
                    }
                    origin.put(c.path(), f);
                    copies.put(c.path(), c);
                } catch (IOException e) {
                    status.add(status(f, -1, -1, null, key, "failed", "cannot be read: " + e.getMessage(), g.survey(), runAt));
                }
            }
            boolean doneByName = !copies.isEmpty() && copies.entrySet().stream()
                    .allMatch(e -> e.getValue().sha256() != null || done.contains(byName(origin.get(e.getKey()), e.getValue().bytes(), key)));
            if (doneByName) {
                hashAll(copies);
            }
            if (!copies.isEmpty() && allDone(copies, done, key)) {
                return skipped(g, copies, origin, key, runAt, status);
            }
            Function<SonarChannel, CalibrationOverrides> overrides = CalibrationOverrides.perChannel(ecs(o, dir), CalibrationOverrides.NONE);
            List<Path> left = new ArrayList<>(copies.keySet());
            left.sort(Comparator.comparing(p -> p.getFileName().toString()));
            while (!left.isEmpty()) {
                try {
                    RawFileIntegrator integrator = new RawFileIntegrator();
                    if (copies.values().stream().anyMatch(c -> c.sha256() == null)) {
                        integrator.hashingFiles((p, sha) -> copies.computeIfPresent(p, (k, c) -> c.withSha256(sha)));
                    }
                    RawFileIntegrator.Result r = integrator.integrate(left, o.channelKhz(), o.settings(), overrides, zones(),
                            ProgressListener.NONE, CancellationToken.NONE);
                    if (allDone(copies, done, key)) {
                        // the same bytes under other names: done before
                        return skipped(g, copies, origin, key, runAt, status);
                    }
                    String source = left.size() == 1 ? origin.get(left.get(0)).toString() : origin.get(left.get(0)).toString() + " …";
                    String sourceSha;
                    long sourceBytes = 0;
                    if (left.size() == 1) {
                        sourceSha = copies.get(left.get(0)).sha256();
                    } else {
                        MessageDigest d = FileDigest.newSha256();
                        for (Path p : left) {
                            d.update(copies.get(p).sha256().getBytes(StandardCharsets.US_ASCII));
                        }
                        sourceSha = FileDigest.hex(d);
                    }
                    for (Path p : left) {
                        sourceBytes += copies.get(p).bytes();
                    }
                    for (IntegrationCell c : r.cells()) {
                        cells.add(RowFactory.create(g.survey(), o.channelKhz(), source, sourceSha, sourceBytes, key, c.interval(), c.layer(),
                                Timestamp.from(c.timeStart()),
                                Timestamp.from(c.timeEnd()), c.lat(), c.lon(), c.depthMinM(), c.depthMaxM(), c.svMeanDb(), c.nascM2PerNmi2(),
                                c.pings(), c.samples(), c.zone()));
                    }
                    String warnings = r.warnings().isEmpty() ? "" : String.join("; ", r.warnings());
                    for (Path p : left) {
                        ArchiveFiles.LocalCopy c = copies.get(p);
                        String mine = r.warnings().stream().filter(w -> w.startsWith(p.getFileName().toString())).reduce((a, b) -> a + "; " + b).orElse("");
                        status.add(status(origin.get(p), c.bytes(), r.pings(), c.sha256(), key, "ok", left.size() == 1 ? warnings : mine, g.survey(), runAt));
                    }
                    left.clear();
                } catch (FileFormatException e) {
                    Path bad = e.file() != null && left.contains(e.file()) ? e.file() : left.get(left.size() - 1);
                    ArchiveFiles.LocalCopy c = hashed(copies.get(bad));
                    status.add(status(origin.get(bad), c.bytes(), -1, c.sha256(), key, "failed", e.getMessage().replace(dir.toString() + "/", ""),
                            g.survey(), runAt));
                    left.remove(bad);
                    copies.remove(bad);
                }
            }
            return new Result(cells, status);
        } catch (FileFormatException e) {
            // the .ecs file itself
            for (URI f : g.files()) {
                status.add(status(f, -1, -1, null, key, "failed", e.getMessage(), g.survey(), runAt));
            }
            return new Result(cells, status);
        } finally {
            deleteTree(dir);
        }
    }

    /** The {@code done} entry of a file by its name, size and settings. */
    static String byName(URI file, long bytes, String key) {
        return file + "|" + bytes + "|" + key;
    }

    private static boolean allDone(Map<Path, ArchiveFiles.LocalCopy> copies, Set<String> done, String key) {
        return copies.values().stream().allMatch(c -> c.sha256() != null && done.contains(c.sha256() + "|" + key));
    }

    private static Result skipped(Group g, Map<Path, ArchiveFiles.LocalCopy> copies, Map<Path, URI> origin, String key, Timestamp runAt,
                                  List<Row> status) {
        for (ArchiveFiles.LocalCopy c : copies.values()) {
            status.add(status(origin.get(c.path()), c.bytes(), -1, c.sha256(), key, "skipped", "done before with the same SHA-256 and settings",
                    g.survey(), runAt));
        }
        return new Result(List.of(), status);
    }

    private static void hashAll(Map<Path, ArchiveFiles.LocalCopy> copies) throws IOException {
        for (Map.Entry<Path, ArchiveFiles.LocalCopy> e : copies.entrySet()) {
            e.setValue(hashed(e.getValue()));
        }
    }

    private static ArchiveFiles.LocalCopy hashed(ArchiveFiles.LocalCopy c) throws IOException {
        return c.sha256() != null ? c : c.withSha256(FileDigest.sha256(c.path()));
    }

    private static Path ecs(IntegrateOptions o, Path dir) throws IOException {
        if (o.ecs() == null) {
            return null;
        }
        return Files.write(dir.resolve("calibration.ecs"), o.ecs());
    }

    private static Row status(URI file, long bytes, int pings, String sha, String key, String state, String message, String survey, Timestamp at) {
        return RowFactory.create(file.toString(), bytes < 0 ? null : bytes, pings < 0 ? null : pings, sha, key, state, message, survey, at);
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it
        }
    }
}
