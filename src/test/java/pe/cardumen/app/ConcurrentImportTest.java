package pe.cardumen.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.workspace.ImportRecord;
import pe.cardumen.workspace.Workspace;

/**
 * Writers of one workspace wait for each other: two importers of the same 20 files (and a third
 * writer storing results meanwhile), in threads with their own connections and in separate
 * processes, all complete, and each file is stored exactly once.
 */
class ConcurrentImportTest {
    private static List<Path> files;

    @BeforeAll
    static void pickFiles() throws Exception {
        try (Stream<Path> s = Files.list(TestData.sampleData().resolve("simulated-history/nasc"))) {
            files = s.sorted().limit(20).toList();
        }
    }

    private static Path workspace(String name) throws Exception {
        Path ws = TestData.tempDir(name).resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        return ws;
    }

    private static void assertEachFileStoredOnce(Path ws) throws Exception {
        try (Workspace w = Workspace.open(ws)) {
            List<ImportRecord> imports = w.imports().stream().filter(i -> i.kind().equals("echoview")).toList();
            assertThat(imports).extracting(ImportRecord::fileName)
                    .containsExactlyInAnyOrderElementsOf(files.stream().map(f -> f.getFileName().toString()).toList());
            int expected = 0;
            for (Path f : files) {
                expected += (int) (Files.lines(f).count() - 1);
            }
            assertThat(w.nascCells()).hasSize(expected);
        }
    }

    @Test
    void twoImportersAndAResultWriterInThreadsAllComplete() throws Exception {
        Path ws = workspace("concurrent-threads");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Importer.Outcome>>> importers = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                importers.add(pool.submit(() -> {
                    try (Workspace w = Workspace.open(ws)) {
                        return new Importer(38, IntegrationSettings.DEFAULT).importAll(w, files, ProgressListener.NONE, CancellationToken.NONE);
                    }
                }));
            }
            Future<Integer> results = pool.submit((Callable<Integer>) () -> {
                int runs = 0;
                try (Workspace w = Workspace.open(ws)) {
                    for (int i = 0; i < 15; i++) {
                        w.storeBiomass(null, "b20=-71.9\n", 10, i, 1000.0 * i, 0.1, List.of());
                        w.nascCells(); // reads go on beside the writers
                        runs++;
                    }
                }
                return runs;
            });
            List<Importer.Outcome> all = new ArrayList<>();
            for (var f : importers) {
                all.addAll(f.get(5, TimeUnit.MINUTES));
            }
            assertThat(results.get(5, TimeUnit.MINUTES)).isEqualTo(15);
            assertThat(all).hasSize(40).allSatisfy(o -> assertThat(o.error()).as(o.file().toString()).isNull());
            // each file: imported by one importer, found "already imported" by the other
            assertThat(all.stream().filter(o -> o.cells() > 0)).hasSize(20);
            assertThat(all.stream().filter(o -> o.warnings().stream().anyMatch(w -> w.startsWith("already imported")))).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        assertEachFileStoredOnce(ws);
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.biomassRuns()).hasSize(15);
        }
    }

    @Test
    void twoImportProcessesAtOnceBothCompleteAndStoreEachFileOnce() throws Exception {
        Path ws = workspace("concurrent-processes");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "pe.cardumen.Launcher", "import", "--workspace", ws.toString()));
        files.forEach(f -> command.add(f.toString()));
        List<Process> processes = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ws.resolveSibling("import-" + k + ".log").toFile()).start());
        }
        for (int k = 0; k < 2; k++) {
            assertThat(processes.get(k).waitFor(5, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(ws.resolveSibling("import-" + k + ".log"));
            assertThat(processes.get(k).exitValue()).as(log).isZero();
            assertThat(log).doesNotContain("SQLITE_BUSY").doesNotContain("locked");
        }
        assertEachFileStoredOnce(ws);
    }
}
