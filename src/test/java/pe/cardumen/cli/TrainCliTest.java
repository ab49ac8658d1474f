package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.model.ModelCard;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.workspace.Workspace;

/**
 * {@code train}, {@code predict} and {@code models} on eight simulated years (2012–2019): a small
 * version trains with a time split, verifies, predicts a month into the workspace with its hash, and
 * a tampered copy fails {@code models verify}. With the target shuffled across rows the model has no
 * skill — the evaluation cannot be fooled.
 */
class TrainCliTest {
    private static Path dir;
    private static Path ws;
    private static Path features;
    private static Path config;

    @BeforeAll
    static void history() throws Exception {
        ws = CliRunner.simulatedWorkspace("train-cli", 2012, 2019, "2015-1:9.0e6", 11, 10);
        dir = ws.getParent();
        features = dir.resolve("features.csv");
        assertThat(CliTest.run("features", "--workspace", ws.toString(), "--out", features.toString()).status()).isZero();
        config = dir.resolve("config.json");
        Files.writeString(config, """
                {"id": "test-model", "version": "0.1.0", "description": "small",
                 "inputs": [{"name": "lat_deg", "unit": "degree", "transform": "none"},
                            {"name": "dist_mid_nmi", "unit": "nmi", "transform": "none"},
                            {"name": "sst_mean_c", "unit": "degC", "transform": "none"},
                            {"name": "month_cos", "unit": "1", "transform": "none"},
                            {"name": "prev_density_t_per_nmi2", "unit": "t nmi-2", "transform": "log1p"},
                            {"name": "missing_sst", "unit": "flag", "transform": "none"}],
                 "trainUntil": "2015-12", "validationUntil": "2017-12", "seed": 3,
                 "search": {"layers": [[16]], "learningRates": [0.01], "batch": 256, "maxEpochs": 40, "patience": 6}}
                """);
        System.setProperty("cardumen.models", dir.resolve("models").toString());
    }

    @AfterAll
    static void restore() {
        System.clearProperty("cardumen.models");
    }

