package org.genericpool;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the blocking and the asynchronous pool have in common: configuration and statistics.
 *
 * <p><b>Thread-safety:</b> every method is safe for concurrent use. Only {@link #reconfigure}
 * calls the connection manager: it disposes surplus idle connections on the caller's thread (the
 * blocking pool waits for each dispose). Counts are read without stopping the pool, so two reads
 * (or two fields of one snapshot) may be a moment apart.
 *
 * @param <E> the endpoint type
 */
@ProviderType
public interface BaseConnectionPool<E> {

    /** @return the configuration in force now */
    PoolConfig config();

    /**
     * Applies a new configuration to the live pool without dropping connections. Growing limits
     * wakes waiters; shrinking limits disposes surplus idle connections at once and surplus leased
     * ones when they come back; new timeouts apply to the deadlines of existing connections.
     *
     * @param config the new configuration, not null; start from {@code config().toBuilder()} to
     *               keep the name
     * @throws NullPointerException     if {@code config} is null
     * @throws IllegalArgumentException if {@code config} has another {@link PoolConfig#name()} or
     *                                  another {@link PoolConfig#backgroundCollector()} (both are
     *                                  fixed when the pool is created); the pool then keeps its
     *                                  old configuration
     * @throws ConnectionPoolClosedException if the pool is closed; nothing changes
     */
    void reconfigure(PoolConfig config);

    /** @return the number of all connections, including ones being created */
    int size();

    /**
     * @param endpoint the endpoint, not null
     * @return the number of the endpoint's connections, including ones being created; 0 if unknown
     * @throws NullPointerException if {@code endpoint} is null
     */
    int size(E endpoint);

    /**
     * @param endpoint the endpoint, not null
     * @return the endpoint's statistics; all zeros for an endpoint the pool holds nothing for
     * @throws NullPointerException if {@code endpoint} is null
     */
    EndpointStats stats(E endpoint);

    /** @return the statistics of the whole pool */
    PoolStats stats();

    /** @return a snapshot of the endpoints that hold connections or waiters now */
    Set<E> endpoints();

    /** @return whether {@code close} has been called */
    boolean isClosed();
}
