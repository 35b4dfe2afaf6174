package org.genericpool.impl.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool's endpoints by key: making them on first use, forgetting them when empty, and keeping
 * a bounded few of the forgotten ones <em>dormant</em> for reuse.
 *
 * <p>Why dormant endpoints: an endpoint that empties and is used again soon (an eviction at the
 * total limit took its last connection, and the next acquire of its key comes a moment later)
 * then costs no allocation and no map update. The bound keeps a pool that saw a million
 * endpoints small.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every endpoint that holds a slot or a waiter is in {@link #map} and not retired.</li>
 *   <li>A retired endpoint is either out of the map for good, or dormant: in the map, hidden from
 *       {@link #liveKeys()} and {@link #liveCount()}, and revived by the next {@link #lockLive}
 *       of its key. Its flags change only under its own lock.</li>
 *   <li>An endpoint is kept dormant only while the map holds at most {@link #MAX_HELD}
 *       endpoints (itself included), so dormant ones never take more than that many places (racing retirements may
 *       overshoot by a few). No count of them is kept: it would be one more write, shared by every
 *       thread, on each emptying and each revival.</li>
 * </ul>
 *
 * <p>Why a per-thread memo ({@link #recent}): the two map lookups were about a quarter of an uncontended
 * acquire and release (measured in bench, {@code hot_1t}), and a thread mostly asks for the
 * endpoint it asked for last (its release follows its acquire). Each thread has a slot (chosen by
 * its id; threads may share one) holding the endpoint it looked up last; a lookup whose key is
 * that endpoint's key object ({@code ==}, so no {@code equals} is called) and which is not
 * retired is answered from the slot. That answer is the map's: a live endpoint is in the map and
 * the only one of its key. A slot may hold a retired endpoint, which is never answered (only
 * revived, when dormant and so still in the map) and costs at most the slots' count of
 * endpoints of memory. Slots are plain fields written without synchronization: an endpoint's
 * key and lock are final, {@code retired} is volatile, and everything else is read under its
 * lock, so a racy read of a slot sees a usable endpoint or an outdated one, never a broken one.
 *
 * <p>Thread-safety: the map is concurrent; lookups take no lock.
 */
final class EndpointRegistry<E, C> {
    /** Forgotten endpoints stay dormant only while the map holds at most this many (~300 B each). */
    static final int MAX_HELD = 1024;

    /** Slots of the per-thread memo (a power of two). */
    private static final int RECENT_SLOTS = 16;
    /** Array elements from one slot to the next: 128 bytes at 4 B per (compressed) reference, so that two threads' slots never share a cache line (or an adjacent-line prefetch pair). */
    private static final int STRIDE = 32;

    private final ConcurrentHashMap<E, Endpoint<E, C>> map = new ConcurrentHashMap<>();
    /** The endpoint each thread's slot looked up last (see the class comment); element {@code slot * STRIDE}. */
    @SuppressWarnings("unchecked")
    private final Endpoint<E, C>[] recent = new Endpoint[RECENT_SLOTS * STRIDE];

    /** @return the endpoint of {@code key} in the map (live or dormant), or null */
    Endpoint<E, C> get(E key) {
        int slot = slot();
        Endpoint<E, C> ep = recent[slot];
        if (ep != null && ep.key == key && !ep.retired) {
            return ep;
        }
        ep = map.get(key);
        if (ep != null) {
            remember(slot, ep);
        }
        return ep;
    }

    /** @return every endpoint in the map, dormant ones included (callers skip retired ones under their lock) */
    Collection<Endpoint<E, C>> all() {
        return map.values();
    }

    /** Locks and returns the live endpoint of {@code key}: the one in the map, revived if dormant, or a new one. */
    Endpoint<E, C> lockLive(E key) {
        int slot = slot();
        Endpoint<E, C> known = recent[slot];
        if (known != null && known.key == key) {
            known.lock();
            if (liveLocked(known)) {
                return known;
            }
            known.unlock(); // out of the map for good: look it up
        }
        for (;;) {
            Endpoint<E, C> ep = map.get(key);
            if (ep == null) {
                Endpoint<E, C> fresh = new Endpoint<>(key);
                ep = map.putIfAbsent(key, fresh);
                if (ep == null) {
                    ep = fresh;
                }
            }
            ep.lock();
            if (liveLocked(ep)) {
                remember(slot, ep);
                return ep;
            }
            ep.unlock(); // out of the map for good: look again
        }
    }

    /** Revives {@code ep} if dormant; caller holds its lock. @return whether it is live (false: out of the map for good) */
    private static boolean liveLocked(Endpoint<?, ?> ep) {
        if (ep.retired && ep.dormant) {
            ep.dormant = false;
            ep.retired = false; // its counters were zeroed when it was retired
        }
        return !ep.retired;
    }

    /** @return the calling thread's element in {@link #recent} */
    private static int slot() {
        return ((int) Thread.currentThread().getId() & (RECENT_SLOTS - 1)) * STRIDE;
    }

    private void remember(int slot, Endpoint<E, C> ep) {
        if (recent[slot] != ep) { // a write only when it changes: the line stays clean on repeats
            recent[slot] = ep;
        }
    }

    /**
     * Forgets a retired endpoint; caller holds its lock and has marked it retired.
     *
     * @param mayKeep whether it may stay dormant (not when the pool is closed)
     */
    void forgetLocked(Endpoint<E, C> ep, boolean mayKeep) {
        if (mayKeep && map.size() <= MAX_HELD) {
            ep.dormant = true;
        } else {
            map.remove(ep.key, ep);
        }
    }

    /** @return the keys of the endpoints not forgotten */
    Set<E> liveKeys() {
        List<E> live = new ArrayList<>();
        for (Endpoint<E, C> ep : map.values()) {
            if (!ep.retired) {
                live.add(ep.key);
            }
        }
        return Set.copyOf(live);
    }

    /** @return how many endpoints are not forgotten (a walk of the map, as for statistics) */
    int liveCount() {
        int n = 0;
        for (Endpoint<E, C> ep : map.values()) {
            if (!ep.retired) {
                n++;
            }
        }
        return n;
    }
}
