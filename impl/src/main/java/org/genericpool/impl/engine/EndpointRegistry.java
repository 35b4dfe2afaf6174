package org.genericpool.impl.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

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
 *   <li>{@link #dormant} counts the dormant endpoints in the map: about {@link #MAX_DORMANT} at
 *       most (racing retirements may overshoot by a few).</li>
 * </ul>
 *
 * <p>Thread-safety: the map is concurrent; lookups take no lock. Counters that endpoints emptying
 * on every operation change from many threads are {@link LongAdder}s.
 */
final class EndpointRegistry<E, C> {
    /** How many forgotten endpoints stay in the map, dormant (~300 B each). */
    static final int MAX_DORMANT = 256;

    private final ConcurrentHashMap<E, Endpoint<E, C>> map = new ConcurrentHashMap<>();
    private final LongAdder dormant = new LongAdder();

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
                ep.retired = false;
                dormant.decrement(); // its counters were zeroed when it was retired
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
        if (mayKeep && dormant.sum() < MAX_DORMANT) {
            dormant.increment();
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

    /** @return how many endpoints are not forgotten; exact when the pool is quiet */
    int liveCount() {
        return Math.max(0, map.size() - (int) dormant.sum());
    }
}
