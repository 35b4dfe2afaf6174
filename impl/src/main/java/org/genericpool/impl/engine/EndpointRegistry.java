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
 * <p>Thread-safety: the map is concurrent; lookups take no lock.
 */
final class EndpointRegistry<E, C> {
    /** Forgotten endpoints stay dormant only while the map holds at most this many (~300 B each). */
    static final int MAX_HELD = 1024;

    private final ConcurrentHashMap<E, Endpoint<E, C>> map = new ConcurrentHashMap<>();

    /** @return the endpoint of {@code key} in the map (live or dormant), or null */
    Endpoint<E, C> get(E key) {
        return map.get(key);
    }

    /** @return every endpoint in the map, dormant ones included (callers skip retired ones under their lock) */
    Collection<Endpoint<E, C>> all() {
        return map.values();
    }

    /** Locks and returns the live endpoint of {@code key}: the one in the map, revived if dormant, or a new one. */
    Endpoint<E, C> lockLive(E key) {
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
            if (ep.retired && ep.dormant) {
                ep.dormant = false;
                ep.retired = false; // its counters were zeroed when it was retired
            }
            if (!ep.retired) {
                return ep;
            }
            ep.unlock(); // out of the map for good: look again
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
