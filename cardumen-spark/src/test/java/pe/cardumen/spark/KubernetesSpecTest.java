package pe.cardumen.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Spark-on-Kubernetes specs under {@code packaging/kubernetes}: the SparkApplication parses, names
 * this module's main class, runs the jar where the Containerfile puts it with the image it builds, and
 * its arguments are ones {@code cardumen-archive} accepts; the spark-submit script names the same
 * class and image.
 */
class KubernetesSpecTest {
    static final Path DIR = Path.of("packaging/kubernetes");

    @Test
    void theSparkApplicationRunsThisModulesMainClassFromTheImageTheContainerfileBuilds() throws Exception {
        JsonNode app = new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("archive-integrate.yaml").toFile());
        assertThat(app.path("apiVersion").asText()).isEqualTo("sparkoperator.k8s.io/v1beta2");
        assertThat(app.path("kind").asText()).isEqualTo("SparkApplication");
        JsonNode spec = app.path("spec");
        assertThat(spec.path("type").asText()).isEqualTo("Java");
        assertThat(spec.path("mainClass").asText()).isEqualTo(ArchiveMain.class.getName());
        assertThat(spec.path("sparkVersion").asText()).isEqualTo(org.apache.spark.package$.MODULE$.SPARK_VERSION());

        String containerfile = Files.readString(DIR.resolve("Containerfile.spark"));
        String jarInImage = containerfile.lines().filter(l -> l.startsWith("COPY ")).findFirst().orElseThrow().split("\\s+")[2];
        assertThat(spec.path("mainApplicationFile").asText()).isEqualTo("local://" + jarInImage);
        assertThat(containerfile).contains("-t " + spec.path("image").asText() + " ");
        assertThat(containerfile).contains("spark:" + spec.path("sparkVersion").asText() + "-scala2.13-java17");

        List<String> args = new ArrayList<>();
        spec.path("arguments").forEach(a -> args.add(a.asText()));
        CommandLine.ParseResult parsed = new CommandLine(new ArchiveMain()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("integrate");
        assertThat(spec.path("executor").path("memory").asText()).isEqualTo("512m");
        // executors get the collector the embedded local mode gets from java17.args
        String collector = "-XX:+UseParallelGC";
        assertThat(Files.readAllLines(DIR.resolve("../../cardumen-spark/java17.args"))).contains(collector);
        assertThat(spec.path("sparkConf").path("spark.executor.extraJavaOptions").asText()).isEqualTo(collector);

        String submit = Files.readString(DIR.resolve("spark-submit-integrate.sh"));
        assertThat(submit).contains("--class " + ArchiveMain.class.getName()).contains("spark.kubernetes.container.image=" + spec.path("image").asText())
                .contains(spec.path("mainApplicationFile").asText())
                .contains("spark.executor.extraJavaOptions=" + collector);
    }
}
