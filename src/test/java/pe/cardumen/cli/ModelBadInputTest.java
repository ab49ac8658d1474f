package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.planning.HarvestParameters;
import pe.cardumen.workspace.Workspace;

/**
 * Bad input to the model, quota and report commands: each is refused with a message naming the file
 * (and line or field) and what is wrong, with a non-zero exit status, and nothing is written.
 */
class ModelBadInputTest {
    private static Path config(Path dir, String json) throws Exception {
        Path f = dir.resolve("c" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void trainingRefusesBrokenConfigurationsAndFeatureTables() throws Exception {
        Path dir = TestData.tempDir("bad-train");
        Path good = config(dir, """
                {"id": "m", "version": "1", "inputs": [{"name": "lat_deg", "unit": "degree", "transform": "none"}],
                 "trainUntil": "2015-12", "validationUntil": "2017-12", "seed": 1,
                 "search": {"layers": [[4]], "learningRates": [0.01], "batch": 16, "maxEpochs": 2, "patience": 1}}
                """);
        Path noSplit = config(dir, "{\"id\": \"m\", \"version\": \"1\", \"inputs\": [{\"name\": \"lat_deg\"}], \"search\": {\"layers\": [[4]], "
                + "\"learningRates\": [0.01]}}");
        Path notJson = config(dir, "{ layers: ");
        Path features = dir.resolve("f.csv");
        Files.writeString(features, "zone,period,survey,area_nmi2,target_density_t_per_nmi2,prev_density_t_per_nmi2,lat_deg\n1030,2014-03,a,1,2,NaN,-3.4\n");

        CliTest.Run r = CliTest.run("train", "--features", features.toString(), "--config", noSplit.toString(), "--out", dir.resolve("o1").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(noSplit.getFileName().toString()).contains("lacks 'trainUntil'");

        r = CliTest.run("train", "--features", features.toString(), "--config", notJson.toString(), "--out", dir.resolve("o2").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains(notJson.getFileName().toString()).contains("not a readable training configuration");

        // one season only: the time split leaves validation and test empty
        r = CliTest.run("train", "--features", features.toString(), "--config", good.toString(), "--out", dir.resolve("o3").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("the time split leaves 1 training, 0 validation and 0 test rows");

        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "zone,period,lat_deg\n1030,2014-03\n");
        r = CliTest.run("train", "--features", ragged.toString(), "--config", good.toString(), "--out", dir.resolve("o4").toString());
        assertThat(r.err()).contains("line 2: 2 fields, the header has 3");

        Path text = dir.resolve("text.csv");
        Files.writeString(text, "zone,period,lat_deg\n1030,2014-03,south\n");
        r = CliTest.run("train", "--features", text.toString(), "--config", good.toString(), "--out", dir.resolve("o5").toString());
        assertThat(r.err()).contains("line 2, column lat_deg: 'south' is not a number");

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        r = CliTest.run("train", "--features", empty.toString(), "--config", good.toString(), "--out", dir.resolve("o6").toString());
        assertThat(r.err()).contains("empty");

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "zone,period,lat_deg\n1030,2014-03,-3.4\n");
        r = CliTest.run("train", "--features", other.toString(), "--config", good.toString(), "--out", dir.resolve("o7").toString());
        assertThat(r.err()).contains("lacks the column 'survey'").contains("output of cardumen features");

        r = CliTest.run("train", "--config", good.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("either --workspace or --features");
        for (String o : new String[] {"o1", "o2", "o3", "o4", "o5", "o6", "o7"}) {
            assertThat(dir.resolve(o)).doesNotExist();
        }
    }

    @Test
    void predictReportAndImportRefuseBadArguments() throws Exception {
        Path dir = TestData.tempDir("bad-predict");
        Path ws = dir.resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), pe.cardumen.domain.CancellationToken.NONE);
        }
        CliTest.Run r = CliTest.run("predict", "--workspace", ws.toString(), "--period", "2024-13");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--period must be YYYY-MM");
        r = CliTest.run("predict", "--workspace", ws.toString(), "--period", "2024-09");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no default model").contains("--model");
        r = CliTest.run("models", "monitor", "--workspace", ws.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no default model");
        r = CliTest.run("report", "--workspace", ws.toString(), "--season", "2026-I", "--lang", "fr", "--out", dir.resolve("r.pdf").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--lang must be es or en");
        r = CliTest.run("report", "--workspace", ws.toString(), "--season", "2026-I", "--out", dir.resolve("r.pdf").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no stored biomass");
        assertThat(dir.resolve("r.pdf")).doesNotExist();

        Path zip = dir.resolve("broken.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        r = CliTest.run("models", "import", zip.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("broken.zip");
        Path noCard = dir.resolve("no-card");
        Files.createDirectories(noCard);
        Files.writeString(noCard.resolve("saved_model.pb"), "not a protobuf");
        r = CliTest.run("models", "verify", noCard.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("model.json");
    }

    @Test
    void harvestParametersNameWhatIsWrong() throws Exception {
        Path dir = TestData.tempDir("bad-harvest");
        Path unknown = dir.resolve("u.properties");
        Files.writeString(unknown, "exploitation.maximum=0.3\n");
        assertThatThrownBy(() -> HarvestParameters.load(unknown)).hasMessageContaining("u.properties").hasMessageContaining("exploitation.maximum");
        Path profile = dir.resolve("p.properties");
        Files.writeString(profile, "season.profile=0.5,0.5,0.5,0.5\n");
        assertThatThrownBy(() -> HarvestParameters.load(profile)).hasMessageContaining("season.profile must sum to 1");
        Path text = dir.resolve("t.properties");
        Files.writeString(text, "mortality.per.year=high\n");
        assertThatThrownBy(() -> HarvestParameters.load(text)).hasMessageContaining("mortality.per.year").hasMessageContaining("not a number");
        CliTest.Run r = CliTest.run("quota", "--workspace", dir.resolve("none.cardumen.gpkg").toString(), "--stock", "south");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("none.cardumen.gpkg").contains("does not exist");
    }
}
