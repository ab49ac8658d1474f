package pe.cardumen.ui;

import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import pe.cardumen.app.Services;
import pe.cardumen.ui.map.MapViewModel;

/**
 * What the view models share: the services, the task runner, the map, the window's texts (in the
 * language chosen now), the open workspace, and where problems and notices go.
 */
public record PanelContext(Services services, TaskRunner tasks, MapViewModel map, ResourceBundle texts, Supplier<Path> workspace,
                           Consumer<Problem> problems, Consumer<String> notice) {
    /** Reports a problem the caller worded in the window's language. */
    public void error(String message) {
        problems.accept(Problem.of(message));
    }

    /** {@link #error(String)} as a consumer. */
    public Consumer<String> error() {
        return this::error;
    }

    /** Reports a task's failure: a cancellation as a notice, anything else as a {@link Problem}. */
    public void failed(Throwable t) {
        if (t instanceof CancellationException) {
            notice.accept(texts.getString("status.cancelled"));
            return;
        }
        problems.accept(Problem.of(t, texts));
    }
}
