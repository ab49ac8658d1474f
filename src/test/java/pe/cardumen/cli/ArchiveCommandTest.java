package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cardumen archive}: the Spark jobs run in a child JVM from cardumen-spark's build (its own
 * tests, in cardumen-spark/, run them for real); without that build the command says what to do.
 */
class ArchiveCommandTest {
    @Test
    void withoutCardumenSparkTheCommandSaysHowToBuildIt(@TempDir Path tmp) {
        System.setProperty("cardumen.spark.home", tmp.toString());
        try {
            CliTest.Run r = CliTest.run("archive", "integrate", "x", "--out", "y", "--channel", "38");
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("cardumen: cardumen archive needs cardumen-spark, which is not built here (looked in [" + tmp
                    + "]); build it with ./mvnw verify, or point -Dcardumen.spark.home at a folder with cardumen-spark.jar and lib/");
        } finally {
            System.clearProperty("cardumen.spark.home");
        }
    }

    @Test
    void theChildJvmGetsSparksJava17OptionsTheJarsAndTheArgumentsInOrder(@TempDir Path tmp) throws Exception {
        Path target = Files.createDirectories(tmp.resolve("cardumen-spark/target/lib"));
        Files.writeString(tmp.resolve("cardumen-spark/java17.args"), "--add-opens=java.base/java.nio=ALL-UNNAMED\n");
        Files.write(target.resolveSibling("cardumen-spark.jar"), new byte[0]);
        System.setProperty("cardumen.spark.home", target.getParent().toString());
        try {
            Path home = ArchiveCommand.home();
            List<String> cmd = ArchiveCommand.command(home, List.of("integrate", "in", "--out", "o", "--master", "local[2]"));
            assertThat(cmd.get(1)).isEqualTo("@" + tmp.resolve("cardumen-spark/java17.args"));
            assertThat(cmd.get(4)).startsWith(home.resolve("cardumen-spark.jar").toString()).endsWith("lib" + java.io.File.separator + "*");
            assertThat(cmd.subList(5, cmd.size())).containsExactly("pe.cardumen.spark.ArchiveMain", "integrate", "in", "--out", "o", "--master", "local[2]");
        } finally {
            System.clearProperty("cardumen.spark.home");
        }
    }
}
