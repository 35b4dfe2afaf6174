package org.genericpool.tests.support;

/** An acquire running in the background; see {@link TestPool#startAcquire}. */
public interface PendingAcquire {
    /**
     * Waits (bounded) until this acquire is queued as a waiter: the endpoint's {@code pending}
     * count has risen above what it was when the acquire started and, in the blocking flavour,
     * the acquiring thread is parked. Fails if the acquire completes instead.
     */
    void awaitQueued();

    boolean isDone();

    /** Waits (bounded) for the connection; rethrows the acquire's failure unwrapped. */
    TestConnection join() throws Exception;

    /** Waits (bounded) for the acquire to fail and returns the failure (unwrapped); fails the test if it succeeds. */
    Throwable joinFailure();

    /** Gives up the acquire: interrupts the thread (blocking) or cancels the future (async). */
    void cancel();

    /** The thread running the blocking acquire, or null for async. */
    Thread thread();
}
