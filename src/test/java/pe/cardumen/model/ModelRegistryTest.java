package pe.cardumen.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import pe.cardumen.TestData;

/** The registry's checks: checksums, paths, unlisted files, the operation allow-list, install from folder and zip. */
class ModelRegistryTest {
    private static final Path SHIPPED = Path.of("models/anchoveta-biomass/1.0.0");

    /** A copy of the shipped 1.0.0 under target/ (tests change it). */
    static Path copyOfShipped(String name) throws Exception {
        Path dir = TestData.tempDir("registry-" + name).resolve("anchoveta-biomass").resolve("1.0.0");
        for (String f : ModelRegistry.filesIn(SHIPPED)) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.copy(SHIPPED.resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void theShippedVersionsVerifyAndResolve() throws Exception {
        ModelRegistry r = new ModelRegistry(Path.of("models"));
        assertThat(r.list()).extracting(ModelRegistry.Version::ref).containsExactly("anchoveta-biomass:1.0.0", "anchoveta-biomass:2.0.0");
        assertThat(r.resolve("anchoveta-biomass").ref()).isEqualTo("anchoveta-biomass:2.0.0");
        for (ModelRegistry.Version v : r.list()) {
            ModelRegistry.Verification check = ModelRegistry.verify(v.dir());
            assertThat(check.problems()).as(v.ref()).isEmpty();
            assertThat(check.scan().operations()).contains("MatMul", "Relu", "Softplus", "RestoreV2").doesNotContain("ReadFile");
            // the version hash is sha256sum's listing of every file, the card included, hashed
            assertThat(v.sha256()).isEqualTo(TestData.sha256sumListingHash(v.dir()));
        }
        assertThatThrownBy(() -> r.resolve("anchoveta-biomass:9.9.9")).hasMessageContaining("has no version 9.9.9").hasMessageContaining("1.0.0");
        assertThatThrownBy(() -> r.resolve("sardine")).hasMessageContaining("no model 'sardine'");
    }

    @Test
    void aFlippedByteInVariablesIsRefused() throws Exception {
        Path dir = copyOfShipped("flip");
        Path data = dir.resolve("variables/variables.data-00000-of-00001");
        byte[] b = Files.readAllBytes(data);
        b[b.length / 2] ^= 0x01;
        Files.write(data, b);
        ModelRegistry.Verification v = ModelRegistry.verify(dir);
        assertThat(v.ok()).isFalse();
        assertThat(v.problems()).singleElement().asString().contains("variables.data-00000-of-00001").contains("differs from the card");
        assertThatThrownBy(() -> ModelPredictor.open(new ModelRegistry.Version(dir, ModelCard.read(dir.resolve(ModelCard.FILE)))))
                .hasMessageContaining("failed verification and is not loaded");
    }

    @Test
    void pathsEscapingTheFolderAndUnlistedFilesAreRefused() throws Exception {
        Path dir = copyOfShipped("escape");
        ModelCard card = ModelCard.read(dir.resolve(ModelCard.FILE));
        Map<String, String> files = new LinkedHashMap<>(card.files());
        files.put("../../outside.txt", "00");
        files.put("/etc/passwd", "00");
        card.withFiles(files).write(dir.resolve(ModelCard.FILE));
        Files.writeString(dir.resolve("notes.txt"), "not in the card");
        List<String> problems = ModelRegistry.verify(dir).problems();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("'../../outside.txt' escapes the model folder"))
                .anySatisfy(p -> assertThat(p).contains("'/etc/passwd' escapes the model folder"))
                .anySatisfy(p -> assertThat(p).contains("notes.txt: not named in the card"));
    }

    /** A SavedModel whose graph reads a file (tf.io.readFile) with a correct card is refused by the operation scan. */
    @Test
    void aSavedModelWithAReadFileOperationIsRefused() throws Exception {
        TensorFlowRuntime.start(TensorFlowRuntime.defaultCache());
        Path dir = TestData.tempDir("registry-readfile").resolve("evil").resolve("1.0.0");
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            var contents = tf.io.readFile(tf.constant("/etc/hostname"));
            var length = tf.dtypes.cast(tf.strings.stringLength(contents), TFloat32.class);
            var y = tf.withName("quantiles").math.add(x, length);
            try (Session s = new Session(g)) {
                s.initialize();
                SavedModelBundle.exporter(dir.toString()).withSession(s)
                        .withSignature(Signature.builder().key("serving_default").input("features", x).output("quantiles", y).build()).export();
            }
        }
        new ModelCard("evil", "1.0.0", "reads a file", "2026-01-01T00:00:00Z", "test", "serving_default", "serve", "features", "quantiles",
                List.of(new ModelCard.Input("a", "1", "none", 0, 1), new ModelCard.Input("b", "1", "none", 0, 1)),
                List.of(new ModelCard.Output("p10", 0.1), new ModelCard.Output("p50", 0.5)), new ModelCard.Target("y", "t nmi-2", "log1p"), null, null,
                ModelRegistry.checksums(dir))
                .write(dir.resolve(ModelCard.FILE));
        ModelRegistry.Verification v = ModelRegistry.verify(dir);
        assertThat(v.problems()).singleElement().asString().contains("operations outside the allow-list").contains("ReadFile");
        ModelRegistry registry = new ModelRegistry(TestData.tempDir("registry-readfile-install"));
        assertThatThrownBy(() -> registry.install(dir)).hasMessageContaining("is not installed").hasMessageContaining("ReadFile");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aZipInstallsAfterTheChecksAndAnEscapingEntryIsRefused() throws Exception {
        Path root = TestData.tempDir("registry-zip");
        Path zip = root.resolveSibling("v.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String f : ModelRegistry.filesIn(SHIPPED)) {
                z.putNextEntry(new ZipEntry("1.0.0/" + f));
                z.write(Files.readAllBytes(SHIPPED.resolve(f)));
                z.closeEntry();
            }
        }
        ModelRegistry registry = new ModelRegistry(root.resolve("models"));
        ModelRegistry.Version v = registry.install(zip);
        assertThat(v.ref()).isEqualTo("anchoveta-biomass:1.0.0");
        assertThat(v.sha256()).isEqualTo(new ModelRegistry(Path.of("models")).resolve("anchoveta-biomass:1.0.0").sha256());
        assertThatThrownBy(() -> registry.install(zip)).hasMessageContaining("already installed");

        Path evil = root.resolveSibling("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write("x".getBytes());
            z.closeEntry();
        }
        assertThatThrownBy(() -> registry.install(evil)).hasMessageContaining("outside the model folder");
        assertThat(Files.exists(root.resolveSibling("escaped.txt"))).isFalse();
        assertThat(registry.list()).hasSize(1);
    }
}
