package org.genericpool.bench;

/**
 * The one interface through which the benchmarks drive every pool. Implementations add nothing
 * but the call into the pool: no validation, no expiry thread, no acquire timeout.
 *
 * @param <C> what the pool hands out (a connection, or the pool's own entry holding one)
 */
public interface PoolAdapter<C> extends AutoCloseable {

    /** @return a connection to {@code endpoint}, waiting as long as it takes */
    C acquire(Endpoint endpoint) throws Exception;

    /** Gives back a connection that {@link #acquire} returned for {@code endpoint}. */
    void release(Endpoint endpoint, C connection) throws Exception;

    /** @return whether the pool enforces a limit on all endpoints together */
    boolean enforcesTotal();

    /** Closes the pool and disposes its connections. */
    @Override
    void close();
}
