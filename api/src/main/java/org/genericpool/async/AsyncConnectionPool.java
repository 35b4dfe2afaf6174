package org.genericpool.async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.genericpool.BaseConnectionPool;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@link CompletableFuture} flavour of the pool. It shares its engine, rules and
 * statistics with the blocking {@link org.genericpool.ConnectionPool}; no method blocks a thread
 * while waiting for a connection.
 *
 * <p>Failures complete the returned future exceptionally with the exceptions the blocking pool
 * throws ({@link org.genericpool.AcquireTimeoutException},
 * {@link org.genericpool.ConnectionPoolClosedException},
 * {@link org.genericpool.ConnectionManagerException}, or the manager's unchecked exception).
 * Cancelling an acquire future that is not yet complete withdraws the request and leaves no
 * trace: a connection created for it afterwards goes back idle. The same holds when the caller
 * completes it first in any other way ({@code orTimeout}, {@code completeOnTimeout},
 * {@code complete}, {@code completeExceptionally}).
 *
 * <p>Thread-safe. Dependent stages may run on the thread that completes the future: the caller,
 * a releasing thread, a manager's I/O thread or the pool's timer thread; do not block in them.
 *
 * @param <E> the endpoint type
 * @param <C> the connection type
 */
@ProviderType
public interface AsyncConnectionPool<E, C> extends BaseConnectionPool<E>, AutoCloseable {

    /** Acquires with the configured acquire timeout; see {@link #acquire(Object, Duration)}. */
    CompletableFuture<C> acquire(E endpoint);

    /**
     * Acquires a connection, with the rules of {@link org.genericpool.ConnectionPool#acquire(Object, Duration)}.
     * On a closed pool the returned future is failed with
     * {@link org.genericpool.ConnectionPoolClosedException}.
     *
     * @param timeout null means the configured timeout; zero or negative means do not wait
     * @throws NullPointerException if {@code endpoint} is null (thrown, not returned)
     */
    CompletableFuture<C> acquire(E endpoint, Duration timeout);

    /**
     * Gives a leased connection back; completes once it is idle, handed on or disposed.
     * A foreign or already released connection completes it with {@link IllegalStateException}.
     * A failing {@code onRelease} completes it exceptionally (the connection is taken back all
     * the same); a failing dispose during the release is logged, not reported.
     *
     * @throws NullPointerException if an argument is null (thrown, not returned)
     */
    CompletableFuture<Void> release(E endpoint, C connection);

    /**
     * Disposes a broken leased connection and frees its slot. A foreign or already released
     * connection completes the future with {@link IllegalStateException}; a failing dispose
     * completes it exceptionally (checked exceptions wrapped in
     * {@link org.genericpool.ConnectionManagerException}).
     *
     * @throws NullPointerException if an argument is null (thrown, not returned)
     */
    CompletableFuture<Void> discard(E endpoint, C connection);

    /**
     * Acquires a connection, runs {@code action} with it and releases it when the action's stage
     * completes, whether it succeeded or failed (as the Python original's {@code connection()} does).
     * Cancelling the returned future (or completing it otherwise, such as by {@code orTimeout})
     * before the connection arrives withdraws the acquire, and the action never runs; once the
     * action runs it is not interrupted, and its connection is released when its stage completes.
     *
     * @return the action's result, or the failure of the acquire or the action
     * @throws NullPointerException if {@code endpoint} or {@code action} is null (thrown, not returned)
     */
    <T> CompletableFuture<T> withConnection(E endpoint, Function<? super C, ? extends CompletionStage<T>> action);

    /**
     * Like {@link #withConnection(Object, Function)} with an acquire timeout.
     *
     * @param timeout null means the configured {@link org.genericpool.PoolConfig#acquireTimeout()};
     *                zero or negative means do not wait
     * @throws NullPointerException if {@code endpoint} or {@code action} is null (thrown, not returned)
     */
    <T> CompletableFuture<T> withConnection(E endpoint, Duration timeout,
                                            Function<? super C, ? extends CompletionStage<T>> action);

    /**
     * Closes the pool: acquires fail with {@link org.genericpool.ConnectionPoolClosedException},
     * idle connections are disposed at once, and the future completes once every leased
     * connection is back and disposed. It never completes if a lease never comes back.
     */
    CompletableFuture<Void> closeAsync();

    /**
     * Closes the pool as {@link #closeAsync()}, disposing leased connections too once
     * {@code timeout} has passed (at once for a zero or negative timeout). The future completes
     * once every connection is disposed, or once those disposals have completed after the
     * timeout (a connection whose hook still runs then is disposed when the hook returns, after
     * the future completed). It never completes exceptionally.
     *
     * @param timeout the longest to wait for leases, not null
     * @throws NullPointerException if {@code timeout} is null (thrown, not returned)
     */
    CompletableFuture<Void> closeAsync(Duration timeout);

    /**
     * {@code closeAsync().join()}: blocks the caller, without bound and ignoring interrupts,
     * until every leased connection is back and disposed.
     */
    @Override
    void close();
}
