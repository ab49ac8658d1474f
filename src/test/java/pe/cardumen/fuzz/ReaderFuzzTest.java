package pe.cardumen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pe.cardumen.TestData;
import pe.cardumen.acoustics.IntegrationSettings;
import pe.cardumen.acoustics.RawFileIntegrator;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.grid.CfGrid;
import pe.cardumen.io.sonar.RawFileHandler;
import pe.cardumen.io.sonar.SimradRawReader;

/**
 * Seeded mutation fuzzing of every reader over the real sample files: each mutant must be read, or
 * refused with a {@link FileFormatException} (or an {@link IOException}) whose message names the file
 * and says something a user can act on — never another exception, an {@link OutOfMemoryError}, a
 * library's internal message or a hang.
 *
 * <p>Runs briefly in {@code ./mvnw verify} ({@value #DEFAULT_ITERATIONS} mutants per target); longer on
 * demand: {@code ./mvnw test -Dtest=ReaderFuzzTest -Dcardumen.fuzz.iterations=2000 [-Dcardumen.fuzz.seed=N]
 * [-Dcardumen.fuzz.target=netcdf3]}. Failing inputs are written to {@code target/fuzz-findings/} with
 * the mutation that made them.
 */
class ReaderFuzzTest {
    static final int DEFAULT_ITERATIONS = 30;
    private static final long TIMEOUT_SECONDS = 30;

    /** Messages that are a library's internals, not an explanation. */
    private static final List<Pattern> UNCLEAR = List.of(
            Pattern.compile("out of bounds for length"), Pattern.compile("capacity < 0"), Pattern.compile("Input length = \\d"),
            Pattern.compile("ClassCast"), Pattern.compile("\\[Source: "), Pattern.compile("NullPointer"), Pattern.compile("java\\.lang\\."),
            Pattern.compile("For input string"), Pattern.compile("^\\S+: -?\\d+$"), Pattern.compile("Cannot invoke"),
            Pattern.compile("because \"[^\"]+\" is null"), Pattern.compile("BufferUnderflow"), Pattern.compile("Negative"),
            Pattern.compile(":\\s*null$"), Pattern.compile("MalformedInput"));

    private static ExecutorService executor;
    private static Path work;

    @BeforeAll
    static void setUp() throws Exception {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true);
            return t;
        });
        work = TestData.tempDir("fuzz");
    }

    @AfterAll
    static void tearDown() {
        executor.shutdownNow();
    }

    static int iterations() {
        return Integer.getInteger("cardumen.fuzz.iterations", DEFAULT_ITERATIONS);
    }

    static long seed() {
        return Long.getLong("cardumen.fuzz.seed", 20261203L);
    }

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesMutatedInputs() throws Exception {
        String only = System.getProperty("cardumen.fuzz.target", "");
        return FuzzTargets.all().stream()
                .filter(t -> only.isEmpty() || only.equals(t.name()))
                .map(t -> DynamicTest.dynamicTest(t.name(), () -> fuzz(t)));
    }

    private void fuzz(FuzzTarget target) throws Exception {
        long seed = seed() ^ target.name().hashCode();
        System.out.println("fuzz " + target.name() + " seed " + seed + ", " + iterations() + " mutants");
        Mutator mutator = new Mutator(seed);
        byte[] original = Files.readAllBytes(target.seedFile());
        List<String> findings = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (int i = 0; i < iterations(); i++) {
            Mutator.Mutant m = mutator.mutate(original, target.text());
            Path dir = Files.createDirectories(work.resolve(target.name() + "-" + i));
            Path input = target.prepare(dir, m.bytes());
            String problem = run(target, input);
            if (problem == null) {
                read++;
            } else if (problem.isEmpty()) {
                refused++;
            } else {
                Path saved = Files.createDirectories(Path.of("target", "fuzz-findings")).resolve(target.name() + "-" + i + "-" + input.getFileName());
                Files.write(saved, m.bytes());
                findings.add(String.format(Locale.ROOT, "#%d (%s): %s [input: %s]", i, m.description(), problem, saved));
            }
            deleteTree(dir);
        }
        System.out.printf(Locale.ROOT, "fuzz %s: %d read, %d refused clearly, %d findings%n", target.name(), read, refused, findings.size());
        assertThat(findings).as("mutants of %s that crashed, hung or were refused unclearly (seed %d)", target.seedFile().getFileName(), seed)
                .isEmpty();
    }

    /** null: read; "": refused with a clear message; otherwise what went wrong. */
    private static String run(FuzzTarget target, Path input) {
        Future<?> f = executor.submit(() -> {
            target.read(input);
            return null;
        });
        try {
            f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (TimeoutException e) {
            f.cancel(true);
            return "no answer after " + TIMEOUT_SECONDS + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof FileFormatException || (t instanceof IOException && !(t instanceof java.nio.charset.CharacterCodingException))) {
                return judge(target, input, t.getMessage());
            }
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return t.getClass().getName() + ": " + t.getMessage() + " at " + trace.toString().lines().skip(1).limit(4)
                    .map(String::strip).reduce((a, b) -> a + " | " + b).orElse("");
        }
    }

    private static String judge(FuzzTarget target, Path input, String message) {
        if (message == null || message.isBlank()) {
            return "refused without a message";
        }
        String name = input.getFileName().toString();
        if (!message.contains(name) && target.companions().stream().noneMatch(message::contains)) {
            return "message does not name the file: " + message;
        }
        for (Pattern p : UNCLEAR) {
            if (p.matcher(message).find()) {
                return "unclear message: " + message;
            }
        }
        return "";
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Reads a raw file as the app does: every datagram decoded, the 38 kHz (or first) channel calibrated and integrated. */
    static void integrateRaw(Path raw, double khz) throws Exception {
        new RawFileIntegrator().integrate(List.of(raw), khz, IntegrationSettings.DEFAULT, pe.cardumen.acoustics.CalibrationOverrides.NONE, null,
                ProgressListener.NONE, CancellationToken.NONE);
    }

    /** Reads every datagram without calibrating. */
    static void readRaw(Path raw) throws Exception {
        new SimradRawReader().read(raw, new RawFileHandler() {
        }, ProgressListener.NONE, CancellationToken.NONE);
    }

    /** Opens a grid and reads every time step. */
    static void readGrid(Path file) throws Exception {
        try (CfGrid g = CfGrid.open(file, null)) {
            for (int k = 0; k < g.times().length; k++) {
                g.step(k);
            }
        }
    }

    static String text(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
