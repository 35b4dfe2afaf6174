package org.genericpool;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Knows how to create, check and dispose one kind of connection to one kind of endpoint.
 *
 * <p>Implemented by users and by the contrib modules; called by the blocking
 * {@link ConnectionPool}. The pool never calls a method of the manager while it holds a lock of
 * its own, so a slow {@code create} for one endpoint stalls no other endpoint.
 *
 * <p><b>Thread-safety:</b> implementations must be safe for concurrent use by many threads;
 * the pool calls them concurrently for different connections and never concurrently for the
 * same connection.
 *
 * <p><b>Failures:</b> an unchecked exception reaches the caller unchanged; a checked one is
 * wrapped in {@link ConnectionManagerException}. A {@link java.net.SocketTimeoutException} or
 * {@link java.util.concurrent.TimeoutException} thrown by {@link #create} becomes an
 * {@link AcquireTimeoutException}. What the pool does with the connection after each failure is
 * described on each method.
 *
 * @param <E> the endpoint type, used as a map key: it must have a stable {@code equals}/{@code hashCode}
 * @param <C> the connection type; connections are told apart by identity
 */
@ConsumerType
public interface ConnectionManager<E, C> {

    /**
     * Opens a new connection to {@code endpoint}.
     *
     * @param endpoint the endpoint, never null
     * @param timeout  the time left of the acquirer's budget, possibly zero, never negative; or
     *                 {@code null} when unbounded (or when the acquirer asked not to wait at all):
     *                 the manager's own timeouts then apply
     * @return the new connection, never null (a null return fails the acquire with
     *         {@link NullPointerException})
     * @throws Exception when the connection cannot be made; its slot is freed and the acquirer
     *                   gets the failure
     */
    C create(E endpoint, Duration timeout) throws Exception;

    /**
     * Closes a connection. Called exactly once per connection that {@link #create} returned.
     *
     * @param endpoint   the connection's endpoint
     * @param connection the connection
     * @param timeout    the pool's {@link PoolConfig#disposeTimeout()}, possibly zero, or
     *                   {@code null} when none is configured; the manager decides what a zero or
     *                   null one bounds. With a timeout, the pool frees the connection's slots
     *                   once it has passed even if this call has not returned (except for a
     *                   connection evicted to make room: that acquire waits for the dispose).
     * @throws Exception logged; the connection counts as gone; also reported to the caller of
     *                   {@code discard} (a {@code release} that disposes only logs it)
     */
    void dispose(E endpoint, C connection, Duration timeout) throws Exception;

    /**
     * Tells whether an idle connection is still usable; called before each hand-out of an
     * idle connection. Must be fast and must not block for long.
     *
     * @param endpoint   the connection's endpoint
     * @param connection the idle connection
     * @param timeout    the time left of the acquirer's budget, possibly zero, never negative; or
     *                   {@code null} when the acquire is untimed (or asked not to wait at all)
     * @return {@code false} if the connection is dead: it is then removed,
     *         {@link #onConnectionDead} is called and it is disposed
     * @throws Exception the connection goes back idle and the acquirer gets the failure
     */
    default boolean checkAliveness(E endpoint, C connection, Duration timeout) throws Exception {
        return true;
    }

    /**
     * Called on every hand-out of a connection, after the aliveness check.
     *
     * @throws Exception the connection goes back idle and the acquirer gets the failure
     */
    default void onAcquire(E endpoint, C connection) throws Exception {
    }

    /**
     * Called on every release, before the connection goes back idle.
     *
     * @throws Exception the connection is still taken back (idle, to a waiter, or disposed if
     *                   it is not wanted back), the release disposes nothing further, and the
     *                   caller of {@code release} gets the failure
     */
    default void onRelease(E endpoint, C connection) throws Exception {
    }

    /**
     * Called when {@link #checkAliveness} found a connection dead, before it is disposed.
     *
     * @throws Exception the connection is still disposed, and the acquire ends with the failure
     */
    default void onConnectionDead(E endpoint, C connection) throws Exception {
    }
}
