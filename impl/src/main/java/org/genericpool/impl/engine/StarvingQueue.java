package org.genericpool.impl.engine;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The endpoints whose first waiter is held back by the total limit, in the order they started
 * to starve, each at most once ({@link Endpoint#starving}). Whoever frees capacity anywhere
 * serves them; {@link #isEmpty()} is a lock-free read so that the common case costs one
 * volatile load.
 *
 * <p>Thread-safety: the queue and every {@code Endpoint.starving} flag belong to {@link #lock},
 * which may be taken while an endpoint lock is held, never the reverse.
 */
final class StarvingQueue<E, C> {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Endpoint<E, C>> queue = new ArrayDeque<>();
    private volatile int size;

    boolean isEmpty() {
        return size == 0;
    }

    /** Queues {@code ep} at the tail unless it is queued already. */
    void add(Endpoint<E, C> ep) {
        lock.lock();
        try {
            if (!ep.starving) {
                ep.starving = true;
                queue.addLast(ep);
                size = queue.size();
            }
        } finally {
            lock.unlock();
        }
    }

    /** @return the endpoint that has starved longest, no longer queued; null if none */
    Endpoint<E, C> poll() {
        lock.lock();
        try {
            Endpoint<E, C> ep = queue.pollFirst();
            if (ep != null) {
                ep.starving = false;
            }
            size = queue.size();
            return ep;
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        lock.lock();
        try {
            queue.forEach(ep -> ep.starving = false);
            queue.clear();
            size = 0;
        } finally {
            lock.unlock();
        }
    }
}
