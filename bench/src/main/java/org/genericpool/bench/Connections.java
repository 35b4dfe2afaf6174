package org.genericpool.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connection factory every adapter uses: it does nothing but count. A connection is live
 * from {@link #create} until {@link #dispose}, which is how DESIGN.md counts a slot, so
 * {@link #maxLive()} is the most connections a pool ever held at once: the figure that proves a
 * total limit held. Thread-safe; creation is off every pool's fast path, so the counting costs
 * the same for every pool and nothing in a steady state.
 */
public final class Connections {

    private final AtomicLong created = new AtomicLong();
    private final AtomicLong disposed = new AtomicLong();
    private final AtomicLong doubleDisposals = new AtomicLong();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger maxLive = new AtomicInteger();

    /** @return a new connection to {@code endpoint} */
    public BenchConnection create(Endpoint endpoint) {
        created.incrementAndGet();
        int now = live.incrementAndGet();
        maxLive.accumulateAndGet(now, Math::max);
        return new BenchConnection(endpoint);
    }

    /** Disposes {@code connection}; a second dispose of the same connection is counted as an error. */
    public void dispose(BenchConnection connection) {
        if (connection.markDisposed()) {
            disposed.incrementAndGet();
            live.decrementAndGet();
        } else {
            doubleDisposals.incrementAndGet();
        }
    }

    /** @return connections created so far */
    public long created() {
        return created.get();
    }

    /** @return connections disposed so far */
    public long disposed() {
        return disposed.get();
    }

    /** @return connections created and not yet disposed */
    public int live() {
        return live.get();
    }

    /** @return the most connections live at once */
    public int maxLive() {
        return maxLive.get();
    }

    /** @return how often a connection was disposed a second time (a pool bug; must stay 0) */
    public long doubleDisposals() {
        return doubleDisposals.get();
    }
}
