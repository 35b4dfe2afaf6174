package org.genericpool.tests.support;

/** A pool call running in the background (a thread for the blocking flavour, a future for async). */
public interface Background {
    /**
     * Waits (bounded) until the call is provably in progress and waiting: the thread is parked
     * (blocking) or the future is not done (async), and the pool {@code isClosed()} for a close.
     */
    void awaitWaiting();

    boolean isDone();

    /** Waits (bounded) for normal completion; rethrows the call's failure. */
    void join() throws Exception;
}
