package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPoolFactory;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link ConnectionPoolFactory} service: the engine's factory, one instance per using bundle
 * ({@link ServiceScope#BUNDLE}). The pools it returns are the engine's own objects. When the using
 * bundle releases the service (it stops, or this bundle stops), the pools it made and did not close
 * are closed, waiting at most {@link #ORPHAN_CLOSE_TIMEOUT} for leased connections, so no pool keeps
 * a stopped bundle's manager classes alive. Thread-safe.
 */
@Component(service = ConnectionPoolFactory.class, scope = ServiceScope.BUNDLE)
public final class ConnectionPoolFactoryComponent implements ConnectionPoolFactory {

    /** How long closing a stopped bundle's pools waits for their leased connections. */
    static final Duration ORPHAN_CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final Set<BaseConnectionPool<?>> pools = ConcurrentHashMap.newKeySet();

    /** Creates the service instance for one using bundle. */
    public ConnectionPoolFactoryComponent() {
    }

    @Override
    public <E, C> ConnectionPool<E, C> create(ConnectionManager<E, C> manager, PoolConfig config) {
        forgetClosed();
        return track(Engine.FACTORY.create(manager, config));
    }

    @Override
    public <E, C> AsyncConnectionPool<E, C> createAsync(AsyncConnectionManager<E, C> manager, PoolConfig config) {
        forgetClosed();
        return track(Engine.FACTORY.createAsync(manager, config));
    }

    /** Remembers a pool made for the using bundle, to close it if that bundle leaves it open. */
    private <P extends BaseConnectionPool<?>> P track(P pool) {
        pools.add(pool);
        return pool;
    }

    /** Closes the pools the using bundle left open. */
    @Deactivate
    void deactivate() {
        for (BaseConnectionPool<?> pool : pools) {
            if (pool instanceof ConnectionPool) {
                ((ConnectionPool<?, ?>) pool).close(ORPHAN_CLOSE_TIMEOUT);
            } else if (pool instanceof AsyncConnectionPool) {
                ((AsyncConnectionPool<?, ?>) pool).closeAsync(ORPHAN_CLOSE_TIMEOUT);
            }
        }
        pools.clear();
    }

    /** Drops closed pools, so a bundle that makes and closes many pools does not grow this set. */
    private void forgetClosed() {
        pools.removeIf(BaseConnectionPool::isClosed);
    }
}
