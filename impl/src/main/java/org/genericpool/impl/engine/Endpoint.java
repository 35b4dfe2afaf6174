package org.genericpool.impl.engine;


import org.genericpool.EndpointStats;
import org.genericpool.impl.expiry.ExpiryHeap;
import org.genericpool.impl.expiry.Timeouts;

/**
 * The state of one endpoint. Everything here is guarded by {@link #lock} except the
 * {@link ExpiryHeap.Node} fields, which belong to {@link IdleIndex} (see there who may change them
 * and when), and {@link #starving}, which belongs to {@link StarvingQueue}.
 *
 * <p>Invariants (under {@link #lock}):
 * <ul>
 *   <li>{@code slots} = entries in {@link #entries} + detached entries not yet disposed + creates in flight
 *       + reservations of acquirers evicting elsewhere for a total slot ({@code NEED_TOTAL}) or going
 *       on after a dead connection ({@code markDead});
 *       {@code slots <= maxSize} except after a shrinking reconfiguration.</li>
 *   <li>{@code leased} = entries in state LEASED or RETURNING.</li>
 *   <li>An endpoint with idle entries has no waiters: a connection that comes back goes to the
 *       first waiter before it may go idle, and an acquirer takes idle before it may queue.</li>
 *   <li>{@code retired} (forgotten) is set when {@code slots == 0} and no waiter is queued: its
 *       counters are folded into the pool's and zeroed, and it no longer shows in statistics or
 *       {@code endpoints()}. A retired endpoint is either out of the pool's map for good
 *       ({@code dormant} false: never used again), or {@code dormant}: still in the map, and the
 *       next acquire of its key revives it (clears both flags) instead of making a new one.</li>
 * </ul>
 */
final class Endpoint<E, C> extends ExpiryHeap.Node {
    /**
     * Spins before a contended lock parks: worth it only with cores to spare, where the holder
     * is running; on one or two cores the holder has most likely been preempted, and spinning
     * only delays it (measured in bench: 0 spins beat 128 on 2 cores).
     */
    private static final int SPINS = Runtime.getRuntime().availableProcessors() >= 4 ? 64 : 0;

    final E key;
    final EndpointLock lock = new EndpointLock();
    final IdleList<E, C> core = new IdleList<>();
    final IdleList<E, C> extra = new IdleList<>();
    final WaiterQueue<E, C> waiters = new WaiterQueue<>();
    /** Every attached entry by connection identity; connections are told apart by identity. */
    final EntryIndex<E, C> entries = new EntryIndex<>();

    int slots;
    /** Detached entries being disposed: still in {@link #slots}, no longer in the statistics. */
    int disposing;
    int leased;
    /** Forgotten; written under {@link #lock}, volatile so that listing endpoints need not lock. */
    volatile boolean retired;
    /** Retired but kept in the registry's map for reuse (see {@link EndpointRegistry}). */
    boolean dormant;
    /** Queued in the pool's {@link StarvingQueue}; guarded by its lock. */
    boolean starving;

    long created;
    long disposed;
    long dead;
    long acquires;
    long timeouts;

    Endpoint(E key) {
        this.key = key;
    }

    /**
     * Locks this endpoint, spinning briefly before parking: the critical sections are tens of
     * nanoseconds, so a short spin wins over a park and unpark (microseconds) when contended.
     */
    void lock() {
        if (lock.tryLock()) {
            return;
        }
        for (int i = 0; i < SPINS; i++) {
            Thread.onSpinWait();
            if (lock.tryLock()) {
                return;
            }
        }
        lock.lock();
    }

    /** @return whether the lock was free and is now held by the caller; never waits */
    boolean tryLock() {
        return lock.tryLock();
    }

    void unlock() {
        lock.unlock();
    }

    /** @return the idle connection that expires first under {@code t} (a scan of this endpoint's idle ones), or null */
    Entry<E, C> soonestIdle(Timeouts t) {
        Entry<E, C> a = soonestIn(core, t);
        Entry<E, C> b = soonestIn(extra, t);
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.deadline(t) - a.deadline(t) < 0 ? b : a;
    }

    private static <E, C> Entry<E, C> soonestIn(IdleList<E, C> list, Timeouts t) {
        Entry<E, C> best = null;
        long bestAt = 0;
        for (Entry<E, C> e = list.head(); e != null; e = e.next) {
            long at = e.deadline(t);
            if (best == null || at - bestAt < 0) {
                best = e;
                bestAt = at;
            }
        }
        return best;
    }

    int idle() {
        return core.size() + extra.size();
    }

    boolean isEmpty() {
        return slots == 0 && waiters.isEmpty();
    }

    EndpointStats statsLocked() {
        return new EndpointStats(slots - disposing, leased, idle(), waiters.size(), created, disposed, dead, acquires, timeouts);
    }
}
