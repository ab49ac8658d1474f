package pe.cardumen.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/**
 * The DVC pipeline as DVC would run it: {@code dvc.yaml} is parsed, its {@code ${…}} templates filled
 * from a params.yaml, and every stage's command run in order in a temporary folder (each in a fresh
 * JVM with the project's class path in place of {@code java -jar target/cardumen.jar}); each stage's
 * declared outputs and metrics must appear. The parameters here are smaller than the shipped ones
 * (eight simulated years, one network) so the run takes seconds.
 */
class DvcPipelineTest {
    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{([a-z_.]+)}");
    private static final String CLI = "java -jar target/cardumen.jar ";

    @Test
    void everyStageRunsInOrderAndWritesItsOutputs() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode pipeline = yaml.readTree(new File("dvc.yaml"));
        JsonNode shipped = yaml.readTree(new File("params.yaml"));
        assertThat(shipped.at("/train/config").asText()).isEqualTo("models/configs/anchoveta-biomass-2.0.0.json");
        assertThat(Files.isRegularFile(Path.of(shipped.at("/simulate/parameters").asText()))).isTrue();

        Path dir = TestData.tempDir("dvc");
        Files.writeString(dir.resolve("params.yaml"), """
                simulate:
                  seed: 4
                  parameters: small-history.properties
                  replicates: 10
                train:
                  config: small-train.json
                """);
        Files.writeString(dir.resolve("small-history.properties"), "years.first=2012\nyears.last=2019\ntarget.anchors=2015-1:9.0e6\n");
        Files.writeString(dir.resolve("small-train.json"), """
                {"id": "dvc-test", "version": "0.0.1", "description": "pipeline test",
                 "inputs": [{"name": "lat_deg", "unit": "degree", "transform": "none"},
                            {"name": "dist_mid_nmi", "unit": "nmi", "transform": "none"},
                            {"name": "prev_density_t_per_nmi2", "unit": "t nmi-2", "transform": "log1p"}],
                 "trainUntil": "2015-12", "validationUntil": "2017-12", "seed": 1,
                 "search": {"layers": [[8]], "learningRates": [0.01], "batch": 512, "maxEpochs": 10, "patience": 3}}
                """);
        JsonNode params = yaml.readTree(dir.resolve("params.yaml").toFile());

        List<String> order = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> stages = pipeline.get("stages").fields();
        while (stages.hasNext()) {
            Map.Entry<String, JsonNode> stage = stages.next();
            order.add(stage.getKey());
            JsonNode s = stage.getValue();
            // every declared parameter exists in params.yaml
            if (s.has("params")) {
                for (JsonNode p : s.get("params")) {
                    assertThat(params.at("/" + p.asText().replace('.', '/')).isMissingNode()).as(stage.getKey() + " param " + p.asText()).isFalse();
                }
            }
            String cmd = fill(s.get("cmd").asText(), params);
            assertThat(cmd).as(stage.getKey()).startsWith(CLI);
            run(dir, cmd.substring(CLI.length()).trim().split("\\s+"), stage.getKey());
            for (String out : outputs(s)) {
                assertThat(dir.resolve(fill(out, params))).as(stage.getKey() + " output " + out).exists();
            }
        }
        assertThat(order).containsExactly("simulate", "features", "train", "evaluate");
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("work/metrics.json").toFile());
        assertThat(metrics.at("/model").asText()).isEqualTo("dvc-test:0.0.1");
        assertThat(metrics.at("/metrics/model/rmse").asDouble()).isPositive();
        assertThat(metrics.at("/metrics/persistence/rmse").asDouble()).isPositive();
    }

    private static List<String> outputs(JsonNode stage) {
        List<String> out = new ArrayList<>();
        for (String key : new String[] {"outs", "metrics"}) {
            if (stage.has(key)) {
                for (JsonNode o : stage.get(key)) {
                    out.add(o.isTextual() ? o.asText() : o.fieldNames().next());
                }
            }
        }
        return out;
    }

    private static String fill(String text, JsonNode params) {
        Matcher m = TEMPLATE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            JsonNode v = params.at("/" + m.group(1).replace('.', '/'));
            assertThat(v.isMissingNode()).as("template ${" + m.group(1) + "}").isFalse();
            m.appendReplacement(b, Matcher.quoteReplacement(v.asText()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static void run(Path dir, String[] args, String stage) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcardumen.sampleData=" + TestData.sampleData().toAbsolutePath(),
                "-Dcardumen.home=" + dir.resolve("home").toAbsolutePath(),
                "-Djava.awt.headless=true", "pe.cardumen.Launcher"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(stage + ".log").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(stage + " finished").isTrue();
        assertThat(p.exitValue()).as(stage + ": " + Files.readString(dir.resolve(stage + ".log"))).isZero();
    }
}
