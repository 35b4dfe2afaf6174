package org.genericpool.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import com.zaxxer.hikari.util.ConcurrentBag;
import com.zaxxer.hikari.util.ConcurrentBag.IConcurrentBagEntry;

/**
 * HikariCP's {@link ConcurrentBag}, one per endpoint in a map, each filled with the
 * per-endpoint maximum up front: a floor, since the bag only hands entries off and never
 * creates, validates, expires or limits anything. No total limit.
 */
final class HikariBagAdapter implements PoolAdapter<HikariBagAdapter.Entry> {

    private static final long NO_TIMEOUT_DAYS = 1;

    private final ConcurrentHashMap<Endpoint, ConcurrentBag<Entry>> bags = new ConcurrentHashMap<>();
    private final Connections connections;
    private final int size;

    HikariBagAdapter(PoolSpec spec, Endpoint[] endpoints, Connections connections) {
        this.connections = connections;
        this.size = spec.maxPerEndpoint();
        for (Endpoint endpoint : endpoints) {
            bags.put(endpoint, newBag(endpoint));
        }
    }

    private ConcurrentBag<Entry> newBag(Endpoint endpoint) {
        ConcurrentBag<Entry> bag = new ConcurrentBag<>(waiting -> { });
        for (int i = 0; i < size; i++) {
            bag.add(new Entry(connections.create(endpoint)));
        }
        return bag;
    }

    @Override
    public Entry acquire(Endpoint endpoint) throws InterruptedException {
        ConcurrentBag<Entry> bag = bags.get(endpoint);
        if (bag == null) {
            bag = bags.computeIfAbsent(endpoint, this::newBag);
        }
        return bag.borrow(NO_TIMEOUT_DAYS, TimeUnit.DAYS);
    }

    @Override
    public void release(Endpoint endpoint, Entry entry) {
        bags.get(endpoint).requite(entry);
    }

    @Override
    public boolean enforcesTotal() {
        return false;
    }

    @Override
    public void close() {
        for (ConcurrentBag<Entry> bag : bags.values()) {
            for (Entry entry : bag.values()) {
                if (bag.reserve(entry) && bag.remove(entry)) {
                    connections.dispose(entry.connection);
                }
            }
            bag.close();
        }
    }

    /** A bag entry: a state word and the trivial connection. */
    static final class Entry implements IConcurrentBagEntry {
        private static final AtomicIntegerFieldUpdater<Entry> STATE =
                AtomicIntegerFieldUpdater.newUpdater(Entry.class, "state");

        final BenchConnection connection;
        private volatile int state;

        Entry(BenchConnection connection) {
            this.connection = connection;
        }

        @Override
        public boolean compareAndSet(int expect, int update) {
            return STATE.compareAndSet(this, expect, update);
        }

        @Override
        public void setState(int update) {
            state = update;
        }

        @Override
        public int getState() {
            return state;
        }
    }
}
