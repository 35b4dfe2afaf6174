package org.genericpool.tests.support;

import java.time.Duration;
import java.util.Set;
import org.genericpool.BaseConnectionPool;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;

/**
 * One pool of either flavour behind one test-facing interface, so a contract test is written once.
 * Calls wait for their result (bounded by {@link Waits#LONG}); an async failure is rethrown as the
 * exception the future completed with (unwrapped from {@code ExecutionException} /
 * {@code CompletionException}), so {@code assertThrows} reads the same in both flavours.
 * Arguments are boxed so that tests can pass {@code null}.
 */
public interface TestPool {
    Flavour flavour();

    /** @return the pool under test, for the shared (non-waiting) part of the API */
    BaseConnectionPool<Integer> base();

    TestConnection acquire(Integer endpoint) throws Exception;

    TestConnection acquire(Integer endpoint, Duration timeout) throws Exception;

    void release(Integer endpoint, TestConnection connection) throws Exception;

    void discard(Integer endpoint, TestConnection connection) throws Exception;

    /**
     * The Python {@code with pool.connection(endpoint, timeout) as conn} block: the blocking flavour
     * uses a {@code Lease} in try-with-resources, the async one {@code withConnection}.
     */
    <T> T withConnection(Integer endpoint, Duration timeout, Body<T> body) throws Exception;

    /** Starts an acquire that may wait: on its own thread (blocking) or as a future (async). */
    PendingAcquire startAcquire(Integer endpoint, Duration timeout);

    /** Starts {@code close()} (timeout null) or {@code close(timeout)} without waiting for it. */
    Background startClose(Duration timeout);

    /** {@code close()} / {@code closeAsync()}, waiting at most {@link Waits#LONG}. */
    void close() throws Exception;

    /** {@code close(timeout)} / {@code closeAsync(timeout)}, waiting at most {@link Waits#LONG}. */
    void close(Duration timeout) throws Exception;

    default PoolConfig config() {
        return base().config();
    }

    default void reconfigure(PoolConfig config) {
        base().reconfigure(config);
    }

    default int size() {
        return base().size();
    }

    default int size(Integer endpoint) {
        return base().size(endpoint);
    }

    default PoolStats stats() {
        return base().stats();
    }

    default EndpointStats stats(Integer endpoint) {
        return base().stats(endpoint);
    }

    default Set<Integer> endpoints() {
        return base().endpoints();
    }

    default boolean isClosed() {
        return base().isClosed();
    }

    /** The body of a {@link #withConnection} block. */
    @FunctionalInterface
    interface Body<T> {
        T apply(TestConnection connection) throws Exception;
    }
}
