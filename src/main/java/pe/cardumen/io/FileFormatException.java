package pe.cardumen.io;

import java.nio.file.Path;

/**
 * An input file that cannot be read as the format it claims or is expected to be. The message names
 * the file, the location within it, what was found and what the user can do.
 */
public class FileFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    /**
     * @param file     the offending file
     * @param location where in the file ("byte 1024", "line 3", "feature 7", "header"); may be empty
     * @param problem  what was wrong and what to do
     */
    public FileFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public FileFormatException(Path file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** Where in the file the problem was found; may be empty. */
    public String location() {
        return location;
    }

    private static String format(Path file, String location, String problem) {
        String name = file == null ? "(no file)" : String.valueOf(file.getFileName());
        return location == null || location.isEmpty() ? name + ": " + problem : name + ", " + location + ": " + problem;
    }
}
