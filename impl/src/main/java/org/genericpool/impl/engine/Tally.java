package org.genericpool.impl.engine;

import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

import org.genericpool.EndpointStats;
import org.genericpool.PoolStats;

/**
 * The pool's statistics: live endpoints' counters summed on demand, plus the counters of
 * endpoints that were forgotten, so that pool totals survive them. Nothing here is on the
 * acquire or release path; a snapshot locks one endpoint at a time and never stops the pool.
 */
final class Tally {
    private final LongAdder created = new LongAdder();
    private final LongAdder disposed = new LongAdder();
    private final LongAdder dead = new LongAdder();
    private final LongAdder acquires = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    /**
     * Keeps the counters of an endpoint being forgotten and zeroes them, so that the endpoint,
     * if it is remembered and used again, starts over. Caller holds its lock. Endpoints that empty on
     * every operation (eviction at the total limit) fold from many threads at once, hence
     * {@link LongAdder}s, and zero counters are skipped.
     */
    void retire(Endpoint<?, ?> ep) {
        fold(created, ep.created);
        fold(disposed, ep.disposed);
        fold(dead, ep.dead);
        fold(acquires, ep.acquires);
        fold(timeouts, ep.timeouts);
        ep.created = 0;
        ep.disposed = 0;
        ep.dead = 0;
        ep.acquires = 0;
        ep.timeouts = 0;
    }

    private static void fold(LongAdder into, long n) {
        if (n != 0) {
            into.add(n);
        }
    }

    /** Counts {@code n} timeouts (negative: takes them back) of an endpoint that holds nothing. */
    void timeouts(int n) {
        timeouts.add(n);
    }

    /** @return {@code ep}'s statistics read under its lock, or null if it was forgotten */
    static EndpointStats read(Endpoint<?, ?> ep) {
        ep.lock();
        try {
            return ep.retired ? null : ep.statsLocked();
        } finally {
            ep.unlock();
        }
    }

    /** @return the pool's statistics */
    PoolStats sum(Collection<? extends Endpoint<?, ?>> endpoints, int total, int pending) {
        int acquired = 0;
        int idle = 0;
        int count = 0;
        long c = created.sum();
        long d = disposed.sum();
        long x = dead.sum();
        long a = acquires.sum();
        long t = timeouts.sum();
        for (Endpoint<?, ?> ep : endpoints) {
            EndpointStats s = read(ep);
            if (s == null) {
                continue;
            }
            acquired += s.acquired();
            idle += s.idle();
            c += s.created();
            d += s.disposed();
            x += s.dead();
            a += s.acquires();
            t += s.timeouts();
            count++;
        }
        return new PoolStats(total, acquired, idle, pending, count, c, d, x, a, t);
    }
}
