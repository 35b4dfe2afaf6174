package org.genericpool.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import stormpot.Allocator;
import stormpot.BasePoolable;
import stormpot.Expiration;
import stormpot.Pool;
import stormpot.Slot;
import stormpot.Timeout;

/**
 * Stormpot 3: not keyed, so one pool per endpoint in a map, each of the per-endpoint size; no
 * total limit. Inline allocation (in the claiming thread, no allocator thread, as the other
 * pools do), connections never expire, claims wait a day (Stormpot has no unbounded claim).
 */
final class StormpotAdapter implements PoolAdapter<StormpotAdapter.Entry> {

    private static final Timeout NO_TIMEOUT = new Timeout(1, TimeUnit.DAYS);

    private final ConcurrentHashMap<Endpoint, Pool<Entry>> pools = new ConcurrentHashMap<>();
    private final Connections connections;
    private final int size;

    StormpotAdapter(PoolSpec spec, Connections connections) {
        this.connections = connections;
        this.size = spec.maxPerEndpoint();
    }

    @Override
    public Entry acquire(Endpoint endpoint) throws Exception {
        Pool<Entry> pool = pools.get(endpoint);
        if (pool == null) {
            pool = pools.computeIfAbsent(endpoint, this::newPool);
        }
        return pool.claim(NO_TIMEOUT);
    }

    private Pool<Entry> newPool(Endpoint endpoint) {
        return Pool.fromInline(new EntryAllocator(endpoint, connections))
                .setSize(size)
                .setExpiration(Expiration.never())
                .build();
    }

    @Override
    public void release(Endpoint endpoint, Entry entry) {
        entry.release();
    }

    @Override
    public boolean enforcesTotal() {
        return false;
    }

    @Override
    public void close() {
        for (Pool<Entry> pool : pools.values()) {
            try {
                pool.shutdown().await(new Timeout(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The poolable Stormpot requires: a slot and the trivial connection. */
    static final class Entry extends BasePoolable {
        final BenchConnection connection;

        Entry(Slot slot, BenchConnection connection) {
            super(slot);
            this.connection = connection;
        }
    }

    private static final class EntryAllocator implements Allocator<Entry> {
        private final Endpoint endpoint;
        private final Connections connections;

        EntryAllocator(Endpoint endpoint, Connections connections) {
            this.endpoint = endpoint;
            this.connections = connections;
        }

        @Override
        public Entry allocate(Slot slot) {
            return new Entry(slot, connections.create(endpoint));
        }

        @Override
        public void deallocate(Entry entry) {
            connections.dispose(entry.connection);
        }
    }
}
