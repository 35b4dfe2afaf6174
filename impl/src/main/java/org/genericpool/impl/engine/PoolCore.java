package org.genericpool.impl.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.impl.expiry.Timeouts;

/**
 * The engine both pool flavours share: slots, idle connections, waiters, expiry and close. It
 * never calls a connection manager; it decides, and the flavour calls the manager (blocking or
 * asynchronously) between two calls into the engine, with no lock held.
 *
 * <h2>State and owners</h2>
 * <ul>
 *   <li>Per endpoint ({@link Endpoint}, under its own lock): idle lists, waiters, entries, counts.
 *       Which endpoints exist, and the dormant ones kept for reuse: {@link EndpointRegistry}.</li>
 *   <li>{@link #total}: all slots of the pool (connections, detached ones not yet disposed, creates
 *       in flight). Lock-free; changed only when a connection is created or disposed.
 *       Invariant: {@code total <= totalMaxSize} except after a shrinking reconfiguration. A slot
 *       is freed when the manager's dispose returns (or, with a dispose timeout, when that passes:
 *       {@link #disposed} runs once per entry), so the manager never sees more live connections
 *       than the limits; {@link #size()} stops counting a connection as soon as it is detached for
 *       disposal ({@link #disposing}).</li>
 *   <li>Entries change state only under their endpoint's lock (see {@link Entry}); a decision
 *       about an entry is taken under that lock, never from a read after unlocking.</li>
 *   <li>{@link #idle}: which endpoints hold idle connections and when they may first expire
 *       (see {@link IdleIndex}); {@link #starving}: endpoints whose first waiter is held back by
 *       the total limit (see {@link StarvingQueue}). Each has its own lock.</li>
 *   <li>{@link #closed}: set once, under {@link #closeLock}.</li>
 * </ul>
 *
 * <h2>Lock order</h2>
 * An endpoint lock may be held when the lock of {@link #idle} or {@link #starving} is taken,
 * never the reverse, with one exception that cannot deadlock: an evictor holding the index's
 * lock <em>tries</em> the lock of the endpoint due first and never waits for it
 * ({@link IdleIndex#lockFirst}). No thread holds two endpoint locks, or those two locks together.
 *
 * <h2>Hand-off</h2>
 * A connection coming back, or a slot freed, goes to the endpoint's first waiter under the
 * endpoint lock ({@link Waiter#grant}); the waiter is signalled after the lock is released. A
 * waiter that gives up withdraws under the same lock, so each connection or slot ends in exactly
 * one place. Capacity freed anywhere (a total slot, or a connection going idle that could be
 * evicted) reaches endpoints whose waiters are held back by the total limit through
 * {@link #serveStarving()}.
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public final class PoolCore<E, C> {

    /** {@link #poll} result: a slot is reserved for the caller, who must create a connection. */
    public static final Object PERMIT = new Object();
    /** {@link #poll} result: nothing available; the caller must wait. */
    public static final Object NONE = new Object();
    /** {@link #poll} result: only the total limit binds; the caller may evict an idle connection elsewhere. */
    public static final Object NEED_TOTAL = new Object();
    /** {@link #pollOrEnqueue} result: the waiter is queued. */
    public static final Object ENQUEUED = new Object();

    private static final int SERVE_ROUNDS = 64;
    /** {@link #dueAtLocked} result: nothing to schedule (the same sentinel as an empty index's next expiry). */
    private static final long NO_SCHEDULE = Long.MAX_VALUE;

    private final EndpointRegistry<E, C> endpoints = new EndpointRegistry<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    /** Detached connections whose dispose was called and has not returned: they hold their slots still (a LongAdder: evictions change it from every thread). */
    private final LongAdder disposing = new LongAdder();
    private final ReentrantLock closeLock = new ReentrantLock();
    private final IdleIndex<E, C> idle = new IdleIndex<>();
    private final StarvingQueue<E, C> starving = new StarvingQueue<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Set<C> forceDisposed = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final Tally tally = new Tally();
    /**
     * The state a take gives an entry: {@link Entry#HANDING} when the flavour runs manager hooks
     * before the hand-out ends ({@link #handedOut}), else {@link Entry#LEASED}. Set once, before use.
     */
    private volatile int handOutState = Entry.LEASED;

    private volatile Settings settings;
    private volatile boolean closed;
    /** Whether releases dispose expired connections (no background collector). */
    private final boolean collectOnRelease;
    private Disposer<E, C> disposer;

    /** The configuration with its derived values, swapped as a whole. */
    private static final class Settings {
        final PoolConfig config;
        final Timeouts timeouts;
        final int maxSize;
        final int totalMaxSize;
        final int minIdle;

        Settings(PoolConfig config) {
            this.config = config;
            this.timeouts = new Timeouts(config);
            this.maxSize = config.maxSize();
            this.totalMaxSize = config.totalMaxSize();
            this.minIdle = config.minIdle();
        }
    }

    /** @param config the initial configuration */
    public PoolCore(PoolConfig config) {
        this.settings = new Settings(config);
        this.collectOnRelease = !config.backgroundCollector();
    }

    /** Sets how detached connections are disposed; called once by the flavour before use. */
    public void disposer(Disposer<E, C> disposer) {
        this.disposer = disposer;
    }

    /** Tells the engine that hand-outs run manager hooks and end with {@link #handedOut}; called once before use. */
    public void handOutThroughHooks() {
        this.handOutState = Entry.HANDING;
    }

    /** Sets what to call when the next expiry moved earlier (the background collector's wake-up). */
    public void expiryListener(Runnable listener) {
        idle.listener(listener);
    }

    // ---------------------------------------------------------------- acquire

    /**
     * Takes an idle connection or reserves a slot, without waiting.
     *
     * @param bypassQueue whether the caller may go ahead of queued waiters (it was granted a retry)
     * @param holdingSlot whether the caller holds the endpoint slot {@link #markDead} reserved for
     *                    it; it is given back first, under the same lock (even if the pool is closed)
     * @return a LEASED {@link Entry}; {@link #PERMIT}; {@link #NEED_TOTAL}: an endpoint slot is
     *         reserved but the total limit binds, so the caller evicts ({@link #evictSoonestIdle})
     *         or gives the slot back ({@link #unreserve}, or {@link #pollOrEnqueue} holding it);
     *         or {@link #NONE}
     * @throws ConnectionPoolClosedException if the pool is closed
     */
    public Object poll(E key, boolean bypassQueue, boolean holdingSlot) {
        Endpoint<E, C> ep = lockEndpoint(key, holdingSlot);
        try {
            Object r = takeLocked(ep, bypassQueue);
            if (r == NONE && ep.isEmpty()) {
                retireLocked(ep);
            }
            return r;
        } finally {
            ep.unlock();
        }
    }

    /**
     * Like {@link #poll}, but queues {@code waiter} when nothing is available.
     *
     * @param holdingSlot whether the caller holds an endpoint slot from a {@link #NEED_TOTAL}
     *                    whose eviction found nothing; it is given back first
     * @return a LEASED {@link Entry}, {@link #PERMIT}, {@link #NEED_TOTAL} (an idle connection
     *         exists elsewhere: evict it instead of waiting) or {@link #ENQUEUED}
     */
    public Object pollOrEnqueue(E key, Waiter<E, C> waiter, boolean bypassQueue, boolean holdingSlot) {
        Endpoint<E, C> ep = lockEndpoint(key, holdingSlot);
        try {
            Object r = takeLocked(ep, bypassQueue);
            if (r == NONE) {
                enqueueLocked(ep, waiter, bypassQueue);
                return ENQUEUED;
            }
            if (r != NEED_TOTAL || hasIdle()) {
                return r;
            }
            // Held back by the total limit with nothing to evict: give the endpoint slot back and
            // wait, registered as starving; then look again, since capacity may have been freed
            // before the registration.
            ep.slots--;
            enqueueLocked(ep, waiter, bypassQueue);
            markStarving(ep);
            if (reserveTotal(settings.totalMaxSize)) {
                dequeueLocked(ep, waiter);
                ep.slots++;
                return PERMIT;
            }
            if (hasIdle()) {
                dequeueLocked(ep, waiter);
                ep.slots++;
                return NEED_TOTAL;
            }
            return ENQUEUED;
        } finally {
            ep.unlock();
        }
    }

    private Object takeLocked(Endpoint<E, C> ep, boolean bypassQueue) {
        if (!bypassQueue && !ep.waiters.isEmpty()) {
            return NONE;
        }
        Entry<E, C> e = ep.core.pollFirst();
        if (e == null) {
            e = ep.extra.pollLast();
        }
        if (e != null) {
            e.state = handOutState;
            ep.leased++;
            ep.acquires++;
            return e;
        }
        Settings s = settings;
        if (ep.slots >= s.maxSize) {
            return NONE;
        }
        ep.slots++; // the endpoint stays alive (not empty) while its caller evicts
        return reserveTotal(s.totalMaxSize) ? PERMIT : NEED_TOTAL;
    }

    /** Gives back the endpoint slot of a {@link #NEED_TOTAL} or a {@link #markDead} whose caller will not go on. */
    public void unreserve(E key) {
        Endpoint<E, C> ep = endpoints.get(key); // the reserved slot keeps it alive
        ep.lock();
        try {
            ep.slots--;
            if (!ep.waiters.isEmpty() && ep.slots < settings.maxSize) {
                markStarving(ep);
            }
            if (ep.isEmpty()) {
                retireLocked(ep);
            }
        } finally {
            ep.unlock();
        }
    }

    /**
     * Detaches the idle connection that expires soonest, of any endpoint. Its endpoint slot is
     * freed by {@link #victimDisposed}; its total slot passes to the caller, whose
     * {@link #NEED_TOTAL} thereby becomes a {@link #PERMIT}.
     *
     * @return the detached entry, to be disposed by the caller, or null if no connection is idle
     */
    public Entry<E, C> evictSoonestIdle() {
        for (int round = 0; round < SERVE_ROUNDS * 4; round++) {
            Endpoint<E, C> first = idle.lockFirst();
            if (first != null) {
                Entry<E, C> victim = evictFromFirstLocked(first);
                if (victim != null) {
                    return victim;
                }
                continue; // it was due early, and is now scheduled exactly: look again
            }
            Endpoint<E, C> ep = idle.claimFirst(); // its lock is busy (or nothing is idle)
            if (ep == null) {
                return null;
            }
            Entry<E, C> victim = null;
            boolean stillIdle;
            ep.lock();
            try {
                Timeouts t = settings.timeouts;
                Entry<E, C> soonest = ep.soonestIdle(t);
                // The soonest of all only if no endpoint left in the index may expire before it
                // (its node may have been due early, or another may have come in since the claim).
                if (soonest != null && idle.nothingDueBefore(soonest.deadline(t))) {
                    detachLocked(soonest);
                    victim = soonest;
                }
                rescheduleLocked(ep, t); // the claim took it out of the index: put it back if it holds more
                stillIdle = ep.idle() > 0;
            } finally {
                ep.unlock();
            }
            if (stillIdle && !starving.isEmpty()) {
                serveStarving(); // someone may have starved while the claim hid these connections
            }
            if (victim != null) {
                return victim;
            }
        }
        return null;
    }

    /**
     * Detaches the soonest idle connection of the endpoint due first, which the caller locked
     * together with the index ({@link IdleIndex#lockFirst}), if no other endpoint may expire
     * before it; reschedules the endpoint exactly and unlocks both.
     *
     * @return the detached entry, or null if the endpoint was due early
     */
    private Entry<E, C> evictFromFirstLocked(Endpoint<E, C> ep) {
        Timeouts t = settings.timeouts;
        Entry<E, C> victim = null;
        try {
            Entry<E, C> soonest = ep.soonestIdle(t);
            if (soonest != null && idle.othersNotDueBefore(soonest.deadline(t))) {
                detachLocked(soonest);
                victim = soonest;
            }
        } finally {
            Entry<E, C> next = ep.soonestIdle(t);
            try {
                idle.unlockFirst(ep, next != null, next == null ? 0 : next.deadline(t));
            } finally {
                ep.unlock();
            }
        }
        return victim;
    }

    /** Frees the endpoint slot of an evicted connection once it is disposed; the total slot stays with the evictor. */
    public void victimDisposed(Entry<E, C> victim) {
        Endpoint<E, C> ep = victim.endpoint;
        ep.lock();
        try {
            ep.slots--;
            ep.disposed++;
            ep.disposing--;
            disposing.decrement();
            if (!ep.waiters.isEmpty() && ep.slots < settings.maxSize) {
                markStarving(ep); // its waiters now lack only a total slot
            }
            if (ep.isEmpty()) {
                retireLocked(ep);
            }
        } finally {
            ep.unlock();
        }
    }

    /**
     * Records a connection made with a {@link #PERMIT}.
     *
     * @param deliver whether the acquirer still wants it; if not it goes to a waiter or idle
     * @param now     {@link System#nanoTime()} read after the manager's create returned: the
     *                connection's birth time, from which its lifetime runs (the caller reads it
     *                once for this and for its own deadline check)
     * @return the entry, LEASED to the caller, or null if it went to a waiter or idle
     * @throws ConnectionPoolClosedException if the pool closed meanwhile; the connection is then disposed
     */
    public Entry<E, C> created(E key, C connection, boolean deliver, long now) {
        Endpoint<E, C> ep = endpoints.get(key); // a reserved slot keeps the endpoint alive
        Waiter<E, C> granted = null;
        Entry<E, C> e = new Entry<>(ep, connection, now); // outside the lock: it is held as briefly as possible
        boolean close = false;
        long dueAt = NO_SCHEDULE;
        ep.lock();
        try {
            ep.created++;
            ep.entries.add(e);
            if (closed) {
                e.state = Entry.LEASED;
                detachLocked(e);
                close = true;
            } else if (deliver) {
                e.state = handOutState;
                ep.leased++;
                ep.acquires++;
                return e;
            } else {
                granted = makeAvailableLocked(ep, e, now);
                dueAt = dueAtLocked(ep, e);
            }
        } finally {
            ep.unlock();
        }
        if (close) {
            disposer.dispose(e);
            throw closedException();
        }
        afterAvailable(ep, granted, dueAt);
        return null;
    }

    /**
     * Detaches a LEASED entry an aliveness check found dead: counted dead, its hand-out not counted.
     * The caller, who goes on acquiring on this endpoint, is given an endpoint slot reserved for
     * that, which keeps the endpoint live (so its statistics, the dead count included, do not start
     * over when the dead connection's dispose empties it). It gives the slot back in its next
     * {@link #poll}, or with {@link #unreserve} if it stops.
     *
     * @return false if the entry was no longer leased (close(timeout) took it); nothing to dispose
     *         and no slot reserved then
     */
    public boolean markDead(Entry<E, C> e) {
        Endpoint<E, C> ep = e.endpoint;
        ep.lock();
        try {
            if (!inHand(e)) {
                return false;
            }
            ep.leased--;
            ep.dead++;
            ep.acquires--;
            detachLocked(e);
            ep.slots++; // the caller's reservation; with the dead one's slot, held until its dispose returns
            return true;
        } finally {
            ep.unlock();
        }
    }

    /**
     * Ends a hand-out through the manager's hooks: the entry becomes LEASED to its acquirer.
     *
     * @return false if the pool closed meanwhile: the entry is then detached, the caller disposes
     *         it and fails the acquire
     */
    public boolean handedOut(Entry<E, C> e) {
        Endpoint<E, C> ep = e.endpoint;
        ep.lock();
        try {
            if (closed) {
                ep.leased--;
                detachLocked(e);
                return false;
            }
            e.state = Entry.LEASED;
            return true;
        } finally {
            ep.unlock();
        }
    }

    /** Whether {@code e} is with an acquirer that has not returned it (taken, or handed out). */
    private static boolean inHand(Entry<?, ?> e) {
        return e.state == Entry.LEASED || e.state == Entry.HANDING;
    }

    /** Frees the slot of a {@link #PERMIT} whose create failed. */
    public void createFailed(E key) {
        freeSlot(endpoints.get(key), false);
    }

    /**
     * Withdraws a waiting waiter.
     *
     * @param timedOut whether to count a timeout
     * @return true if withdrawn; false if it was granted meanwhile (it then owns the grant)
     */
    public boolean cancel(Waiter<E, C> waiter, boolean timedOut) {
        Endpoint<E, C> ep = waiter.endpoint;
        ep.lock();
        try {
            if (waiter.state() != Waiter.WAITING) {
                return false;
            }
            dequeueLocked(ep, waiter);
            waiter.grant(Waiter.CANCELLED, null);
            if (timedOut) {
                ep.timeouts++;
            }
            if (ep.isEmpty()) {
                retireLocked(ep);
            }
            return true;
        } finally {
            ep.unlock();
        }
    }

    /** Returns what a waiter was granted but will not use, so that it goes to the next in line. */
    public void giveBack(Waiter<E, C> waiter) {
        switch (waiter.state()) {
            case Waiter.ENTRY -> putBack(waiter.entry());
            case Waiter.PERMIT -> freeSlot(waiter.endpoint, false);
            case Waiter.RETRY -> serveStarving(); // pass the turn on
            default -> { }
        }
    }

    /** Counts an acquire of {@code key} that failed at its deadline without waiting. */
    public void countTimeout(E key) {
        addTimeouts(key, 1);
    }

    /**
     * Takes back a {@link #countTimeout} whose acquire did not fail after all (a caller that
     * counts before it completes its future, and lost the completion to a cancel).
     */
    public void uncountTimeout(E key) {
        addTimeouts(key, -1);
    }

    private void addTimeouts(E key, int n) {
        Endpoint<E, C> ep = endpoints.get(key);
        if (ep != null) {
            ep.lock();
            try {
                // A count folded into the pool's when the endpoint was forgotten is taken back there.
                if (!ep.retired && ep.timeouts + n >= 0) {
                    ep.timeouts += n;
                    return;
                }
            } finally {
                ep.unlock();
            }
        }
        tally.timeouts(n); // the endpoint holds nothing: count it for the pool
    }

    // ---------------------------------------------------------------- release

    /**
     * Validates that {@code connection} is leased for {@code key} and marks it returning, so that
     * no second release can pass while the manager's {@code onRelease} runs.
     *
     * @return the entry, or null if {@code close(timeout)} disposed it already (a harmless release)
     * @throws IllegalStateException if it is not leased from this pool
     */
    public Entry<E, C> checkout(E key, C connection) {
        Endpoint<E, C> ep = endpoints.get(key);
        if (ep != null) {
            ep.lock();
            try {
                Entry<E, C> e = ep.entries.find(connection);
                if (e != null && e.state == Entry.LEASED) {
                    e.state = Entry.RETURNING;
                    return e;
                }
            } finally {
                ep.unlock();
            }
        }
        return notLeased(key, connection);
    }

    /**
     * Takes back a connection marked by {@link #checkout}: to the first waiter, idle, or detached
     * if it outlived its lifetime, is surplus, or the pool closed. With {@code collect}, and
     * without a background collector, then disposes a batch of expired idle connections.
     *
     * @return the entry if the caller must dispose it, else null
     */
    public Entry<E, C> checkin(Entry<E, C> e, boolean collect) {
        Endpoint<E, C> ep = e.endpoint;
        Waiter<E, C> granted;
        long dueAt;
        long now = System.nanoTime();
        ep.lock();
        try {
            if (e.state != Entry.RETURNING) {
                return null; // disposed by close(timeout) meanwhile
            }
            granted = takeBackLocked(ep, e, now);
            if (e.state == Entry.GONE) {
                return e;
            }
            dueAt = dueAtLocked(ep, e);
        } finally {
            ep.unlock();
        }
        afterAvailable(ep, granted, dueAt);
        if (collect) {
            collectIfDue(now);
        }
        return null;
    }

    /**
     * {@link #checkout} and {@link #checkin} under one lock, for managers without an
     * {@code onRelease} hook.
     *
     * @return the entry if the caller must dispose it, else null
     * @throws IllegalStateException if it is not leased from this pool
     */
    public Entry<E, C> release(E key, C connection) {
        Endpoint<E, C> ep = endpoints.get(key);
        Waiter<E, C> granted = null;
        boolean found = false;
        long dueAt = NO_SCHEDULE;
        long now = System.nanoTime();
        if (ep != null) {
            ep.lock();
            try {
                Entry<E, C> e = ep.entries.find(connection);
                if (e != null && e.state == Entry.LEASED) {
                    found = true;
                    granted = takeBackLocked(ep, e, now);
                    if (e.state == Entry.GONE) {
                        return e;
                    }
                    dueAt = dueAtLocked(ep, e);
                }
            } finally {
                ep.unlock();
            }
        }
        if (!found) {
            return notLeased(key, connection);
        }
        afterAvailable(ep, granted, dueAt);
        collectIfDue(now);
        return null;
    }

    /**
     * Puts a LEASED connection back without a release (its check or {@code onAcquire} failed, or
     * its acquirer gave up); the hand-out is not counted.
     */
    public void putBack(Entry<E, C> e) {
        Endpoint<E, C> ep = e.endpoint;
        Waiter<E, C> granted;
        boolean gone;
        long dueAt;
        long now = System.nanoTime();
        ep.lock();
        try {
            if (!inHand(e)) {
                return;
            }
            ep.acquires--;
            granted = takeBackLocked(ep, e, now);
            gone = e.state == Entry.GONE; // decided here: once unlocked, an idle entry is anyone's
            dueAt = dueAtLocked(ep, e);
        } finally {
            ep.unlock();
        }
        if (gone) {
            disposer.dispose(e);
        } else {
            afterAvailable(ep, granted, dueAt);
        }
    }

    /**
     * Detaches a leased connection the caller discards as broken.
     *
     * @return the entry to dispose, or null if close(timeout) disposed it already
     * @throws IllegalStateException if it is not leased from this pool
     */
    public Entry<E, C> discard(E key, C connection) {
        Endpoint<E, C> ep = endpoints.get(key);
        Entry<E, C> found = null;
        if (ep != null) {
            ep.lock();
            try {
                Entry<E, C> e = ep.entries.find(connection);
                if (e != null && e.state == Entry.LEASED) {
                    found = e;
                    ep.leased--;
                    detachLocked(e);
                }
            } finally {
                ep.unlock();
            }
        }
        return found != null ? found : notLeased(key, connection);
    }

    /** Reports a detached connection disposed: frees its slot (to the endpoint's first waiter, or the pool). */
    public void disposed(Entry<E, C> e) {
        Endpoint<E, C> ep = e.endpoint;
        boolean first;
        ep.lock();
        try {
            first = !e.slotsFreed;
            e.slotsFreed = true;
        } finally {
            ep.unlock();
        }
        if (first) { // once: by the dispose returning, or by the dispose-timeout watchdog if that came first
            freeSlot(ep, true);
        }
    }

    private Entry<E, C> notLeased(E key, C connection) {
        if (forceDisposed.remove(connection)) {
            return null;
        }
        throw new IllegalStateException("connection " + connection + " of endpoint " + key
                + " is not leased from this pool (released twice, or never acquired from it)");
    }

    /**
     * A leased connection comes back: detached (state GONE) if it is not wanted back, else to the
     * first waiter or idle.
     *
     * @return the waiter granted the connection, to signal after unlocking, or null
     */
    private Waiter<E, C> takeBackLocked(Endpoint<E, C> ep, Entry<E, C> e, long now) {
        ep.leased--;
        if (detachIfUnwantedLocked(ep, e, now)) {
            return null;
        }
        return makeAvailableLocked(ep, e, now);
    }

    /** Detaches a returning connection that is not wanted back: outlived, surplus, or the pool closed. */
    private boolean detachIfUnwantedLocked(Endpoint<E, C> ep, Entry<E, C> e, long now) {
        Settings s = settings;
        if (closed || s.timeouts.outlived(e.createdAt, now)
                || ep.slots - ep.disposing > s.maxSize || overTotal(s.totalMaxSize)) {
            detachLocked(e);
            return true;
        }
        return false;
    }

    /** Gives {@code e} (state LEASED or RETURNING, not counted in leased) to the first waiter, or makes it idle. */
    private Waiter<E, C> makeAvailableLocked(Endpoint<E, C> ep, Entry<E, C> e, long now) {
        Waiter<E, C> w = ep.waiters.poll();
        if (w != null) {
            pending.decrementAndGet();
            e.state = handOutState;
            ep.leased++;
            ep.acquires++;
            w.grant(Waiter.ENTRY, e);
            return w;
        }
        e.state = Entry.IDLE;
        e.releasedAt = now;
        // The Python rule: extra if the leased connections could fill the free core places.
        int freeCoreSlots = settings.minIdle - ep.core.size();
        e.extra = ep.leased >= freeCoreSlots;
        (e.extra ? ep.extra : ep.core).addLast(e);
        return null; // the caller schedules it in the index once unlocked: see dueAtLocked
    }

    /**
     * @return when {@code ep} must be due in the index now that {@code e} came back, or
     *         {@link #NO_SCHEDULE} if {@code e} did not go idle or {@code ep} is due no later already
     */
    private long dueAtLocked(Endpoint<E, C> ep, Entry<E, C> e) {
        if (e.state != Entry.IDLE) {
            return NO_SCHEDULE;
        }
        long at = e.deadline(settings.timeouts);
        return idle.isDueBy(ep, at) ? NO_SCHEDULE : at;
    }

    /**
     * Finishes making a connection available, after the endpoint's lock is released: signals the
     * waiter it went to, or schedules its endpoint in the index (not under the endpoint lock, so
     * that waiting for the index lock never holds up the endpoint's other callers) and then
     * serves starving endpoints (in that order: an evicting starver must be able to find it).
     */
    private void afterAvailable(Endpoint<E, C> ep, Waiter<E, C> granted, long dueAt) {
        if (granted != null) {
            granted.signal();
            return;
        }
        if (dueAt != NO_SCHEDULE) {
            idle.scheduleNoLaterThan(ep, dueAt);
        }
        if (!starving.isEmpty()) {
            serveStarving();
        }
    }

    private void freeSlot(Endpoint<E, C> ep, boolean wasCreated) {
        Waiter<E, C> w = null;
        ep.lock();
        try {
            ep.slots--;
            if (wasCreated) {
                ep.disposed++;
                ep.disposing--;
                disposing.decrement();
            }
            Settings s = settings;
            if (!closed && ep.slots < s.maxSize && total.get() <= s.totalMaxSize) {
                w = ep.waiters.poll();
            }
            if (w != null) {
                pending.decrementAndGet();
                ep.slots++;
                w.grant(Waiter.PERMIT, null);
            } else if (ep.isEmpty()) {
                retireLocked(ep);
            } else if (!closed && !ep.waiters.isEmpty() && ep.slots < s.maxSize) {
                markStarving(ep); // the total is over its limit (after a shrink): wait for it like the others
            }
        } finally {
            ep.unlock();
        }
        if (w != null) {
            w.signal();
        } else {
            freeTotal();
        }
    }

    private void freeTotal() {
        int left = total.decrementAndGet();
        if (closed) {
            if (left == 0) {
                terminated.complete(null);
            }
        } else if (!starving.isEmpty()) {
            serveStarving();
        }
    }

    // ---------------------------------------------------------------- starving endpoints

    private void markStarving(Endpoint<E, C> ep) {
        starving.add(ep);
    }

    /**
     * Serves endpoints whose waiters are held back by the total limit: each free total slot
     * becomes a {@link Waiter#PERMIT} for one of them, and an evictable idle connection becomes a
     * {@link Waiter#RETRY} (the waiter evicts it itself). Called without locks.
     */
    private void serveStarving() {
        for (int round = 0; round < SERVE_ROUNDS && !starving.isEmpty() && !closed; round++) {
            Endpoint<E, C> ep = starving.poll();
            if (ep == null) {
                return;
            }
            boolean evictable = idle.hasIdle();
            Settings s = settings;
            boolean haveTotal = reserveTotal(s.totalMaxSize);
            if (!haveTotal && !evictable) {
                markStarving(ep); // nothing to give yet
                return;
            }
            Waiter<E, C> w = null;
            ep.lock();
            try {
                if (!ep.retired && ep.slots < s.maxSize) {
                    w = ep.waiters.poll();
                }
                if (w != null) {
                    pending.decrementAndGet();
                    if (haveTotal) {
                        ep.slots++;
                        w.grant(Waiter.PERMIT, null);
                    } else {
                        w.grant(Waiter.RETRY, null);
                    }
                    if (!ep.waiters.isEmpty() && ep.slots < s.maxSize) {
                        markStarving(ep);
                    } else if (ep.isEmpty()) {
                        retireLocked(ep); // a retrying waiter looks its endpoint up again
                    }
                }
            } finally {
                ep.unlock();
            }
            if (w == null) {
                if (haveTotal) {
                    total.decrementAndGet(); // nobody here wanted it; try the next endpoint
                }
                continue;
            }
            w.signal();
            if (!haveTotal) {
                return; // one eviction at a time; the evictor passes the turn on when it is done
            }
        }
    }

    // ---------------------------------------------------------------- expiry

    /** @return the {@code nanoTime} at which the next idle connection may expire, {@link Long#MAX_VALUE} if none */
    public long nextExpiry() {
        return idle.nextExpiry();
    }

    /**
     * Detaches up to {@code max} idle connections whose deadline has passed.
     *
     * @return the detached entries, to be disposed by the caller (empty if none)
     */
    public List<Entry<E, C>> collectExpired(int max) {
        long now = System.nanoTime();
        if (now - idle.nextExpiry() < 0 || max <= 0) {
            return List.of();
        }
        List<Entry<E, C>> out = new ArrayList<>();
        long rounds = 2L * max + SERVE_ROUNDS; // long: max may be Integer.MAX_VALUE
        for (long round = 0; round < rounds && out.size() < max; round++) {
            Endpoint<E, C> ep = idle.peek();
            if (ep == null || ep.scheduledAt() - now > 0) {
                break;
            }
            ep.lock();
            try {
                if (!ep.isScheduled()) {
                    continue;
                }
                // One connection per round, the soonest of the endpoint due first: expired
                // connections are disposed in deadline order across endpoints, as in the original.
                Timeouts t = settings.timeouts;
                Entry<E, C> soonest = ep.soonestIdle(t);
                if (soonest != null && soonest.deadline(t) - now <= 0) {
                    detachLocked(soonest);
                    out.add(soonest);
                }
                rescheduleLocked(ep, t);
            } finally {
                ep.unlock();
            }
        }
        return out;
    }

    /**
     * Dispose-on-release: without a background collector, a release disposes up to the batch
     * size of expired idle connections (the Python rule), if any is due at {@code now}.
     */
    private void collectIfDue(long now) {
        if (!collectOnRelease || now - idle.nextExpiry() < 0) {
            return;
        }
        Settings s = settings;
        for (Entry<E, C> e : collectExpired(Timeouts.disposeBatch(s.config.disposeBatchSize(), total.get()))) {
            disposer.dispose(e);
        }
    }

    /** Sets {@code ep}'s node to the exact earliest deadline of its idle connections, or removes it. */
    private void rescheduleLocked(Endpoint<E, C> ep, Timeouts t) {
        Entry<E, C> soonest = ep.soonestIdle(t);
        idle.reschedule(ep, soonest != null, soonest == null ? 0 : soonest.deadline(t));
    }

    /** Whether some endpoint holds an idle connection; lock-free. */
    private boolean hasIdle() {
        return idle.hasIdle();
    }

    // ---------------------------------------------------------------- reconfiguration and close

    /** @return the configuration in force */
    public PoolConfig config() {
        return settings.config;
    }

    /** @return the time arithmetic of the configuration in force */
    public Timeouts timeouts() {
        return settings.timeouts;
    }

    /**
     * Applies a validated configuration: surplus idle connections are detached (returned for
     * disposal), waiters are served from grown limits, every expiry is recomputed.
     *
     * @return entries the caller must dispose
     */
    public List<Entry<E, C>> reconfigure(PoolConfig config) {
        settings = new Settings(config);
        Settings s = settings;
        List<Entry<E, C>> out = new ArrayList<>();
        List<Waiter<E, C>> granted = new ArrayList<>();
        for (Endpoint<E, C> ep : endpoints.all()) {
            ep.lock();
            try {
                if (ep.retired) {
                    continue;
                }
                // Cores beyond the new minIdle become extras (the oldest stay core).
                while (ep.core.size() > s.minIdle) {
                    Entry<E, C> e = ep.core.pollLast();
                    e.extra = true;
                    ep.extra.addLast(e);
                }
                for (int surplus = ep.slots - ep.disposing - s.maxSize; surplus > 0 && ep.idle() > 0; surplus--) {
                    Entry<E, C> e = ep.extra.size() > 0 ? ep.extra.head() : ep.core.head();
                    detachLocked(e);
                    out.add(e);
                }
                while (!ep.waiters.isEmpty() && ep.slots < s.maxSize && reserveTotal(s.totalMaxSize)) {
                    Waiter<E, C> w = ep.waiters.poll();
                    pending.decrementAndGet();
                    ep.slots++;
                    w.grant(Waiter.PERMIT, null);
                    granted.add(w);
                }
                if (!ep.waiters.isEmpty() && ep.slots < s.maxSize) {
                    markStarving(ep);
                }
                rescheduleLocked(ep, s.timeouts);
            } finally {
                ep.unlock();
            }
        }
        granted.forEach(Waiter::signal);
        for (int surplus = size() - s.totalMaxSize; surplus > 0; surplus--) {
            Entry<E, C> victim = evictSoonestIdle();
            if (victim == null) {
                break;
            }
            out.add(victim); // disposed like any other: frees its total slot too
        }
        idle.poke();
        return out;
    }

    /**
     * Closes the pool: fails every waiter and detaches every idle connection (returned for
     * disposal). Leased connections are disposed as they come back.
     *
     * @return the idle entries to dispose, or null if the pool was closed already
     */
    public List<Entry<E, C>> close() {
        closeLock.lock();
        try {
            if (closed) {
                return null;
            }
            closed = true;
        } finally {
            closeLock.unlock();
        }
        starving.clear();
        List<Entry<E, C>> out = new ArrayList<>();
        List<Waiter<E, C>> failed = new ArrayList<>();
        for (Endpoint<E, C> ep : endpoints.all()) {
            ep.lock();
            try {
                for (Waiter<E, C> w; (w = ep.waiters.poll()) != null; ) {
                    pending.decrementAndGet();
                    w.grant(Waiter.CLOSED, null);
                    failed.add(w);
                }
                detachAllIdleLocked(ep, out);
                if (ep.isEmpty()) {
                    retireLocked(ep);
                }
            } finally {
                ep.unlock();
            }
        }
        failed.forEach(Waiter::signal);
        if (total.get() == 0) {
            terminated.complete(null);
        }
        return out;
    }

    /**
     * Detaches every leased connection after a close timeout; releasing one later is harmless.
     *
     * @return the entries to dispose
     */
    public List<Entry<E, C>> detachLeasedOnClose() {
        List<Entry<E, C>> out = new ArrayList<>();
        for (Endpoint<E, C> ep : endpoints.all()) {
            ep.lock();
            try {
                for (Entry<E, C> e : ep.entries.snapshot()) {
                    if (e.state == Entry.LEASED) { // HANDING and RETURNING: disposed when their hook returns
                        ep.leased--;
                        forceDisposed.add(e.connection);
                        detachLocked(e);
                        out.add(e);
                    }
                }
            } finally {
                ep.unlock();
            }
        }
        return out;
    }

    /** @return completed once the pool is closed and every slot is free */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- statistics

    /** Whether the pool holds more than {@code max} connections (after a shrinking reconfiguration); cheap when it does not. */
    private boolean overTotal(int max) {
        return total.get() > max && size() > max; // total >= size: only then sum the disposing count
    }

    /** @return all slots of the pool */
    public int size() {
        return total.get() - (int) disposing.sum();
    }

    /** @return the slots of one endpoint, 0 if unknown */
    public int size(E key) {
        Endpoint<E, C> ep = endpoints.get(key);
        return ep == null ? 0 : ep.slots - ep.disposing;
    }

    /** @return one endpoint's statistics, all zeros if unknown */
    public EndpointStats stats(E key) {
        Endpoint<E, C> ep = endpoints.get(key);
        EndpointStats s = ep == null ? null : Tally.read(ep);
        return s == null ? EndpointStats.EMPTY : s;
    }

    /** @return the pool's statistics, summed endpoint by endpoint without stopping the pool */
    public PoolStats stats() {
        return tally.sum(endpoints.all(), size(), pending.get());
    }

    /** Calls {@code action} with each endpoint's statistics, locking one endpoint at a time. */
    public void forEachEndpoint(BiConsumer<? super E, EndpointStats> action) {
        for (Endpoint<E, C> ep : endpoints.all()) {
            EndpointStats s = Tally.read(ep);
            if (s != null) {
                action.accept(ep.key, s);
            }
        }
    }

    /**
     * Detaches every idle connection of every endpoint.
     *
     * @return the entries to dispose
     */
    public List<Entry<E, C>> evictIdle() {
        List<Entry<E, C>> out = new ArrayList<>();
        for (Endpoint<E, C> ep : endpoints.all()) {
            ep.lock();
            try {
                detachAllIdleLocked(ep, out);
            } finally {
                ep.unlock();
            }
        }
        return out;
    }

    private void detachAllIdleLocked(Endpoint<E, C> ep, List<Entry<E, C>> out) {
        for (Entry<E, C> e; (e = ep.core.head() != null ? ep.core.head() : ep.extra.head()) != null; ) {
            detachLocked(e);
            out.add(e);
        }
        rescheduleLocked(ep, settings.timeouts);
    }

    /** @return the endpoints known now (holding a connection, a slot or a waiter) */
    public Set<E> endpoints() {
        return endpoints.liveKeys();
    }

    /** @return the number of endpoints known now */
    public int endpointCount() {
        return endpoints.liveCount();
    }

    /** @return the number of waiting callers */
    public int pending() {
        return pending.get();
    }

    // ---------------------------------------------------------------- internals

    private boolean reserveTotal(int max) {
        for (;;) {
            int n = total.get();
            if (n >= max) {
                return false;
            }
            if (total.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Locks the live endpoint of {@code key}, making or reviving it if needed.
     *
     * @param holdingSlot whether the caller gives back an endpoint slot it reserved (which kept
     *                    the endpoint live), first thing under the lock, even if the pool is closed
     */
    private Endpoint<E, C> lockEndpoint(E key, boolean holdingSlot) {
        if (closed && !holdingSlot) {
            throw closedException();
        }
        Endpoint<E, C> ep = endpoints.lockLive(key);
        if (holdingSlot) {
            ep.slots--;
        }
        if (closed) {
            if (ep.isEmpty()) {
                retireLocked(ep);
            }
            ep.unlock();
            throw closedException();
        }
        return ep;
    }

    private void enqueueLocked(Endpoint<E, C> ep, Waiter<E, C> w, boolean first) {
        w.endpoint = ep;
        if (first) {
            ep.waiters.addFirst(w);
        } else {
            ep.waiters.addLast(w);
        }
        pending.incrementAndGet();
    }

    private void dequeueLocked(Endpoint<E, C> ep, Waiter<E, C> w) {
        if (w.queued) {
            ep.waiters.remove(w);
            pending.decrementAndGet();
        }
    }

    /** Takes {@code e} out of its idle list and the index; its slots stay until it is disposed. */
    private void detachLocked(Entry<E, C> e) {
        Endpoint<E, C> ep = e.endpoint;
        if (e.state == Entry.IDLE) {
            (e.extra ? ep.extra : ep.core).remove(e);
        }
        e.state = Entry.GONE;
        ep.entries.remove(e);
        ep.disposing++; // every detached entry goes to dispose next
        disposing.increment();
    }

    /** Forgets an empty endpoint: its counters go to the pool's, it leaves the idle index and the registry. */
    private void retireLocked(Endpoint<E, C> ep) {
        if (ep.retired) {
            return;
        }
        ep.retired = true;
        idle.reschedule(ep, false, 0);
        tally.retire(ep);
        endpoints.forgetLocked(ep, !closed);
    }

    private static ConnectionPoolClosedException closedException() {
        return new ConnectionPoolClosedException("the pool is closed");
    }
}
