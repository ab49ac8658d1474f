package pe.cardumen.ui;

import java.nio.file.NoSuchFileException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.workspace.WorkspaceException;

/**
 * What the error dialog says: a summary in the window's language and plain words (what went wrong,
 * that nothing was lost, what to do), and the technical detail behind "Details" (the reader's message
 * with the file, the byte or line and the expected form).
 *
 * @param summary for the user, in the window's language
 * @param detail  the technical message, or {@code null} when the summary says everything
 */
public record Problem(String summary, String detail) {
    /** A problem the view models worded themselves (already in the window's language). */
    public static Problem of(String message) {
        return new Problem(message, null);
    }

    /**
     * A failure of background work, worded by what kind it is: a file that cannot be read, a file that
     * is missing or not readable, a workspace that cannot be read or written, too little memory, or any
     * other failure (whose message goes into the details).
     */
    public static Problem of(Throwable t, ResourceBundle texts) {
        String detail = t.getMessage() == null ? t.toString() : t.getMessage();
        FileFormatException format = find(t, FileFormatException.class);
        if (format != null) {
            String name = format.file() == null ? "?" : String.valueOf(format.file().getFileName());
            return new Problem(MessageFormat.format(texts.getString("problem.file"), name), format.getMessage());
        }
        NoSuchFileException missing = find(t, NoSuchFileException.class);
        if (missing != null) {
            return new Problem(MessageFormat.format(texts.getString("problem.missing"), missing.getFile()), detail);
        }
        if (find(t, WorkspaceException.class) != null) {
            return new Problem(texts.getString("problem.workspace"), detail);
        }
        if (find(t, OutOfMemoryError.class) != null) {
            return new Problem(texts.getString("problem.memory"), detail);
        }
        if (find(t, java.io.IOException.class) != null) {
            return new Problem(texts.getString("problem.io"), detail);
        }
        return new Problem(texts.getString("problem.task"), detail);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
