import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Builds the Cardumen app image (and optionally an installer) from jlink.json with the JDK's own jlink
 * and jpackage. Run from the project folder after the Maven steps in packaging/build-app-image.sh:
 *
 *   java -cp target/cardumen.jar packaging/BuildAppImage.java [app-image|deb|rpm|msi|exe|dmg|pkg]
 *
 * Inputs: target/original-cardumen.jar (the application without dependencies), target/lib/*.jar (the
 * dependencies except JavaFX), target/javafx/*-{linux,win,mac}*.jar (JavaFX for this OS).
 * Output: target/dist/cardumen (the app image) or the installer in target/dist.
 */
public class BuildAppImage {
    public static void main(String[] args) throws Exception {
        String type = args.length > 0 ? args[0] : "app-image";
        JsonNode cfg = new ObjectMapper().readTree(Path.of("jlink.json").toFile());
        Path target = Path.of("target");
        Path runtime = target.resolve("image/runtime");
        Path input = target.resolve("app-input");
        Path dist = target.resolve("dist");
        for (Path p : List.of(runtime.getParent(), input, dist)) {
            deleteTree(p);
        }
        Files.createDirectories(input);

        List<Path> javafx;
        try (Stream<Path> s = Files.list(target.resolve("javafx"))) {
            javafx = s.filter(p -> p.getFileName().toString().matches("javafx-.*-(linux|win|mac).*\\.jar")).sorted().toList();
        }
        if (javafx.isEmpty()) {
            throw new IllegalStateException("no platform JavaFX jars in target/javafx; run packaging/build-app-image.sh");
        }
        List<String> modules = new ArrayList<>();
        cfg.get("jdkModules").forEach(m -> modules.add(m.asText()));
        cfg.get("javafxModules").forEach(m -> modules.add(m.asText()));
        List<String> jlink = new ArrayList<>(List.of("--module-path", String.join(java.io.File.pathSeparator,
                javafx.stream().map(Path::toString).toList()), "--add-modules", String.join(",", modules), "--output", runtime.toString()));
        cfg.get("jlinkOptions").forEach(o -> jlink.add(o.asText()));
        run("jlink", jlink);

        // JavaFX's native libraries go into the runtime so that JavaFX does not extract them to
        // ~/.openjfx/cache at every first start
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        Path nativeDir = runtime.resolve(windows ? "bin" : "lib");
        for (Path jar : javafx) {
            try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                    String n = e.getName();
                    if (!e.isDirectory() && !n.contains("/") && (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib"))) {
                        Files.copy(zin, nativeDir.resolve(n), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }

        Files.copy(target.resolve("original-cardumen.jar"), input.resolve("cardumen.jar"));
        try (Stream<Path> s = Files.list(target.resolve("lib"))) {
            for (Path jar : s.toList()) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        }
        for (JsonNode dir : cfg.get("appContent")) {
            copyTree(Path.of(dir.asText()), input.resolve(dir.asText()));
        }

        List<String> jpackage = new ArrayList<>(List.of("--type", "app-image", "--name", cfg.get("name").asText(),
                "--input", input.toString(), "--main-jar", "cardumen.jar", "--main-class", cfg.get("mainClass").asText(),
                "--runtime-image", runtime.toString(), "--dest", dist.toString(), "--vendor", cfg.get("vendor").asText(),
                "--description", cfg.get("description").asText(), "--app-version", appVersion()));
        for (JsonNode o : cfg.get("jvmOptions")) {
            jpackage.add("--java-options");
            jpackage.add(o.asText());
        }
        run("jpackage", jpackage);
        Path image = dist.resolve(cfg.get("name").asText());
        archiveClasses(image, cfg.get("launcher").asText());
        if (!type.equals("app-image")) {
            Path installerDir = dist.resolve("installer");
            run("jpackage", List.of("--type", type, "--app-image", image.toString(), "--name", cfg.get("name").asText(),
                    "--dest", installerDir.toString(), "--vendor", cfg.get("vendor").asText(), "--description", cfg.get("description").asText(),
                    "--app-version", appVersion()));
        }
        System.out.println("built " + dist.toAbsolutePath());
    }

    /**
     * AppCDS: runs the image once (the first start: the demo workspace is built, then the first map is
     * drawn and the app exits) recording the classes it loads into {@code lib/app/cardumen.jsa}, and
     * has the launcher map that archive at every start. Needs a display for the window: the DISPLAY
     * given, else Xvfb through {@code xvfb-run}; without either the image is left without the archive
     * (it starts, only slower).
     */
    private static void archiveClasses(Path image, String launcher) throws IOException, InterruptedException {
        Path app = image.resolve("lib/app");
        Path jsa = app.resolve("cardumen.jsa").toAbsolutePath();
        Path home = Files.createTempDirectory("cardumen-cds");
        List<String> command = new ArrayList<>();
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        if (!display) {
            if (!onPath("xvfb-run")) {
                System.out.println("AppCDS: no display and no xvfb-run; the image has no class archive (apt-get install xvfb to add one)");
                return;
            }
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
        }
        command.add(image.resolve("bin").resolve(launcher).toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("JAVA_TOOL_OPTIONS", "-XX:ArchiveClassesAtExit=" + jsa + " -Xlog:cds=off -Xlog:cds+dynamic=off -Dcardumen.exitAfterFirstMap=true -Dcardumen.home=" + home
                + " -Djava.util.prefs.userRoot=" + home.resolve("prefs") + " -Dcardumen.prefsNode=pe/cardumen-cds");
        System.out.println("AppCDS: recording the classes of a first start into " + jsa);
        int status = pb.start().waitFor();
        deleteTree(home);
        if (status != 0 || !Files.isRegularFile(jsa)) {
            System.out.println("AppCDS: the training run failed (status " + status + "); the image has no class archive");
            Files.deleteIfExists(jsa);
            return;
        }
        Path cfg = app.resolve(launcher + ".cfg");
        String text = Files.readString(cfg);
        text = text.replace("[JavaOptions]\n", "[JavaOptions]\njava-options=-XX:SharedArchiveFile=$APPDIR/cardumen.jsa\njava-options=-Xshare:auto\n");
        Files.writeString(cfg, text);
        System.out.println("AppCDS: " + Files.size(jsa) / (1 << 20) + " MB archive, mapped by the launcher");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String appVersion() throws IOException {
        try (InputStream in = BuildAppImage.class.getResourceAsStream("/pe/cardumen/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version").replaceAll("[^0-9.].*$", "");
        }
    }

    private static void run(String tool, List<String> args) {
        System.out.println(tool + " " + String.join(" ", args));
        int status = ToolProvider.findFirst(tool).orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK"))
                .run(System.out, System.err, args.toArray(new String[0]));
        if (status != 0) {
            throw new IllegalStateException(tool + " failed with status " + status);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }
}
