package org.genericpool.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The asynchronous counterpart of {@link org.genericpool.ConnectionManager}: the same contract,
 * with results as {@link CompletionStage}s. Methods should return quickly and never block the
 * calling thread; the pool may call them from the thread that completed another stage.
 *
 * <p>A stage that completes exceptionally (or a method that throws) has the same effect as the
 * blocking manager's method throwing. A stage that is already complete when returned costs the
 * pool nothing extra.
 *
 * <p><b>Thread-safety:</b> implementations must be safe for concurrent use by many threads;
 * the pool calls them concurrently for different connections and never concurrently for the
 * same connection.
 *
 * @param <E> the endpoint type
 * @param <C> the connection type; connections are told apart by identity
 */
@ConsumerType
public interface AsyncConnectionManager<E, C> {

    /**
     * @return a stage completed with a new connection to {@code endpoint}; a stage completed with
     *         {@code null} counts as a failure ({@link NullPointerException})
     */
    CompletionStage<C> create(E endpoint);

    /**
     * @return a stage completed once {@code connection} is closed; a failure is logged and the
     *         connection counts as gone; it is also reported to the caller of {@code discard}
     *         (a {@code release} that disposes only logs it)
     */
    CompletionStage<Void> dispose(E endpoint, C connection);

    /** @return a stage with {@code false} if the idle connection is dead; by default completed {@code true} */
    default CompletionStage<Boolean> checkAliveness(E endpoint, C connection) {
        return Done.TRUE;
    }

    /** Called on every hand-out; by default completed at once. */
    default CompletionStage<Void> onAcquire(E endpoint, C connection) {
        return Done.VOID;
    }

    /** Called on every release; by default completed at once. */
    default CompletionStage<Void> onRelease(E endpoint, C connection) {
        return Done.VOID;
    }

    /** Called when an aliveness check found the connection dead; by default completed at once. */
    default CompletionStage<Void> onConnectionDead(E endpoint, C connection) {
        return Done.VOID;
    }
}

/** Shared, already completed stages; minimal stages so that no caller can complete them again. */
final class Done {
    static final CompletionStage<Boolean> TRUE = CompletableFuture.completedStage(Boolean.TRUE);
    static final CompletionStage<Void> VOID = CompletableFuture.completedStage(null);

    private Done() {
    }
}
