package pe.cardumen.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code cardumen archive …}: the archive jobs on Apache Spark (integrate, zonal, features, tune,
 * import-archive), run by cardumen-spark in a child JVM so that Spark never enters this jar. The
 * jobs' jar is found beside this one's build ({@code cardumen-spark/target}) or in
 * {@code -Dcardumen.spark.home=DIR} (a folder with {@code cardumen-spark.jar}, {@code lib/} and
 * {@code java17.args}).
 */
@Command(name = "archive", description = "Jobs over national archives on Apache Spark (integrate, zonal, features, tune, import-archive); "
        + "'cardumen archive --help' lists them. Runs cardumen-spark (built by ./mvnw verify) in embedded local mode, or --master URL.")
final class ArchiveCommand implements Callable<Integer> {
    /** Everything after {@code archive}, in order, for cardumen-spark. */
    @picocli.CommandLine.Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> pass = new ArrayList<>(args);
        if (pass.isEmpty()) {
            pass.add("--help");
        }
        ProcessBuilder pb = new ProcessBuilder(command(home(), pass)).inheritIO();
        return pb.start().waitFor();
    }

    /** The cardumen-spark folder: the property, else {@code cardumen-spark/target} beside this jar's {@code target/} or the working folder. */
    static Path home() {
        String p = System.getProperty("cardumen.spark.home");
        List<Path> candidates = new ArrayList<>();
        if (p != null) {
            candidates.add(Path.of(p));
        } else {
            try {
                Path jar = Path.of(ArchiveCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                candidates.add(jar.getParent().getParent().resolve("cardumen-spark/target"));
            } catch (Exception ignored) {
                // no code source: look in the working folder only
            }
            candidates.add(Path.of("cardumen-spark/target"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("cardumen-spark.jar")) && Files.isDirectory(c.resolve("lib"))) {
                return c;
            }
        }
        throw new IllegalArgumentException("cardumen archive needs cardumen-spark, which is not built here (looked in " + candidates
                + "); build it with ./mvnw verify, or point -Dcardumen.spark.home at a folder with cardumen-spark.jar and lib/");
    }

    /** The child JVM's command line: this JVM's java, Spark's Java 17 options, the jobs' jar and Spark. */
    static List<String> command(Path home, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path opts = Files.isRegularFile(home.resolve("java17.args")) ? home.resolve("java17.args") : home.resolveSibling("java17.args");
        cmd.add("@" + opts);
        cmd.add("-Xmx" + System.getProperty("cardumen.archive.xmx", "2g"));
        cmd.add("-cp");
        cmd.add(home.resolve("cardumen-spark.jar") + File.pathSeparator + home.resolve("lib") + File.separator + "*");
        cmd.add("pe.cardumen.spark.ArchiveMain");
        cmd.addAll(args);
        return cmd;
    }
}
