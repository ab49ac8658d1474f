package pe.cardumen.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One reader under fuzzing: the real file its mutants come from, and how the application reads such
 * a file.
 */
interface FuzzTarget {
    /** Short name, e.g. {@code netcdf3}; {@code -Dcardumen.fuzz.target=NAME} runs only this one. */
    String name();

    /** The real file mutated. */
    Path seedFile();

    /** Whether line and field mutations suit the format. */
    boolean text();

    /** Reads the mutated file fully, as the application would. */
    void read(Path input) throws Exception;

    /**
     * Writes the mutant into {@code dir} (with whatever companion files the format needs) and returns
     * the path the reader is given.
     */
    default Path prepare(Path dir, byte[] mutant) throws Exception {
        Path p = dir.resolve(seedFile().getFileName().toString());
        Files.write(p, mutant);
        return p;
    }

    /** Other file names a message may name instead of the input's (companion files). */
    default List<String> companions() {
        return List.of();
    }

    /** A target whose input is the mutated seed file itself. */
    static FuzzTarget of(String name, Path seed, boolean text, Reading reading) {
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path seedFile() {
                return seed;
            }

            @Override
            public boolean text() {
                return text;
            }

            @Override
            public void read(Path input) throws Exception {
                reading.read(input);
            }
        };
    }

    /** How a file is read. */
    @FunctionalInterface
    interface Reading {
        void read(Path input) throws Exception;
    }
}
