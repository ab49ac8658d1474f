package pe.cardumen.workspace;

import java.nio.file.Path;

/**
 * A workspace file that cannot be created, opened or written. The message names the file and says
 * what to do; when it is thrown during a write, the file is unchanged.
 */
public class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(Path file, String problem, Throwable cause) {
        super((file == null ? "workspace" : file.getFileName().toString()) + ": " + problem, cause);
    }

    public WorkspaceException(Path file, String problem) {
        this(file, problem, null);
    }
}
