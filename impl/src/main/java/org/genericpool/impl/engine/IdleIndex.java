package org.genericpool.impl.engine;

import java.util.concurrent.locks.ReentrantLock;

import org.genericpool.impl.expiry.ExpiryHeap;

/**
 * Which endpoints hold idle connections, ordered by when their first idle connection may
 * expire: the index that both expiry and eviction at the total limit read.
 *
 * <p>Invariant: an endpoint with idle connections is in the heap, due no later than the
 * earliest deadline among them. It may be due early (the connection that set the time was taken
 * since); whoever finds it due recomputes the time. A node is inserted, moved or removed only
 * while its endpoint's lock is held as well, so under that lock its schedule is stable and a
 * release reads it without taking {@link #lock}.
 *
 * <p>Thread-safety: the heap belongs to {@link #lock}, taken after an endpoint lock, never
 * before; {@link #nextExpiry()} and {@link #peek()} read what the last change published,
 * without a lock.
 */
final class IdleIndex<E, C> {
    private final ReentrantLock lock = new ReentrantLock();
    private final ExpiryHeap<Endpoint<E, C>> heap = new ExpiryHeap<>();
    /** The heap's earliest due time, {@link Long#MAX_VALUE} when empty. */
    private volatile long nextExpiry = Long.MAX_VALUE;
    /** The heap's first endpoint, null when empty: published with {@link #nextExpiry} so that peeking takes no lock. */
    private volatile Endpoint<E, C> first;
    private volatile Runnable listener = () -> { };

    /** Sets what to call when the earliest due time moved earlier (the collector's wake-up). */
    void listener(Runnable listener) {
        this.listener = listener;
    }

    long nextExpiry() {
        return nextExpiry;
    }

    /** Whether some endpoint holds an idle connection; lock-free. */
    boolean hasIdle() {
        return nextExpiry != Long.MAX_VALUE;
    }

    /**
     * @return the endpoint due first when last looked, or null; lock-free, so the caller
     *         re-checks it under the endpoint's lock ({@code isScheduled}, {@code scheduledAt})
     */
    Endpoint<E, C> peek() {
        return first;
    }

    /** Makes {@code ep} due no later than {@code at}; takes the lock only if that moves it. Caller holds ep's lock. */
    void scheduleNoLaterThan(Endpoint<E, C> ep, long at) {
        if (ep.isScheduled() && ep.scheduledAt() - at <= 0) {
            return; // already due no later: the common case of a busy endpoint
        }
        boolean earlier;
        lock.lock();
        try {
            heap.scheduleNoLaterThan(ep, at);
            earlier = updateNextExpiry();
        } finally {
            lock.unlock();
        }
        if (earlier) {
            listener.run();
        }
    }

    /** Sets {@code ep} due exactly at {@code at}, or removes it when it holds nothing idle. Caller holds ep's lock. */
    void reschedule(Endpoint<E, C> ep, boolean hasIdle, long at) {
        if (!hasIdle && !ep.isScheduled()) {
            return;
        }
        boolean earlier;
        lock.lock();
        try {
            if (hasIdle) {
                heap.reschedule(ep, at);
            } else {
                heap.remove(ep);
            }
            earlier = updateNextExpiry();
        } finally {
            lock.unlock();
        }
        if (earlier) {
            listener.run();
        }
    }

    /** Wakes the listener, after a configuration change moved deadlines. */
    void poke() {
        listener.run();
    }

    private boolean updateNextExpiry() {
        Endpoint<E, C> top = heap.peek();
        first = top;
        long next = top == null ? Long.MAX_VALUE : top.scheduledAt();
        long old = nextExpiry;
        nextExpiry = next;
        return next != Long.MAX_VALUE && (old == Long.MAX_VALUE || next - old < 0);
    }
}
