package org.genericpool.impl.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * An endpoint's attached entries, found by connection identity. Up to {@link #SCAN_LIMIT}
 * entries live in a small array searched with {@code ==} (no identity hash, no table per
 * endpoint, a few cache lines); above that an {@link IdentityHashMap} takes over for good.
 * Neither allocates on lookup, and neither allocates on add or remove once grown.
 * Guarded by the endpoint's lock.
 */
final class EntryIndex<E, C> {
    /** Above this many entries a scan costs more than a hash lookup. */
    static final int SCAN_LIMIT = 16;

    @SuppressWarnings("unchecked")
    private Entry<E, C>[] small = new Entry[2];
    private int size;
    private IdentityHashMap<C, Entry<E, C>> map;

    Entry<E, C> find(C connection) {
        if (map != null) {
            return map.get(connection);
        }
        Entry<E, C>[] a = small;
        for (int i = size - 1; i >= 0; i--) {
            if (a[i].connection == connection) {
                return a[i];
            }
        }
        return null;
    }

    void add(Entry<E, C> e) {
        if (map == null && size == SCAN_LIMIT) {
            map = new IdentityHashMap<>(SCAN_LIMIT * 2);
            for (int i = 0; i < size; i++) {
                map.put(small[i].connection, small[i]);
            }
            small = null;
        }
        if (map != null) {
            map.put(e.connection, e);
        } else {
            if (size == small.length) {
                small = Arrays.copyOf(small, size * 2);
            }
            e.indexSlot = size;
            small[size++] = e;
        }
    }

    void remove(Entry<E, C> e) {
        if (map != null) {
            map.remove(e.connection);
            return;
        }
        int i = e.indexSlot;
        Entry<E, C> last = small[--size];
        small[i] = last;
        last.indexSlot = i;
        small[size] = null;
    }

    /** @return a copy of the entries */
    List<Entry<E, C>> snapshot() {
        return map != null ? new ArrayList<>(map.values()) : new ArrayList<>(Arrays.asList(small).subList(0, size));
    }
}
