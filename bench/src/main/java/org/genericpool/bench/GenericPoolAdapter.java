package org.genericpool.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;

/**
 * genericpool, blocking flavour, created through {@link ConnectionPools} (the engine is found
 * with ServiceLoader). The manager keeps the interface's defaults for aliveness and the hooks,
 * which both flavours skip (a default check answers alive, a default hook does nothing), as they
 * would for any manager that leaves them out; a manager that implements one has it called.
 */
final class GenericPoolAdapter implements PoolAdapter<BenchConnection> {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ConnectionPool<Endpoint, BenchConnection> pool;

    GenericPoolAdapter(PoolSpec spec, Connections connections) {
        this(spec, connections, null);
    }

    /** @param acquireTimeout the configured acquire timeout, null for none (the keyed scenarios' setting) */
    GenericPoolAdapter(PoolSpec spec, Connections connections, Duration acquireTimeout) {
        pool = ConnectionPools.create(new Manager(connections), config(spec, "genericpool", acquireTimeout));
    }

    /**
     * @return the configuration both flavours run with: the scenario's limits, no acquire
     *         timeout, no collector thread, and timeouts long enough that nothing expires in a trial
     */
    static PoolConfig config(PoolSpec spec, String flavour) {
        return config(spec, flavour, null);
    }

    /** @return {@link #config(PoolSpec, String)} with {@code acquireTimeout} (null: none) */
    static PoolConfig config(PoolSpec spec, String flavour, Duration acquireTimeout) {
        return PoolConfig.builder()
                .name("bench-" + flavour + "-" + SEQUENCE.incrementAndGet())
                .maxSize(spec.maxPerEndpoint())
                .totalMaxSize(spec.totalMax())
                .minIdle(1)
                .idleTimeout(Duration.ofHours(1))
                .maxLifetime(Duration.ofHours(24))
                .acquireTimeout(acquireTimeout)
                .backgroundCollector(false)
                .build();
    }

    @Override
    public BenchConnection acquire(Endpoint endpoint) throws InterruptedException {
        return pool.acquire(endpoint);
    }

    @Override
    public void release(Endpoint endpoint, BenchConnection connection) {
        pool.release(endpoint, connection);
    }

    @Override
    public boolean enforcesTotal() {
        return true;
    }

    @Override
    public void close() {
        pool.close(Duration.ofSeconds(10));
    }

    private static final class Manager implements ConnectionManager<Endpoint, BenchConnection> {
        private final Connections connections;

        Manager(Connections connections) {
            this.connections = connections;
        }

        @Override
        public BenchConnection create(Endpoint endpoint, Duration timeout) {
            return connections.create(endpoint);
        }

        @Override
        public void dispose(Endpoint endpoint, BenchConnection connection, Duration timeout) {
            connections.dispose(connection);
        }
    }
}
