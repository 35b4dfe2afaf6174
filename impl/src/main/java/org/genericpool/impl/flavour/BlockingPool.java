package org.genericpool.impl.flavour;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.Lease;
import org.genericpool.PoolConfig;
import org.genericpool.impl.engine.Entry;
import org.genericpool.impl.engine.PoolCore;
import org.genericpool.impl.engine.Waiter;
import org.genericpool.impl.expiry.Timeouts;

/**
 * The blocking flavour: the engine's decisions, with the manager called on the caller's thread.
 * Waiting threads park ({@link ThreadWaiter}), so virtual threads never pin their carrier.
 * Acquiring and releasing an idle connection allocates nothing.
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public final class BlockingPool<E, C> extends AbstractPool<E, C> implements ConnectionPool<E, C> {

    /** {@link #await} result: granted a turn to evict and try again. */
    private static final Object RETRY = new Object();

    private final ConnectionManager<E, C> manager;
    private final boolean releaseHook;
    /**
     * Which hand-out hooks the manager implements itself: the others are left at their interface
     * defaults and not called, so that a timed acquire computes no remaining budget for them.
     */
    private final boolean checksAliveness;
    private final boolean acquireHook;
    /** Whether a hand-out runs manager hooks (an aliveness check or onAcquire of the manager's own). */
    private final boolean handOutHooks;

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if an open pool already has the config's name
     */
    public BlockingPool(ConnectionManager<E, C> manager, PoolConfig config) {
        super(checked(manager, config));
        this.manager = manager;
        this.releaseHook = Hooks.overrides(manager, ConnectionManager.class, "onRelease", Object.class, Object.class);
        this.checksAliveness = Hooks.overrides(manager, ConnectionManager.class, "checkAliveness",
                Object.class, Object.class, Duration.class);
        this.acquireHook = Hooks.overrides(manager, ConnectionManager.class, "onAcquire", Object.class, Object.class);
        this.handOutHooks = checksAliveness || acquireHook;
        if (handOutHooks) {
            core.handOutThroughHooks();
        }
    }

    private static PoolConfig checked(Object manager, PoolConfig config) {
        Objects.requireNonNull(manager, "manager");
        return Objects.requireNonNull(config, "config");
    }

    @Override
    public C acquire(E endpoint) throws InterruptedException {
        return acquire(endpoint, null);
    }

    @Override
    public C acquire(E endpoint, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(endpoint, "endpoint");
        long deadline = deadlineOf(timeout);
        boolean noWait = deadline == NO_WAIT;
        boolean timed = deadline != UNTIMED && !noWait;
        boolean bypass = false;
        boolean heldAfterDead = false; // the endpoint slot markDead reserved for this caller
        // Later rounds (after a dead connection or a retry) check the deadline first; the first
        // round has the deadline just computed, and its hand-out checks it again anyway.
        for (boolean again = false; ; again = true) {
            if (again && timed && System.nanoTime() - deadline >= 0) {
                if (heldAfterDead) {
                    core.unreserve(endpoint);
                }
                throw timedOut(endpoint);
            }
            Object r = core.poll(endpoint, bypass, heldAfterDead);
            heldAfterDead = false;
            if (r == PoolCore.NEED_TOTAL) {
                r = evict();
            }
            if (r == PoolCore.NONE || r == PoolCore.NEED_TOTAL) {
                boolean holdingSlot = r == PoolCore.NEED_TOTAL;
                if (noWait) {
                    if (holdingSlot) {
                        core.unreserve(endpoint);
                    }
                    throw timedOut(endpoint);
                }
                ThreadWaiter<E, C> w = new ThreadWaiter<>();
                r = core.pollOrEnqueue(endpoint, w, bypass, holdingSlot);
                if (r == PoolCore.NEED_TOTAL) {
                    r = evict();
                    if (r == PoolCore.NEED_TOTAL) {
                        core.unreserve(endpoint);
                        continue;
                    }
                }
                if (r == PoolCore.ENQUEUED) {
                    r = await(w, endpoint, timed, deadline);
                    if (r == RETRY) {
                        bypass = true;
                        continue;
                    }
                }
            }
            bypass = false;
            if (r == PoolCore.PERMIT) {
                return create(endpoint, timed, deadline, noWait);
            }
            @SuppressWarnings("unchecked")
            Entry<E, C> e = (Entry<E, C>) r;
            C c = handOut(e, timed, deadline);
            if (c != null) {
                return c;
            }
            heldAfterDead = buryDead(e);
        }
    }

    /**
     * Holding an endpoint slot, evicts the soonest-expiring idle connection of the pool and takes
     * its total slot.
     *
     * @return {@link PoolCore#PERMIT}, or {@link PoolCore#NEED_TOTAL} if nothing was idle (the
     *         endpoint slot is still held)
     */
    private Object evict() {
        Entry<E, C> victim = core.evictSoonestIdle();
        if (victim == null) {
            return PoolCore.NEED_TOTAL;
        }
        disposeQuietly(victim);
        core.victimDisposed(victim);
        return PoolCore.PERMIT;
    }

    private Object await(ThreadWaiter<E, C> w, E endpoint, boolean timed, long deadline) throws InterruptedException {
        boolean interrupted = false;
        w.yieldWhileWaiting();
        while (w.state() == Waiter.WAITING) {
            long left = Long.MAX_VALUE;
            if (timed) {
                left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
            }
            w.park(this, left);
            if (Thread.interrupted()) {
                interrupted = true;
                break;
            }
        }
        if (w.state() == Waiter.WAITING && core.cancel(w, !interrupted)) {
            if (interrupted) {
                throw new InterruptedException("interrupted while waiting for a connection to " + endpoint);
            }
            throw Failures.timeout(endpoint, name);
        }
        int grant = w.state();
        if (grant == Waiter.CLOSED) {
            throw closed();
        }
        if (interrupted) {
            core.giveBack(w);
            throw new InterruptedException("interrupted while waiting for a connection to " + endpoint);
        }
        if (timed && System.nanoTime() - deadline >= 0) {
            core.giveBack(w);
            throw timedOut(endpoint);
        }
        return grant == Waiter.ENTRY ? w.entry() : grant == Waiter.PERMIT ? PoolCore.PERMIT : RETRY;
    }

    /** Checks an idle connection and hands it out; null if it was dead (the caller buries it and goes on). */
    private C handOut(Entry<E, C> e, boolean timed, long deadline) {
        if (!checksAliveness) {
            return acquired(e, timed, deadline);
        }
        E endpoint = e.key();
        C conn = e.connection();
        boolean alive;
        try {
            alive = manager.checkAliveness(endpoint, conn, timed ? remaining(deadline) : null);
        } catch (Throwable t) {
            core.putBack(e);
            throw Failures.unchecked(Failures.onCaller(t, "checkAliveness", endpoint));
        }
        if (!alive) {
            return null;
        }
        return acquired(e, timed, deadline);
    }

    /**
     * Removes a dead connection: {@code onConnectionDead}, then dispose.
     *
     * @return whether the caller holds the endpoint slot {@link PoolCore#markDead} reserved for
     *         going on (false if close(timeout) took the connection first)
     * @throws RuntimeException the failure of {@code onConnectionDead}, the slot given back
     */
    private boolean buryDead(Entry<E, C> e) {
        if (!core.markDead(e)) {
            return false;
        }
        Throwable failure = null;
        try {
            manager.onConnectionDead(e.key(), e.connection());
        } catch (Throwable t) {
            failure = Failures.onCaller(t, "onConnectionDead", e.key());
        }
        dispose(e);
        if (failure != null) {
            core.unreserve(e.key());
            throw Failures.unchecked(failure);
        }
        return true;
    }

    private C acquired(Entry<E, C> e, boolean timed, long deadline) {
        if (acquireHook) {
            try {
                manager.onAcquire(e.key(), e.connection());
            } catch (Throwable t) {
                core.putBack(e);
                throw Failures.unchecked(Failures.onCaller(t, "onAcquire", e.key()));
            }
        }
        if (timed && System.nanoTime() - deadline > 0) {
            core.putBack(e);
            throw timedOut(e.key());
        }
        if (handOutHooks && !core.handedOut(e)) {
            dispose(e); // force-closed while the hooks ran: left to this thread to dispose
            throw closed();
        }
        return e.connection();
    }

    private C create(E endpoint, boolean timed, long deadline, boolean noWait) {
        C conn;
        try {
            conn = Objects.requireNonNull(manager.create(endpoint, timed ? remaining(deadline) : null),
                    "ConnectionManager.create returned null");
        } catch (Throwable t) {
            core.createFailed(endpoint);
            Throwable f = Failures.onCallerCreate(t, endpoint);
            if (f instanceof AcquireTimeoutException) {
                core.countTimeout(endpoint);
            }
            throw Failures.unchecked(f);
        }
        long now = System.nanoTime(); // the connection's birth time too: one clock read for both
        boolean late = timed && now - deadline > 0;
        Entry<E, C> e = core.created(endpoint, conn, !late, now);
        if (e == null) {
            throw timedOut(endpoint); // the late connection went idle or to a waiter
        }
        // Just checked against the deadline: only the manager's own onAcquire can take time before the hand-out
        // (a new connection is not checked for aliveness).
        return acquired(e, timed && acquireHook, deadline);
    }

    @Override
    public void release(E endpoint, C connection) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connection, "connection");
        Entry<E, C> gone;
        Throwable hookFailure = null;
        if (releaseHook) {
            Entry<E, C> e = core.checkout(endpoint, connection);
            if (e == null) {
                return; // disposed by close(timeout) already
            }
            try {
                manager.onRelease(endpoint, connection);
            } catch (Throwable t) {
                hookFailure = Failures.onCaller(t, "onRelease", endpoint);
            }
            gone = core.checkin(e, hookFailure == null); // a failed hook disposes nothing further
        } else {
            gone = core.release(endpoint, connection);
        }
        if (gone != null) {
            dispose(gone);
        }
        if (hookFailure != null) {
            throw Failures.unchecked(hookFailure);
        }
    }

    @Override
    public void discard(E endpoint, C connection) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connection, "connection");
        Entry<E, C> e = core.discard(endpoint, connection);
        if (e != null) {
            Throwable failure = disposeWatched(e);
            core.disposed(e);
            if (failure != null) {
                throw Failures.unchecked(Failures.onCaller(failure, "dispose", endpoint));
            }
        }
    }

    @Override
    public Lease<E, C> connection(E endpoint) throws InterruptedException {
        return connection(endpoint, null);
    }

    @Override
    public Lease<E, C> connection(E endpoint, Duration timeout) throws InterruptedException {
        return new PooledLease<>(this, endpoint, acquire(endpoint, timeout));
    }

    @Override
    public void close() {
        beginClose();
        core.terminated().join();
    }

    @Override
    public void close(Duration timeout) {
        requireTimeout(timeout);
        beginClose();
        try {
            core.terminated().get(Timeouts.nanos(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            disposeAll(core.detachLeasedOnClose());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disposeAll(core.detachLeasedOnClose());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void dispose(Entry<E, C> entry) {
        disposeWatched(entry);
        core.disposed(entry);
    }

    /** {@link #disposeQuietly} under the dispose-timeout watchdog ({@link #watchDispose}). */
    private Throwable disposeWatched(Entry<E, C> e) {
        ScheduledFuture<?> watchdog = watchDispose(e);
        try {
            return disposeQuietly(e);
        } finally {
            cancel(watchdog);
        }
    }

    /** Calls the manager's dispose; a failure is logged and returned. Does not report to the engine. */
    private Throwable disposeQuietly(Entry<E, C> e) {
        try {
            manager.dispose(e.key(), e.connection(), disposeTimeout());
            return null;
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // keep the caller's interrupt status
            }
            LOG.log(System.Logger.Level.WARNING, "pool " + name + ": dispose of a connection to " + e.key() + " failed", t);
            return t;
        }
    }

    private AcquireTimeoutException timedOut(E endpoint) {
        core.countTimeout(endpoint);
        return Failures.timeout(endpoint, name);
    }

    private ConnectionPoolClosedException closed() {
        return new ConnectionPoolClosedException("pool " + name + " is closed");
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
