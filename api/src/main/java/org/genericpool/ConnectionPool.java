package org.genericpool;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The blocking pool: connections to many endpoints, at most {@link PoolConfig#maxSize()} per
 * endpoint and {@link PoolConfig#totalMaxSize()} in all.
 *
 * <pre>{@code
 * try (var lease = pool.connection(endpoint)) {
 *     use(lease.connection());
 * }
 * }</pre>
 *
 * <p><b>Thread-safety:</b> all methods may be called from any thread. Waiting threads park
 * (they never hold a monitor, so virtual threads do not pin their carrier) and are served first
 * come, first served per endpoint. A release happens-before the next acquire of the same connection.
 *
 * <p><b>Failures</b> of the manager reach the caller as described on {@link ConnectionManager}.
 *
 * @param <E> the endpoint type
 * @param <C> the connection type
 */
@ProviderType
public interface ConnectionPool<E, C> extends BaseConnectionPool<E>, AutoCloseable {

    /**
     * Acquires a connection, waiting at most the configured {@link PoolConfig#acquireTimeout()}
     * (without limit when it is empty); otherwise as {@link #acquire(Object, Duration)}.
     *
     * @param endpoint the endpoint, not null
     * @return a connection leased to the caller until {@link #release} or {@link #discard}
     * @throws InterruptedException          if interrupted while waiting; the interrupt status is
     *                                       cleared and the pool keeps no trace of the call
     * @throws AcquireTimeoutException       if the deadline passed, or the manager's create timed out
     * @throws ConnectionPoolClosedException if the pool is or becomes closed
     * @throws ConnectionManagerException    if the manager failed with a checked exception
     * @throws NullPointerException          if {@code endpoint} is null
     * @see #acquire(Object, Duration)
     */
    C acquire(E endpoint) throws InterruptedException;

    /**
     * Acquires a connection to {@code endpoint}: an idle core connection, else an idle extra one,
     * else a new one if a slot is free (evicting the soonest-expiring idle connection of another
     * endpoint when only the total limit binds), else waits for one.
     *
     * @param endpoint the endpoint, not null
     * @param timeout  how long to wait; {@code null} means the configured acquire timeout; zero or
     *                 negative means do not wait (an idle or newly created connection is still returned)
     * @return a connection leased to the caller until {@link #release} or {@link #discard}
     * @throws InterruptedException          if interrupted while waiting (an interrupt that came
     *                                       before counts once the call waits); the interrupt
     *                                       status is cleared and the pool keeps no trace of the call
     * @throws AcquireTimeoutException       if the deadline passed, or the manager's create timed
     *                                       out ({@link java.net.SocketTimeoutException},
     *                                       {@link java.util.concurrent.TimeoutException})
     * @throws ConnectionPoolClosedException if the pool is or becomes closed
     * @throws ConnectionManagerException    if the manager failed with a checked exception (an
     *                                       {@code InterruptedException} of the manager's is wrapped
     *                                       too, with the interrupt status set again); a manager's
     *                                       unchecked exception passes unchanged
     * @throws NullPointerException          if {@code endpoint} is null
     */
    C acquire(E endpoint, Duration timeout) throws InterruptedException;

    /**
     * Gives a leased connection back. It goes to the next waiter, or back idle, or, if it is past
     * its lifetime, surplus after a reconfiguration or the pool is closed, it is disposed. Without
     * a background collector, a release also disposes up to {@link PoolConfig#disposeBatchSize()}
     * expired idle connections. Disposes run on the caller's thread; a failing dispose is logged,
     * not thrown.
     *
     * @param endpoint   the connection's endpoint, not null
     * @param connection the leased connection, not null
     * @throws ConnectionManagerException if the manager's {@code onRelease} failed with a checked
     *                                    exception (an unchecked one is thrown unchanged); the
     *                                    connection is taken back all the same, and no expired
     *                                    connections are disposed
     * @throws IllegalStateException if the connection is not leased from this pool (foreign, or
     *                               released already); nothing changes
     * @throws NullPointerException  if an argument is null
     */
    void release(E endpoint, C connection);

    /**
     * Gives back a broken leased connection: it is disposed, on the caller's thread, and its slot
     * freed. A connection that {@link #close(Duration)} disposed already is left alone.
     *
     * @param endpoint   the connection's endpoint, not null
     * @param connection the leased connection, not null
     * @throws ConnectionManagerException if the manager's dispose failed with a checked exception
     *                                    (an unchecked one is thrown unchanged); the connection
     *                                    counts as gone all the same
     * @throws IllegalStateException if the connection is not leased from this pool
     * @throws NullPointerException  if an argument is null
     */
    void discard(E endpoint, C connection);

    /**
     * Acquires a connection as a {@link Lease} for try-with-resources, with the configured
     * timeout; see {@link #acquire(Object)}.
     *
     * @param endpoint the endpoint, not null
     * @return the lease of a connection to {@code endpoint}
     * @throws InterruptedException if interrupted while waiting; other failures as
     *                              {@link #acquire(Object, Duration)}
     * @throws NullPointerException if {@code endpoint} is null
     */
    Lease<E, C> connection(E endpoint) throws InterruptedException;

    /**
     * Acquires a connection as a {@link Lease}; see {@link #acquire(Object, Duration)}.
     *
     * @param endpoint the endpoint, not null
     * @param timeout  how long to wait, as for {@link #acquire(Object, Duration)}
     * @return the lease of a connection to {@code endpoint}
     * @throws InterruptedException if interrupted while waiting; other failures as
     *                              {@link #acquire(Object, Duration)}
     * @throws NullPointerException if {@code endpoint} is null
     */
    Lease<E, C> connection(E endpoint, Duration timeout) throws InterruptedException;

    /**
     * Closes the pool: new acquires and waiters fail with {@link ConnectionPoolClosedException},
     * idle connections are disposed at once (on the caller's thread), and this call waits until
     * every leased connection is back and disposed. The wait has no bound and ignores interrupts:
     * a lease that never comes back blocks it for good (use {@link #close(Duration)}). Closing
     * twice does nothing more.
     */
    @Override
    void close();

    /**
     * Like {@link #close()}, but waits at most {@code timeout} for leases to come back and then
     * disposes the leased connections too; releasing one of those later is harmless. A zero or
     * negative timeout disposes the leased connections at once; so does an interrupt while
     * waiting, which leaves the interrupt status set.
     *
     * @param timeout the longest to wait for leases, not null
     * @throws NullPointerException if {@code timeout} is null
     */
    void close(Duration timeout);
}
