package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/**
 * The model card is under the version's hash and must describe a usable model; only plain files of
 * the version's own are read; an archive is checked before it is unpacked.
 */
class ModelVerificationTest {
    private static final Path SHIPPED = Path.of("models/anchoveta-biomass/1.0.0");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path copyOfShipped(String name) throws Exception {
        return ModelRegistryTest.copyOfShipped("verify-" + name);
    }

    /** The shipped card edited as JSON (as someone with a text editor would). */
    private static Path withCard(String name, Consumer<ObjectNode> edit) throws Exception {
        Path dir = copyOfShipped(name);
        ObjectNode card = (ObjectNode) JSON.readTree(dir.resolve(ModelCard.FILE).toFile());
        edit.accept(card);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(ModelCard.FILE).toFile(), card);
        return dir;
    }

    private static ObjectNode input(ObjectNode card, int i) {
        return (ObjectNode) card.get("inputs").get(i);
    }

    /** Input std ×1000: a valid card, so it verifies — but as another version, never with the shipped hash. */
    @Test
    void aChangedCardIsAnotherVersionWithAnotherHash() throws Exception {
        Path dir = withCard("std1000", c -> input(c, 4).put("std", input(c, 4).get("std").asDouble() * 1000));
        assertThat(ModelRegistry.verify(dir).problems()).isEmpty();
        String shipped = TestData.sha256sumListingHash(SHIPPED);
        assertThat(ModelRegistry.versionSha256(SHIPPED)).isEqualTo(shipped);
        assertThat(ModelRegistry.versionSha256(dir)).isNotEqualTo(shipped).isEqualTo(TestData.sha256sumListingHash(dir));
    }

    @Test
    void aZeroStandardDeviationIsRefused() throws Exception {
        Path dir = withCard("std0", c -> input(c, 1).put("std", 0.0));
        assertThat(ModelRegistry.verify(dir).problems()).singleElement().asString()
                .contains("input 2 'dist_mid_nmi' has standard deviation 0.0").contains("above 0");
    }

    @Test
    void aNaNMeanIsRefused() throws Exception {
        Path dir = withCard("nan", c -> input(c, 0).put("mean", "NaN"));
        assertThat(ModelRegistry.verify(dir).problems()).anySatisfy(p -> assertThat(p).contains("input 1 'lat_deg' has mean NaN"));
    }

    @Test
    void anUnknownTransformIsRefused() throws Exception {
        Path dir = withCard("exp", c -> {
            input(c, 7).put("transform", "exp");
            ((ObjectNode) c.get("target")).put("transform", "exp");
        });
        assertThat(ModelRegistry.verify(dir).problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("input 8 'prev_density_t_per_nmi2' has transform 'exp'"))
                .anySatisfy(p -> assertThat(p).contains("the target transform is 'exp'").contains("log1p"));
    }

    @Test
    void aCardWithoutOutputsIsRefused() throws Exception {
        Path dir = withCard("no-outputs", c -> c.set("outputs", JSON.createArrayNode()));
        assertThat(ModelRegistry.verify(dir).problems()).anySatisfy(p -> assertThat(p).contains("lists no outputs"));
        Path shuffled = withCard("quantiles", c -> {
            ArrayNode o = (ArrayNode) c.get("outputs");
            ((ObjectNode) o.get(0)).put("quantile", 0.7);
        });
        assertThat(ModelRegistry.verify(shuffled).problems()).anySatisfy(p -> assertThat(p).contains("output 2").contains("above the previous one"));
    }

    /** A pipe in the folder is named, never opened: verifying and importing return at once. */
    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path dir = copyOfShipped("fifo");
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available on this system");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(ModelRegistry.verify(dir).problems()).singleElement().asString().contains("pipe").contains("not a plain file");
            ModelRegistry registry = new ModelRegistry(TestData.tempDir("verify-fifo-install"));
            assertThatThrownBy(() -> registry.install(dir)).hasMessageContaining("pipe").hasMessageContaining("not a plain file");
        });
    }

    /** A file hard-linked to one outside the folder is refused (it could be changed from outside). */
    @Test
    void aHardLinkIsRefused() throws Exception {
        Path dir = copyOfShipped("hardlink");
        Path variables = dir.resolve("variables/variables.index");
        Path outside = dir.getParent().getParent().resolve("outside.index");
        Files.move(variables, outside);
        Files.createLink(variables, outside);
        assertThat(ModelRegistry.verify(dir).problems()).singleElement().asString().contains("variables.index").contains("2 hard links");
    }

    /** A symbolic link is called what it is, not "missing". */
    @Test
    void aSymbolicLinkIsNamedAsSuch() throws Exception {
        Path dir = copyOfShipped("symlink");
        Path pb = dir.resolve("saved_model.pb");
        Path outside = dir.getParent().getParent().resolve("saved_model.pb");
        Files.move(pb, outside);
        Files.createSymbolicLink(pb, outside);
        assertThat(ModelRegistry.verify(dir).problems()).anySatisfy(p -> assertThat(p).contains("saved_model.pb: is a symbolic link"))
                .noneSatisfy(p -> assertThat(p).contains("missing"));
    }

    /** A zip that declares more than the limit is refused before anything is unpacked. */
    @Test
    void aZipBombIsRefusedBeforeUnpacking() throws Exception {
        Path root = TestData.tempDir("verify-bomb");
        Path zip = root.resolve("bomb.zip");
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("1.0.0/saved_model.pb"));
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);
        String old = System.getProperty("cardumen.models.maxUnpackedBytes");
        System.setProperty("cardumen.models.maxUnpackedBytes", Long.toString(16L << 20));
        try {
            ModelRegistry registry = new ModelRegistry(root.resolve("models"));
            assertThatThrownBy(() -> registry.install(zip)).hasMessageContaining("bomb.zip").hasMessageContaining("more than 16 MiB")
                    .hasMessageContaining("refused before unpacking");
            try (var s = Files.walk(root.resolve("models"))) {
                assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
            }
        } finally {
            if (old == null) {
                System.clearProperty("cardumen.models.maxUnpackedBytes");
            } else {
                System.setProperty("cardumen.models.maxUnpackedBytes", old);
            }
        }
    }

    @Test
    void aFileThatIsNotAZipIsNamedAsSuch() throws Exception {
        Path notes = TestData.tempDir("verify-notzip").resolve("model.zip");
        Files.writeString(notes, "this is not a zip");
        assertThatThrownBy(() -> new ModelRegistry(notes.resolveSibling("models")).install(notes))
                .hasMessageContaining("model.zip is neither a model version folder nor a .zip").hasMessageNotContaining("No such file");
    }

    /** An interrupted training's hidden folder (its owner gone) is removed by the next one. */
    @Test
    void workFoldersOfDeadProcessesAreRemoved() throws Exception {
        Path parent = TestData.tempDir("stale");
        Path mine = StaleWork.create(parent, ".training-");
        Path dead = Files.createDirectories(parent.resolve(".training-123"));
        Files.createDirectories(dead.resolve("v/variables"));
        Files.writeString(dead.resolve("v/model.json"), "{}");
        // a pid that cannot be running: one above the system's maximum
        Files.writeString(dead.resolve(".owner"), "4194305 2026-01-01T00:00:00Z\n");
        assertThat(StaleWork.clean(parent, ".training-")).isEqualTo(1);
        assertThat(dead).doesNotExist();
        assertThat(mine).exists();
    }
}