    @Test
    void trainPredictAndVerify() throws Exception {
        Path out = dir.resolve("models/test-model/0.1.0");
        CliTest.Run t = CliTest.run("train", "--features", features.toString(), "--config", config.toString(), "--out", out.toString());
        assertThat(t.status()).as(t.err()).isZero();
        assertThat(t.err()).contains("trial 1/1 (16, lr 0.01) epoch 1:");
        assertThat(t.out()).contains("trained test-model:0.1.0").contains("rows: 7440 train, 3720 validation, 3720 test")
                .contains("persistence").contains("climatology");
        ModelCard card = ModelCard.read(out.resolve(ModelCard.FILE));
        assertThat(card.training().featureTableSha256()).isEqualTo(ModelRegistry.sha256(features));
        assertThat(card.training().rows()).isEqualTo(16 * 930);
        assertThat(card.metrics()).containsKeys("model", "persistence", "climatology");
        assertThat(card.metrics().get("model").get("n")).isEqualTo(3720.0);
        assertThat(card.inputs().get(4).transform()).isEqualTo("log1p");
        assertThat(ModelRegistry.verify(out).ok()).isTrue();

        CliTest.Run again = CliTest.run("train", "--features", features.toString(), "--config", config.toString(), "--out", out.toString());
        assertThat(again.status()).isNotZero();
        assertThat(again.err()).contains("never overwritten");

        CliTest.Run p = CliTest.run("predict", "--workspace", ws.toString(), "--model", "test-model", "--period", "2020-03", "--csv");
        assertThat(p.status()).as(p.err()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("zone,p10_t,p50_t,p90_t,density_p50_t_per_nmi2,model,model_sha256");
        assertThat(lines).hasSize(931);
        String sha = TestData.sha256sumListingHash(out);
        String[] f = lines.get(1).split(",");
        assertThat(f[5]).isEqualTo("test-model:0.1.0");
        assertThat(f[6]).isEqualTo(sha);
        assertThat(Double.parseDouble(f[1])).isLessThanOrEqualTo(Double.parseDouble(f[2]));
        assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(Double.parseDouble(f[3]));
        assertThat(p.err()).contains("inputs from SIMULATED surveys").contains("stored as prediction run 1");
        try (Workspace w = Workspace.open(ws)) {
            var run = w.predictionRuns().get(0);
            assertThat(run.modelSha256()).isEqualTo(sha);
            assertThat(run.period()).isEqualTo("2020-03");
            assertThat(w.prediction(run.id())).hasSize(930);
            double total = 0;
            for (String line : lines.subList(1, lines.size())) {
                total += Double.parseDouble(line.split(",")[2]);
            }
            assertThat(run.totalP50T()).isCloseTo(total, within(1.0));
        }

        CliTest.Run list = CliTest.run("models", "list");
        assertThat(list.out()).contains("test-model,0.1.0,ok,6,");
        CliTest.Run verify = CliTest.run("models", "verify", "test-model:0.1.0");
        assertThat(verify.status()).isZero();
        assertThat(verify.out()).contains("verified").contains(sha);
        assertThat(CliTest.run("models", "verify", "test-model:0.1.0", "--sha256", sha).status()).isZero();
        CliTest.Run pinned = CliTest.run("models", "verify", "test-model:0.1.0", "--sha256", "0".repeat(64));
        assertThat(pinned.status()).isEqualTo(1);
        assertThat(pinned.err()).contains("is not the expected " + "0".repeat(64));
        Path data = out.resolve("variables/variables.data-00000-of-00001");
        byte[] b = Files.readAllBytes(data);
        b[7] ^= 0x10;
        Files.write(data, b);
        CliTest.Run bad = CliTest.run("models", "verify", "test-model:0.1.0");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("FAILED verification").contains("variables.data-00000-of-00001");
        CliTest.Run refused = CliTest.run("predict", "--workspace", ws.toString(), "--model", "test-model:0.1.0", "--period", "2020-03");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("failed verification and is not loaded");
        b[7] ^= 0x10;
        Files.write(data, b);

        // monitoring: the default model scored against every survey, kept; strict thresholds alert (exit 3)
        assertThat(CliTest.run("models", "default", "test-model:0.1.0", "--workspace", ws.toString()).status()).isZero();
        Path strict = dir.resolve("strict.properties");
        Files.writeString(strict, "rmse.max=0.01\ncoverage.min=0.99\n");
        CliTest.Run mon = CliTest.run("models", "monitor", "--workspace", ws.toString(), "--thresholds", strict.toString());
        assertThat(mon.status()).as(mon.err()).isEqualTo(3);
        assertThat(mon.out().lines().skip(1).toList()).hasSize(16).allSatisfy(l -> assertThat(l).startsWith("test-model:0.1.0," + sha).contains("RMSE"));
        assertThat(mon.err()).contains("16 surveys scored now").contains("16 ALERT(S)");
        CliTest.Run again2 = CliTest.run("models", "monitor", "--workspace", ws.toString());
        assertThat(again2.err()).contains("0 surveys scored now, 16 in the history");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.auditLog()).anySatisfy(e -> assertThat(e.action()).isEqualTo("model.alert"));
            assertThat(w.scores()).hasSize(16);
        }
        // a new survey imported with --survey is scored at once
        Path params = dir.resolve("p2020.properties");
        Files.writeString(params, "years.first=2020\nyears.last=2020\ntarget.anchors=2020-1:9.0e6\n");
        assertThat(CliTest.run("simulate-history", "--seed", "12", "--out", dir.resolve("h2020").toString(), "--parameters", params.toString()).status())
                .isZero();
        CliTest.Run imp = CliTest.run("import", dir.resolve("h2020/nasc/SIMULATED-2020-1-nasc.csv").toString(),
                dir.resolve("h2020/hauls/SIMULATED-2020-1-hauls.csv").toString(), "--workspace", ws.toString(), "--survey", "2020-1");
        assertThat(imp.status()).as(imp.err()).isZero();
        assertThat(imp.err()).contains("test-model:0.1.0 on survey 2020-1: RMSE");
    }

    /** Shuffling the target across rows breaks any link to the inputs: the model must show no skill on held-out seasons. */
    @Test
    void aShuffledTargetGivesNoSkill() throws Exception {
        List<String> lines = Files.readAllLines(features);
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("target_density_t_per_nmi2");
        List<String> targets = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            targets.add(l.split(",", -1)[col]);
        }
        long seed = 77;
        System.out.println("TrainCliTest shuffle seed " + seed);
        Collections.shuffle(targets, new Random(seed));
        StringBuilder s = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            f[col] = targets.get(i - 1);
            s.append(String.join(",", f)).append('\n');
        }
        Path shuffled = dir.resolve("shuffled.csv");
        Files.writeString(shuffled, s.toString());
        Path out = dir.resolve("shuffled-model");
        CliTest.Run t = CliTest.run("train", "--features", shuffled.toString(), "--config", config.toString(), "--out", out.toString(), "--quiet");
        assertThat(t.status()).as(t.err()).isZero();
        var m = ModelCard.read(out.resolve(ModelCard.FILE)).metrics();
        assertThat(m.get("model").get("r2")).isLessThan(0.05);
        assertThat(m.get("model").get("auc")).isBetween(0.4, 0.6);
        assertThat(m.get("model").get("rmse")).isGreaterThan(0.95 * Math.min(m.get("persistence").get("rmse"), m.get("climatology").get("rmse")));
    }
}
