package org.genericpool.impl.jmx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.impl.flavour.AbstractPool;
import org.genericpool.management.ConnectionPoolMXBean;
import org.genericpool.management.EndpointStatsRow;

/**
 * The MXBean of one pool: reads the pool's configuration and statistics on each call, without
 * stopping it. The endpoint table keeps the {@value ConnectionPoolMXBean#MAX_ENDPOINT_ROWS}
 * endpoints holding the most connections, chosen with a bounded heap in one pass.
 */
final class PoolMXBeanImpl implements ConnectionPoolMXBean {

    private static final Comparator<EndpointStatsRow> BY_TOTAL =
            Comparator.comparingInt(EndpointStatsRow::getTotal).thenComparing(EndpointStatsRow::getEndpoint);

    private final AbstractPool<?, ?> pool;

    PoolMXBeanImpl(AbstractPool<?, ?> pool) {
        this.pool = pool;
    }

    private PoolConfig config() {
        return pool.config();
    }

    private PoolStats stats() {
        return pool.stats();
    }

    @Override
    public String getName() {
        return pool.name();
    }

    @Override
    public int getSize() {
        return pool.size();
    }

    @Override
    public int getAcquired() {
        return stats().acquired();
    }

    @Override
    public int getIdle() {
        return stats().idle();
    }

    @Override
    public int getPending() {
        return pool.core().pending();
    }

    @Override
    public int getEndpointCount() {
        return pool.core().endpointCount();
    }

    @Override
    public int getMinIdle() {
        return config().minIdle();
    }

    @Override
    public int getMaxSize() {
        return config().maxSize();
    }

    @Override
    public int getTotalMaxSize() {
        return config().totalMaxSize();
    }

    @Override
    public double getIdleTimeoutSeconds() {
        return seconds(config().idleTimeout().getSeconds(), config().idleTimeout().getNano());
    }

    @Override
    public double getMaxLifetimeSeconds() {
        return seconds(config().maxLifetime().getSeconds(), config().maxLifetime().getNano());
    }

    @Override
    public double getAcquireTimeoutSeconds() {
        return config().acquireTimeout().map(d -> seconds(d.getSeconds(), d.getNano())).orElse(-1.0);
    }

    private static double seconds(long seconds, int nanos) {
        return seconds + nanos / 1e9;
    }

    @Override
    public boolean isBackgroundCollector() {
        return config().backgroundCollector();
    }

    @Override
    public long getCreated() {
        return stats().created();
    }

    @Override
    public long getDisposed() {
        return stats().disposed();
    }

    @Override
    public long getDead() {
        return stats().dead();
    }

    @Override
    public long getAcquires() {
        return stats().acquires();
    }

    @Override
    public long getTimeouts() {
        return stats().timeouts();
    }

    @Override
    public List<EndpointStatsRow> getEndpointStats() {
        PriorityQueue<EndpointStatsRow> top = new PriorityQueue<>(BY_TOTAL);
        pool.forEachEndpoint((endpoint, s) -> {
            if (top.size() < MAX_ENDPOINT_ROWS) {
                top.add(EndpointStatsRow.of(endpoint, s));
            } else if (s.total() > top.peek().getTotal()) {
                top.poll();
                top.add(EndpointStatsRow.of(endpoint, s));
            }
        });
        List<EndpointStatsRow> rows = new ArrayList<>(top);
        rows.sort(BY_TOTAL.reversed());
        return rows;
    }

    @Override
    public int evictIdle() {
        return pool.evictIdle();
    }
}
