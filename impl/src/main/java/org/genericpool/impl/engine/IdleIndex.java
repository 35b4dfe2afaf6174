package org.genericpool.impl.engine;

import java.util.concurrent.locks.ReentrantLock;

import org.genericpool.impl.expiry.ExpiryHeap;

/**
 * Which endpoints hold idle connections, ordered by when their first idle connection may
 * expire: the index that both expiry and eviction at the total limit read.
 *
 * <p>Invariant: an endpoint with idle connections is in the heap, due no later than the
 * earliest deadline among them, except for two moments: between a release that made a
 * connection idle unlocking the endpoint and scheduling it ({@link #scheduleNoLaterThan}), and
 * while an evictor has {@linkplain #claimFirst() claimed} it. In both, the thread concerned
 * updates the index next and then serves the pool's starving endpoints, so nobody waits on an
 * idle connection the index did not show. A node may be due early, or even hold nothing idle
 * (the connection that set the time was taken since); whoever finds it due looks under the
 * endpoint's lock and recomputes the time.
 *
 * <p>Who moves nodes: a node is moved later or removed only under its endpoint's lock (besides
 * claims), and inserted or moved earlier on behalf of whoever made a connection idle, after they
 * unlocked the endpoint. So under the endpoint's lock a schedule read without {@link #lock}
 * ({@link #isDueBy}) stays true until unlocking, unless a claim took it, in which case the
 * claimer locks the endpoint next and schedules it again from what it then holds. Releases never
 * wait for {@link #lock} while holding an endpoint's lock.
 *
 * <p>How an evictor finds its victim: first {@link #lockFirst()}, which holds the index and
 * the endpoint due first together, so that the evictor detaches a connection and reschedules
 * the endpoint in one index section, and nobody else sees the endpoint half done. Only when
 * that endpoint's lock is busy does the evictor {@linkplain #claimFirst() claim} it instead.
 * Why claims: were the busy endpoint only peeked, every evictor would queue on its lock and all
 * but one find nothing; a claim takes it out of the heap at once, so the next evictor goes to
 * the next endpoint.
 *
 * <p>Thread-safety: the heap belongs to {@link #lock}. That lock may be taken while an
 * endpoint lock is held; the reverse happens only in {@link #lockFirst()}, which tries the
 * endpoint's lock without waiting, so no two threads can wait on each other.
 * {@link #nextExpiry()}, {@link #peek()} and {@link #hasIdle()} read what the last change
 * published, without a lock.
 */
final class IdleIndex<E, C> {
    private static final long NONE = Long.MAX_VALUE;
    private final ReentrantLock lock = new ReentrantLock();
    private final ExpiryHeap<Endpoint<E, C>> heap = new ExpiryHeap<>();
    /** The heap's earliest due time, {@link Long#MAX_VALUE} when empty. */
    private volatile long nextExpiry = NONE;
    /** The heap's first endpoint, null when empty: published with {@link #nextExpiry} so that peeking takes no lock. */
    private volatile Endpoint<E, C> first;
    private volatile Runnable listener = () -> { };

    /** Sets what to call when the earliest due time moved earlier (the collector's wake-up). */
    void listener(Runnable listener) {
        this.listener = listener;
    }

    /** @return the earliest due time in the heap, {@link Long#MAX_VALUE} if none */
    long nextExpiry() {
        return nextExpiry;
    }

    /** Whether no endpoint in the heap is due before {@code at}; lock-free. */
    boolean nothingDueBefore(long at) {
        long next = nextExpiry;
        return next == NONE || at - next <= 0;
    }

    /** Whether some endpoint holds an idle connection; lock-free. */
    boolean hasIdle() {
        return nextExpiry != NONE;
    }

    /**
     * @return the endpoint due first when last looked, or null; lock-free, so the caller
     *         re-checks it under the endpoint's lock ({@code isScheduled}, {@code scheduledAt})
     */
    Endpoint<E, C> peek() {
        return first;
    }

    /**
     * Whether {@code ep} is due no later than {@code at} already, so that a connection going idle
     * with that deadline needs no change. Caller holds ep's lock.
     */
    boolean isDueBy(Endpoint<E, C> ep, long at) {
        return ep.isScheduled() && ep.scheduledAt() - at <= 0;
    }

    /**
     * Makes {@code ep} due no later than {@code at}: called by whoever made one of its
     * connections idle, just after releasing ep's lock. If the connection was taken meanwhile,
     * the endpoint is merely due early (or holds nothing idle), which whoever finds it due corrects.
     */
    void scheduleNoLaterThan(Endpoint<E, C> ep, long at) {
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

    /**
     * Locks the index and then, without waiting, the endpoint due first, for an evictor. On
     * success both stay locked: the caller looks at the endpoint, may detach one of its
     * connections, and must end with {@link #unlockFirst} and then unlock the endpoint.
     *
     * @return the endpoint due first, locked, with the index locked; or null, holding nothing, if
     *         no endpoint is scheduled or the first one's lock is busy (then {@link #claimFirst()})
     */
    Endpoint<E, C> lockFirst() {
        if (!hasIdle()) {
            return null;
        }
        lock.lock();
        Endpoint<E, C> top = heap.peek();
        if (top != null && top.tryLock()) {
            return top;
        }
        lock.unlock();
        return null;
    }

    /**
     * Whether no endpoint but the first is due before {@code at}; caller holds {@link #lockFirst()}.
     */
    boolean othersNotDueBefore(long at) {
        long second = heap.secondScheduledAt();
        return second == NONE || at - second <= 0;
    }

    /**
     * Ends a {@link #lockFirst()}: sets the endpoint due exactly at {@code at}, or removes it when
     * it holds nothing idle, and unlocks the index (the caller still holds the endpoint's lock).
     * The time can move earlier (a connection made idle there whose release has not scheduled it
     * yet): then the listener runs, as that release will find nothing left to change.
     */
    void unlockFirst(Endpoint<E, C> ep, boolean hasIdle, long at) {
        rescheduleAndUnlock(ep, hasIdle, at);
    }

    /**
     * Takes the endpoint due first out of the heap, for an evictor, who must then lock it and
     * {@link #reschedule} it from what it holds (even if it takes nothing from it). While claimed,
     * the endpoint's idle connections do not show in {@link #hasIdle()}; the claimer makes up
     * for that by serving the starving endpoints if it puts some back.
     *
     * @return the endpoint, or null if none holds idle connections
     */
    Endpoint<E, C> claimFirst() {
        if (!hasIdle()) {
            return null;
        }
        Endpoint<E, C> top;
        lock.lock();
        try {
            top = heap.peek();
            if (top != null) {
                heap.remove(top);
                updateNextExpiry(); // a removal never moves the earliest time earlier
            }
        } finally {
            lock.unlock();
        }
        return top;
    }

    /** Sets {@code ep} due exactly at {@code at}, or removes it when it holds nothing idle. Caller holds ep's lock. */
    void reschedule(Endpoint<E, C> ep, boolean hasIdle, long at) {
        if (!hasIdle && !ep.isScheduled()) {
            return;
        }
        lock.lock();
        rescheduleAndUnlock(ep, hasIdle, at);
    }

    /** The body of {@link #reschedule} and {@link #unlockFirst}: the caller holds {@link #lock}, which this releases. */
    private void rescheduleAndUnlock(Endpoint<E, C> ep, boolean hasIdle, long at) {
        boolean earlier;
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
        long next = top == null ? NONE : top.scheduledAt();
        long old = nextExpiry;
        nextExpiry = next;
        return next != NONE && (old == NONE || next - old < 0);
    }
}
