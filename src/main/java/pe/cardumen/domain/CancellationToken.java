package pe.cardumen.domain;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag a long operation checks in its loops; set from another thread to stop it. Operations that
 * see it set throw {@link CancellationException} and leave no partial result behind.
 */
public final class CancellationToken {
    /** A token that is never cancelled. */
    public static final CancellationToken NONE = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the operation to stop as soon as it can. Has no effect on {@link #NONE}. */
    public void cancel() {
        if (this != NONE) {
            cancelled.set(true);
        }
    }

    /** Whether {@link #cancel()} has been called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Throws when cancelled.
     *
     * @throws CancellationException if {@link #cancel()} has been called
     */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled by the user");
        }
    }
}
