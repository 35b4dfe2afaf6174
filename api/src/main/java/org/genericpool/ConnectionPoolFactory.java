package org.genericpool;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes pools. Implemented by {@code org.genericpool.impl}; found through
 * {@link java.util.ServiceLoader} (see {@link ConnectionPools}) or as an OSGi service.
 * Thread-safe.
 */
@ProviderType
public interface ConnectionPoolFactory {

    /**
     * Creates an open blocking pool and registers its MXBean.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if an open pool of this JVM already has {@code config.name()}
     */
    <E, C> ConnectionPool<E, C> create(ConnectionManager<E, C> manager, PoolConfig config);

    /**
     * Creates an open asynchronous pool and registers its MXBean.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if an open pool of this JVM already has {@code config.name()}
     */
    <E, C> AsyncConnectionPool<E, C> createAsync(AsyncConnectionManager<E, C> manager, PoolConfig config);
}
