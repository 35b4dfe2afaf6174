package org.genericpool.impl.engine;

import org.genericpool.impl.expiry.Timeouts;

/**
 * One pooled connection and its bookkeeping. Every field but the final ones belongs to the
 * lock of its {@link Endpoint}.
 *
 * <p>States: {@link #IDLE} (in one of the endpoint's idle lists), {@link #HANDING} (taken for an
 * acquirer whose manager hooks run on it), {@link #LEASED} (handed to an acquirer; without hooks
 * a take goes straight here), {@link #RETURNING} (its {@code onRelease} hook is running),
 * {@link #GONE} (detached: out of every list and index, to be or being disposed; terminal).
 * Transitions: IDLE -&gt; HANDING or LEASED (take), HANDING -&gt; LEASED (hooks passed),
 * LEASED -&gt; RETURNING -&gt; IDLE, HANDING/LEASED (hand-off) or GONE, any -&gt; GONE (expiry,
 * eviction, discard, close). A force-close after its timeout disposes only LEASED entries: those
 * in HANDING or RETURNING are disposed by the thread running their hook when it returns, so the
 * manager never sees a dispose overlap another callback on the same connection.
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public final class Entry<E, C> {
    static final int IDLE = 0;
    static final int LEASED = 1;
    static final int RETURNING = 2;
    static final int GONE = 3;
    /** Taken for an acquirer whose manager hooks (aliveness check, onAcquire) run on it now. */
    static final int HANDING = 4;

    final Endpoint<E, C> endpoint;
    final C connection;
    final long createdAt;

    int state;
    /** Whether, while idle, it is an extra (idle-timeout) rather than a core connection. */
    boolean extra;
    long releasedAt;
    /** Whether {@link PoolCore#disposed} freed its slots already (by its dispose returning, or a watchdog). */
    boolean slotsFreed;
    /** Its place in the endpoint's {@link EntryIndex} while that is an array. */
    int indexSlot;
    /** Links of the idle list it is in. */
    Entry<E, C> prev;
    Entry<E, C> next;

    Entry(Endpoint<E, C> endpoint, C connection, long createdAt) {
        this.endpoint = endpoint;
        this.connection = connection;
        this.createdAt = createdAt;
    }

    /** @return when this idle connection expires under {@code t}; read under its endpoint's lock */
    long deadline(Timeouts t) {
        return t.deadline(createdAt, releasedAt, extra);
    }

    /** @return the endpoint key */
    public E key() {
        return endpoint.key;
    }

    /** @return the connection */
    public C connection() {
        return connection;
    }
}
