package pe.cardumen.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import pe.cardumen.domain.CancellationToken;

/**
 * The desktop {@link TaskRunner}: a single background thread running {@link Task}s, with the running
 * task's title, message and progress exposed as properties for the status bar. Property access and
 * {@link #cancel()} belong to the JavaFX thread.
 */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cardumen-task");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private CancellationToken current = CancellationToken.NONE;
    private int active;

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        CancellationToken token = new CancellationToken();
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title);
                return work.run((done, total, msg) -> {
                    if (total > 0) {
                        updateProgress(done, total);
                    }
                    updateMessage(msg == null || msg.isEmpty() ? title : title + " — " + msg);
                }, token);
            }
        };
        task.setOnRunning(e -> {
            current = token;
            message.bind(task.messageProperty());
            progress.bind(task.progressProperty());
        });
        task.setOnSucceeded(e -> {
            finished();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            onFailure.accept(task.getException());
        });
        active++;
        running.set(true);
        executor.submit(task);
    }

    private void finished() {
        message.unbind();
        progress.unbind();
        message.set("");
        progress.set(-1);
        current = CancellationToken.NONE;
        active--;
        running.set(active > 0);
    }

    /** Asks the running task to stop. */
    public void cancel() {
        current.cancel();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops the background thread. */
    public void shutdown() {
        executor.shutdownNow();
    }

    /** Runs {@code r} on the JavaFX thread (now when already on it). */
    static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
