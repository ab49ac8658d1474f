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
 * its card reads and describes a model Cardumen can feed (inputs with a finite mean and a positive
 * standard deviation, known transforms, quantile outputs in increasing order), every file it names
 * exists inside the folder with the SHA-256 it states, no other file is there, every file is a plain
 * file of its own (no link, hard link, pipe or device), no path escapes the folder, the graph holds
 * only allowed operations ({@link GraphScanner}) and the signature matches the card.
 *
 * <p>A version's hash ({@link Version#sha256()}) covers the card too, so a changed card — other
 * normalisation constants, another target transform — is another version with another hash.
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

        /**
         * The version's hash: SHA-256 of the sorted {@code sha256  path} lines of its files and of its
         * card ({@link #versionSha256}).
         *
         * @throws java.io.UncheckedIOException when the card cannot be read
         */
        public String sha256() {
            try {
                return versionSha256(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
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
        problems.addAll(cardProblems(card, c));
        try {
            String cardKind = fileKind(card);
            if (cardKind != null) {
                problems.add(card + ": " + cardKind);
            }
        } catch (IOException e) {
            problems.add(card + ": " + e.getMessage());
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
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(p + ": missing (named in the card)");
                    continue;
                }
                String kind = fileKind(p);
                if (kind != null) {
                    problems.add(p + ": " + kind);
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
                    String kind = fileKind(dir.resolve(extra));
                    problems.add(dir.resolve(extra) + ": not named in the card (a version holds only its listed files)" + (kind == null ? "" : "; " + kind));
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

    /** The transforms a card may name for an input; the target is always {@code log1p}. */
    private static final List<String> INPUT_TRANSFORMS = List.of("none", "log1p");

    /**
     * What makes a card unusable although it parses: inputs without a finite mean or a positive
     * standard deviation (every standardised value would be infinite or NaN), unknown transforms, no
     * outputs or quantiles not strictly increasing in (0, 1), a target transform other than log1p.
     */
    static List<String> cardProblems(Path file, ModelCard c) {
        List<String> problems = new ArrayList<>();
        if (c.inputs().isEmpty()) {
            problems.add(file + ": lists no inputs");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            ModelCard.Input in = c.inputs().get(i);
            String label = "input " + (i + 1) + (in == null || in.name() == null ? "" : " '" + in.name() + "'");
            if (in == null || in.name() == null || in.name().isBlank()) {
                problems.add(file + ": " + label + " has no name");
                continue;
            }
            if (!names.add(in.name())) {
                problems.add(file + ": " + label + " is listed twice");
            }
            if (!Double.isFinite(in.mean())) {
                problems.add(file + ": " + label + " has mean " + in.mean() + "; the mean must be a finite number");
            }
            if (!(in.std() > 0) || !Double.isFinite(in.std())) {
                problems.add(file + ": " + label + " has standard deviation " + in.std() + "; it must be a finite number above 0");
            }
            if (in.transform() != null && !INPUT_TRANSFORMS.contains(in.transform())) {
                problems.add(file + ": " + label + " has transform '" + in.transform() + "'; Cardumen applies " + INPUT_TRANSFORMS);
            }
        }
        if (c.outputs().isEmpty()) {
            problems.add(file + ": lists no outputs; a version predicts quantiles (e.g. p10, p50, p90)");
        }
        double previous = 0;
        for (int i = 0; i < c.outputs().size(); i++) {
            ModelCard.Output o = c.outputs().get(i);
            if (o == null || o.name() == null || o.name().isBlank() || !(o.quantile() > previous && o.quantile() < 1)) {
                problems.add(file + ": output " + (i + 1) + " must name a quantile in (0, 1) above the previous one, found "
                        + (o == null ? "nothing" : "'" + o.name() + "' at " + o.quantile()));
                break;
            }
            previous = o.quantile();
        }
        if (c.target() == null || !"log1p".equals(c.target().transform())) {
            problems.add(file + ": the target transform is " + (c.target() == null ? "missing" : "'" + c.target().transform() + "'")
                    + "; Cardumen turns predictions back with expm1, so it must be log1p");
        }
        return problems;
    }

    /**
     * Why a path is not a plain file of the version's own, or null when it is: a symbolic link, a
     * pipe, a device or a folder, or a file with other hard links (a hard link can tie the version to
     * a file outside its folder). Never reads the file, so a pipe cannot block.
     */
    static String fileKind(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return "is a symbolic link; a model version holds plain files only";
        }
        if (a.isDirectory()) {
            return "is a folder where the card names a file";
        }
        if (!a.isRegularFile()) {
            return "is not a plain file (a pipe, socket or device); a model version holds plain files only";
        }
        try {
            Object links = Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (links instanceof Integer && (Integer) links > 1) {
                return "has " + links + " hard links; a model version holds files of its own (copy it instead of linking)";
            }
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view (Windows): hard links cannot be told apart here
        }
        return null;
    }

    /**
     * The hash of the version in a folder: SHA-256 of the {@code sha256  path} lines (sorted by path) of
     * the files its card lists and of the card itself.
     *
     * @throws IOException when the card cannot be read
     */
    public static String versionSha256(Path dir) throws IOException {
        Path cardFile = dir.resolve(ModelCard.FILE);
        ModelCard c = ModelCard.read(cardFile);
        Map<String, String> all = new TreeMap<>(c.files());
        all.put(ModelCard.FILE, sha256(cardFile));
        return modelSha256(all);
    }

    /** Largest total size a version may unpack to: {@code cardumen.models.maxUnpackedBytes}, by default 1 GiB. */
    static long maxUnpackedBytes() {
        return Long.getLong("cardumen.models.maxUnpackedBytes", 1L << 30);
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
        return install(source, null);
    }

    /**
     * As {@link #install(Path)}, refusing the version unless its hash (card included) is {@code expectedSha256}.
     *
     * @param expectedSha256 the published hash, or {@code null} for no check
     */
    public Version install(Path source, String expectedSha256) throws IOException {
        if (!Files.isDirectory(source) && !isZip(source)) {
            throw new IOException(source + (Files.exists(source) ? " is neither a model version folder nor a .zip of one" : " does not exist"));
        }
        Files.createDirectories(root);
        StaleWork.clean(root, ".installing-");
        Path tmp = StaleWork.create(root, ".installing-");
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
            String sha = versionSha256(staged);
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(sha)) {
                throw new IOException(source + " is not installed: its sha256 " + sha + " is not the expected " + expectedSha256
                        + " (a file or the card differs from the published version)");
            }
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

    /** Whether a file starts with a zip local-file header ({@code PK\3\4}) or is an empty zip ({@code PK\5\6}). */
    static boolean isZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] m = in.readNBytes(4);
            return m.length == 4 && m[0] == 'P' && m[1] == 'K' && (m[2] == 3 && m[3] == 4 || m[2] == 5 && m[3] == 6);
        }
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

    /**
     * Unpacks a zip, refusing before anything is written when its central directory declares more
     * than {@link #maxUnpackedBytes()} or an entry outside the folder, and stopping as soon as the bytes
     * actually inflated exceed an entry's declared size or the limit (a zip bomb can lie about sizes).
     */
    private static void unzip(Path zip, Path to) throws IOException {
        long limit = maxUnpackedBytes();
        Files.createDirectories(to);
        Path real = to.toRealPath();
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            long declared = 0;
            for (var it = z.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                Path p = real.resolve(e.getName()).normalize();
                if (!p.startsWith(real)) {
                    throw new IOException(zip + ": entry '" + e.getName() + "' would be written outside the model folder; refused");
                }
                long size = e.getSize();
                if (size < 0) {
                    throw new IOException(zip + ": entry '" + e.getName() + "' does not declare its size; refused (re-create the zip with a standard tool)");
                }
                declared += size;
                if (declared > limit) {
                    throw new IOException(zip + ": unpacks to more than " + limit / (1 << 20) + " MiB (entry '" + e.getName()
                            + "' reaches " + declared / (1 << 20) + " MiB); refused before unpacking — a model version is far smaller "
                            + "(set -Dcardumen.models.maxUnpackedBytes for a larger one)");
                }
            }
            long written = 0;
            byte[] buf = new byte[1 << 16];
            for (var it = z.entries(); it.hasMoreElements(); ) {
                ZipEntry e = it.nextElement();
                Path p = real.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(p);
                    continue;
                }
                Files.createDirectories(p.getParent());
                long entryBytes = 0;
                try (InputStream in = z.getInputStream(e); java.io.OutputStream out = Files.newOutputStream(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        entryBytes += n;
                        written += n;
                        if (entryBytes > e.getSize() || written > limit) {
                            throw new IOException(zip + ": entry '" + e.getName() + "' inflates beyond its declared " + e.getSize()
                                    + " bytes; refused (the zip is damaged or built to exhaust the disk)");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + ": not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        for (String f : filesIn(from)) {
            Path src = from.resolve(f);
            String kind = fileKind(src);
            if (kind != null) {
                throw new IOException(src + ": " + kind);
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
