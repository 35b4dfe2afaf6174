package org.genericpool.bench;

import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.pool.LaxConnPool;
import org.apache.hc.core5.pool.ManagedConnPool;
import org.apache.hc.core5.pool.PoolEntry;
import org.apache.hc.core5.pool.StrictConnPool;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpCore 5 route pools: {@link StrictConnPool} (per-route and total limits, evicts an
 * idle connection of another route when the total binds) or {@link LaxConnPool} (per-route
 * limit only). Both hand out a {@link PoolEntry}; the caller creates the connection when the
 * entry has none, as HttpClient's connection manager does. Time to live infinite, LIFO reuse,
 * no lease timeout.
 */
final class HttpCoreAdapter implements PoolAdapter<PoolEntry<Endpoint, HttpCoreAdapter.Conn>> {

    private final ManagedConnPool<Endpoint, Conn> pool;
    private final Connections connections;
    private final boolean strict;

    private HttpCoreAdapter(ManagedConnPool<Endpoint, Conn> pool, Connections connections, boolean strict) {
        this.pool = pool;
        this.connections = connections;
        this.strict = strict;
    }

    static HttpCoreAdapter strict(PoolSpec spec, Connections connections) {
        return new HttpCoreAdapter(new StrictConnPool<>(spec.maxPerEndpoint(), spec.totalMax()), connections, true);
    }

    static HttpCoreAdapter lax(PoolSpec spec, Connections connections) {
        return new HttpCoreAdapter(new LaxConnPool<>(spec.maxPerEndpoint()), connections, false);
    }

    @Override
    public PoolEntry<Endpoint, Conn> acquire(Endpoint endpoint) throws Exception {
        PoolEntry<Endpoint, Conn> entry = pool.lease(endpoint, null, Timeout.DISABLED, null).get();
        if (!entry.hasConnection()) {
            entry.assignConnection(new Conn(connections, connections.create(endpoint)));
        }
        return entry;
    }

    @Override
    public void release(Endpoint endpoint, PoolEntry<Endpoint, Conn> entry) {
        pool.release(entry, true);
    }

    @Override
    public boolean enforcesTotal() {
        return strict;
    }

    @Override
    public void close() {
        pool.close(CloseMode.GRACEFUL);
    }

    /** HttpCore pools need a {@link ModalCloseable}; this one disposes the trivial connection. */
    static final class Conn implements ModalCloseable {
        private final Connections connections;
        private final BenchConnection connection;

        Conn(Connections connections, BenchConnection connection) {
            this.connections = connections;
            this.connection = connection;
        }

        @Override
        public void close(CloseMode closeMode) {
            if (!connection.isDisposed()) {
                connections.dispose(connection);
            }
        }

        @Override
        public void close() {
            close(CloseMode.GRACEFUL);
        }
    }
}
