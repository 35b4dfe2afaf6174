package org.genericpool.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.genericpool.ConnectionPools;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;

/**
 * genericpool, {@code CompletableFuture} flavour: each operation joins the acquire's future
 * and the release's future, so it ends only once the pool is done with it.
 */
final class GenericPoolAsyncAdapter implements PoolAdapter<BenchConnection> {

    private final AsyncConnectionPool<Endpoint, BenchConnection> pool;

    GenericPoolAsyncAdapter(PoolSpec spec, Connections connections) {
        this(spec, connections, null);
    }

    /** @param acquireTimeout the configured acquire timeout, null for none (the keyed scenarios' setting) */
    GenericPoolAsyncAdapter(PoolSpec spec, Connections connections, Duration acquireTimeout) {
        pool = ConnectionPools.createAsync(new Manager(connections),
                GenericPoolAdapter.config(spec, "genericpool-async", acquireTimeout));
    }

    @Override
    public BenchConnection acquire(Endpoint endpoint) {
        return pool.acquire(endpoint).join();
    }

    @Override
    public void release(Endpoint endpoint, BenchConnection connection) {
        pool.release(endpoint, connection).join();
    }

    @Override
    public boolean enforcesTotal() {
        return true;
    }

    @Override
    public void close() {
        pool.closeAsync(Duration.ofSeconds(10)).join();
    }

    private static final class Manager implements AsyncConnectionManager<Endpoint, BenchConnection> {
        private final Connections connections;

        Manager(Connections connections) {
            this.connections = connections;
        }

        @Override
        public CompletionStage<BenchConnection> create(Endpoint endpoint) {
            return CompletableFuture.completedFuture(connections.create(endpoint));
        }

        @Override
        public CompletionStage<Void> dispose(Endpoint endpoint, BenchConnection connection) {
            connections.dispose(connection);
            return CompletableFuture.completedFuture(null);
        }
    }
}
