package org.genericpool.impl;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPoolFactory;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.impl.flavour.AsyncPool;
import org.genericpool.impl.flavour.BlockingPool;

/**
 * The engine's {@link ConnectionPoolFactory}, found by {@link java.util.ServiceLoader} and
 * registered as an OSGi service. Stateless and thread-safe; every pool it makes registers its
 * own MXBean while it is open.
 */
public final class DefaultConnectionPoolFactory implements ConnectionPoolFactory {

    /** Creates the factory; it holds no state. */
    public DefaultConnectionPoolFactory() {
    }

    @Override
    public <E, C> ConnectionPool<E, C> create(ConnectionManager<E, C> manager, PoolConfig config) {
        return new BlockingPool<>(manager, config);
    }

    @Override
    public <E, C> AsyncConnectionPool<E, C> createAsync(AsyncConnectionManager<E, C> manager, PoolConfig config) {
        return new AsyncPool<>(manager, config);
    }
}
