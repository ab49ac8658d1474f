package pe.cardumen.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The model versions under {@code models/<id>/<version>/}. Before a version is used it is verified:
 * its card reads, every file it names exists inside the folder with the SHA-256 it states, no other
 * file is there, no path escapes the folder (no {@code ..}, absolute path or link out), the graph holds
 * only allowed operations ({@link GraphScanner}) and the signature matches the card.
 */
public final class ModelRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * One version.
     *
     * @param dir its folder
     */
    public record Version(Path dir, ModelCard card) {
        /** {@code id:version}. */
        public String ref() {
            return card.ref();
        }

        /** The version's hash: SHA-256 of its sorted {@code path sha256} lines (see {@link #modelSha256}). */
        public String sha256() {
            return modelSha256(card.files());
        }
    }

    /**
     * The outcome of a verification.
     *
     * @param problems every problem found, each naming the file; empty when the version may be used
     */
    public record Verification(Path dir, List<String> problems, GraphScanner.Scan scan) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Path root;

    /** @param root the {@code models/} folder */
    public ModelRegistry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Every version with a readable card, by id then version (semantic order). */
    public List<Version> list() throws IOException {
        List<Version> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (var ids = Files.list(root)) {
            for (Path id : ids.filter(Files::isDirectory).sorted().toList()) {
                try (var versions = Files.list(id)) {
                    for (Path v : versions.filter(p -> Files.isRegularFile(p.resolve(ModelCard.FILE))).toList()) {
                        try {
                            out.add(new Version(v, ModelCard.read(v.resolve(ModelCard.FILE))));
                        } catch (IOException unreadable) {
                            // listed by verify, not here
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Version v) -> v.card().id()).thenComparing(v -> v.card().version(), ModelRegistry::compareVersions));
        return out;
    }

    /**
     * A version by {@code ID} (the highest version) or {@code ID:VERSION}.
     *
     * @throws IOException when there is no such model or version (the message lists what there is)
     */
    public Version resolve(String ref) throws IOException {
        String id = ref.contains(":") ? ref.substring(0, ref.indexOf(':')) : ref;
        String version = ref.contains(":") ? ref.substring(ref.indexOf(':') + 1) : null;
        List<Version> all = list();
        List<Version> ofId = all.stream().filter(v -> v.card().id().equals(id)).toList();
        if (ofId.isEmpty()) {
            throw new IOException("no model '" + id + "' in " + root + "; there are " + all.stream().map(Version::ref).toList());
        }
        if (version == null) {
            return ofId.get(ofId.size() - 1);
        }
        return ofId.stream().filter(v -> v.card().version().equals(version)).findFirst()
                .orElseThrow(() -> new IOException("model " + id + " has no version " + version + "; it has "
                        + ofId.stream().map(v -> v.card().version()).toList()));
    }

    /** Verifies a version folder (see the class comment). Never throws for a bad version: the problems say what. */
    public static Verification verify(Path dir) {
        List<String> problems = new ArrayList<>();
        Path card = dir.resolve(ModelCard.FILE);
        ModelCard c;
        try {
            c = ModelCard.read(card);
        } catch (IOException e) {
            problems.add(e.getMessage());
            return new Verification(dir, problems, null);
        }
        if (!NAME.matcher(c.id()).matches() || !NAME.matcher(c.version()).matches()) {
            problems.add(card + ": id and version must be letters, digits, '.', '_' or '-' (found '" + c.id() + "', '" + c.version() + "')");
        }
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
            return new Verification(dir, problems, null);
        }
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            String name = f.getKey();
            if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                    || List.of(name.split("/")).contains("..")) {
                problems.add(card + ": file path '" + name + "' escapes the model folder; only relative paths inside it are allowed");
                continue;
            }
            Path p = dir.resolve(name).normalize();
            try {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(p + ": missing (named in the card)");
                    continue;
                }
                if (!p.toRealPath().startsWith(real)) {
                    problems.add(p + ": leads outside the model folder");
                    continue;
                }
                String actual = sha256(p);
                if (!actual.equalsIgnoreCase(f.getValue())) {
                    problems.add(p + ": SHA-256 " + actual.substring(0, 16) + "… differs from the card's " + abbreviate(f.getValue())
                            + "; the file was changed or damaged");
                }
            } catch (IOException e) {
                problems.add(p + ": " + e.getMessage());
            }
        }
        try {
            for (String extra : filesIn(dir)) {
                if (!extra.equals(ModelCard.FILE) && !c.files().containsKey(extra)) {
                    problems.add(dir.resolve(extra) + ": not named in the card (a version holds only its listed files)");
                }
            }
        } catch (IOException e) {
            problems.add(dir + ": " + e.getMessage());
        }
        GraphScanner.Scan scan = null;
        if (!c.files().containsKey("saved_model.pb")) {
            problems.add(card + ": names no saved_model.pb");
        } else if (problems.stream().noneMatch(s -> s.contains("saved_model.pb"))) {
            try {
                Path pb = dir.resolve("saved_model.pb");
                scan = GraphScanner.scan(pb);
                if (!scan.refused().isEmpty()) {
                    problems.add(pb + ": operations outside the allow-list " + scan.refused() + " (file access or code execution is never allowed)");
                }
                String[] sig = GraphScanner.signature(pb, c.tags() == null ? "serve" : c.tags(), c.signature() == null ? "serving_default" : c.signature());
                if (sig == null) {
                    problems.add(pb + ": no signature '" + c.signature() + "' with tag '" + c.tags() + "' (the card names it)");
                } else {
                    if (!sig[0].equals(c.inputTensor()) || !sig[1].equals(c.outputTensor())) {
                        problems.add(pb + ": the signature maps " + sig[0] + " → " + sig[1] + ", the card says " + c.inputTensor() + " → " + c.outputTensor());
                    }
                    long width = Long.parseLong(sig[2]);
                    if (width >= 0 && width != c.inputs().size()) {
                        problems.add(pb + ": the input takes " + width + " columns, the card lists " + c.inputs().size() + " inputs");
                    }
                }
            } catch (IOException e) {
                problems.add(e.getMessage());
            }
        }
        return new Verification(dir, problems, scan);
    }

    /**
     * Installs a version from a folder or a {@code .zip} (holding the version's files at its top or in
     * one folder): it is unpacked to a temporary folder beside the registry, verified, and moved to
     * {@code models/<id>/<version>/}.
     *
     * @throws IOException when it fails verification (every problem listed), a version of that name
     *                     exists, or a zip entry would land outside the folder
     */
    public Version install(Path source) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, ".installing-");
        try {
            Path staged = tmp.resolve("v");
            if (Files.isDirectory(source)) {
                copyTree(source, staged);
            } else {
                unzip(source, staged);
            }
            // a zip that holds one folder: the version is in it
            try (var top = Files.list(staged)) {
                List<Path> entries = top.toList();
                if (entries.size() == 1 && Files.isDirectory(entries.get(0))) {
                    staged = entries.get(0);
                }
            }
            Verification v = verify(staged);
            if (!v.ok()) {
                throw new IOException(source + " is not installed: " + String.join("; ", v.problems()).replace(staged.toString(), source.getFileName().toString()));
            }
            ModelCard card = ModelCard.read(staged.resolve(ModelCard.FILE));
            Path target = root.resolve(card.id()).resolve(card.version());
            if (Files.exists(target)) {
                throw new IOException(card.ref() + " is already installed in " + target + "; give the new one another version");
            }
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return new Version(target, card);
        } finally {
            deleteTree(tmp);
        }
    }

    /** SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of UTF-8 text, lower-case hex. */
    public static String sha256Text(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The files of a folder (recursive), as relative paths with '/', sorted; links are listed, not followed. */
    public static List<String> filesIn(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                out.add(dir.relativize(file).toString().replace('\\', '/'));
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    /** The checksums of every file of a folder except the card. */
    public static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String f : filesIn(dir)) {
            if (!f.equals(ModelCard.FILE)) {
                out.put(f, sha256(dir.resolve(f)));
            }
        }
        return out;
    }

    /** The version hash: SHA-256 of the lines {@code <sha256>  <path>\n} sorted by path (as {@code sha256sum} prints them). */
    public static String modelSha256(Map<String, String> files) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(files).forEach((path, sha) -> b.append(sha).append("  ").append(path).append('\n'));
        return HexFormat.of().formatHex(digest().digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Semantic-version order (numeric parts compared as numbers). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+") ? Long.compare(Long.parseLong(p), Long.parseLong(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : s.length() > 16 ? s.substring(0, 16) + "…" : s;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unzip(Path zip, Path to) throws IOException {
        Files.createDirectories(to);
        Path real = to.toRealPath();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path p = real.resolve(e.getName()).normalize();
                if (!p.startsWith(real)) {
                    throw new IOException(zip + ": entry '" + e.getName() + "' would be written outside the model folder; refused");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                } else {
                    Files.createDirectories(p.getParent());
                    Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + ": not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (String f : filesIn(from)) {
            Path src = from.resolve(f);
            if (Files.isSymbolicLink(src)) {
                throw new IOException(src + ": a link; a model version holds plain files only");
            }
            Path dst = to.resolve(f);
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
