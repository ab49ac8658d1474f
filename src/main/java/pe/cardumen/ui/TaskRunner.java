package pe.cardumen.ui;

import java.util.function.Consumer;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;

/**
 * Runs long operations off the JavaFX thread and reports back on it. One operation runs at a time;
 * the UI shows its progress and offers to cancel it.
 */
public interface TaskRunner {
    /** The work: a core operation that reports progress and checks the token. */
    @FunctionalInterface
    interface Work<T> {
        T run(ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    /**
     * Starts the work.
     *
     * @param title     what the status bar says while it runs
     * @param onSuccess called on the JavaFX thread with the result
     * @param onFailure called on the JavaFX thread with the failure ({@link
     *                  java.util.concurrent.CancellationException} when the user cancelled)
     */
    <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
