package pe.cardumen.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;

/**
 * A {@link TaskRunner} that runs each piece of work at once on the calling thread, so that view models
 * are tested without a toolkit or a background thread: when a call returns, its work and its callback
 * have run. Remembers the titles, for tests that check what the status bar would say.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    private final List<String> titles = new ArrayList<>();

    @Override
    public <T> void run(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        titles.add(title);
        T result;
        try {
            result = work.run(ProgressListener.NONE, CancellationToken.NONE);
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    /** The titles of the work run so far, in order. */
    public List<String> titles() {
        return List.copyOf(titles);
    }
}
