package org.genericpool.impl.flavour;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.impl.engine.Entry;
import org.genericpool.impl.engine.PoolCore;
import org.genericpool.impl.engine.Waiter;

/**
 * One asynchronous acquire: the future handed to the caller and the state machine that
 * completes it. It runs the same steps as the blocking acquire (take or create, check, hook,
 * hand out) on whichever thread completed the previous step; a step whose stage is already
 * complete goes on inline without allocating.
 *
 * <p>A completion from outside (a cancel, or the caller's own {@code orTimeout},
 * {@code complete} or {@code completeExceptionally}) withdraws a queued waiter at once, as the
 * pool's deadline does. Whatever the machine holds when the future is already done goes
 * back to the engine: a connection via {@link PoolCore#putBack}, a grant via
 * {@link PoolCore#giveBack}, a connection created late goes idle. So nothing is ever lost.
 */
final class AsyncAcquire<E, C> extends CompletableFuture<C> {

    private final AsyncPool<E, C> pool;
    private final PoolCore<E, C> core;
    private final E endpoint;
    private final boolean timed;
    private final boolean noWait;
    private final long deadline;
    private boolean bypass;
    /** Whether the machine holds the endpoint slot {@link PoolCore#markDead} reserved for going on. */
    private boolean heldAfterDead;
    /** The queued waiter while there is one; read by the timer and by cancel. */
    private volatile Waiter<E, C> waiter;
    private volatile ScheduledFuture<?> timer;

    AsyncAcquire(AsyncPool<E, C> pool, E endpoint, boolean timed, boolean noWait, long deadline) {
        this.pool = pool;
        this.core = pool.core;
        this.endpoint = endpoint;
        this.timed = timed;
        this.noWait = noWait;
        this.deadline = deadline;
    }

    /**
     * Starts the machine; returns once it completed or waits for something. The deadline's timer
     * is scheduled only then, for an acquire left waiting (for a connection, a slot, or a stage of
     * the manager's): one completed on the spot, the common case, costs the shared timer nothing.
     * The caller sees the future only after this returns, so it cannot tell the difference.
     */
    AsyncAcquire<E, C> start() {
        run();
        if (timed && !isDone()) {
            ScheduledFuture<?> t = AsyncTimer.schedule(this::onDeadline, deadline - System.nanoTime());
            timer = t;
            if (isDone()) {
                t.cancel(false); // completed before the timer was published: cancelTimer() missed it
            }
        }
        return this;
    }

    private void run() {
        Object r;
        try {
            r = next();
        } catch (Throwable t) {
            fail(t);
            return;
        }
        if (r != null) {
            proceed(r);
        }
    }

    /** @return a LEASED entry or {@link PoolCore#PERMIT}; null if the machine waits, evicts or is done */
    private Object next() {
        for (;;) {
            if (isDone()) {
                if (heldAfterDead) {
                    heldAfterDead = false;
                    core.unreserve(endpoint);
                }
                return null;
            }
            boolean held = heldAfterDead;
            heldAfterDead = false; // given back by this poll, even if it throws
            Object r = core.poll(endpoint, bypass, held);
            if (r == PoolCore.NEED_TOTAL && evict()) {
                return null;
            }
            if (r == PoolCore.NONE || r == PoolCore.NEED_TOTAL) {
                boolean holdingSlot = r == PoolCore.NEED_TOTAL;
                if (noWait) {
                    if (holdingSlot) {
                        core.unreserve(endpoint);
                    }
                    failTimeout(true);
                    return null;
                }
                AsyncWaiter w = new AsyncWaiter();
                r = core.pollOrEnqueue(endpoint, w, bypass, holdingSlot);
                if (r == PoolCore.NEED_TOTAL) {
                    if (evict()) {
                        return null;
                    }
                    core.unreserve(endpoint);
                    continue;
                }
                if (r == PoolCore.ENQUEUED) {
                    waiter = w;
                    if (isDone() && core.cancel(w, false)) {
                        waiter = null; // cancelled or timed out while queueing
                    }
                    return null;
                }
            }
            bypass = false;
            return r;
        }
    }

    @SuppressWarnings("unchecked")
    private void proceed(Object r) {
        if (r == PoolCore.PERMIT) {
            create();
        } else {
            check((Entry<E, C>) r);
        }
    }

    /**
     * Holding an endpoint slot, evicts the soonest-expiring idle connection of the pool; once it
     * is disposed its total slot makes a {@link PoolCore#PERMIT} and the machine goes on to create.
     *
     * @return false if nothing was idle (the endpoint slot is still held)
     */
    private boolean evict() {
        Entry<E, C> victim = core.evictSoonestIdle();
        if (victim == null) {
            return false;
        }
        pool.disposeStage(victim, true).whenComplete((v, t) -> {
            bypass = false;
            create(); // frees the slot if the acquire is done meanwhile
        });
        return true;
    }

    /** Signalled by the engine with a grant, without any lock held. */
    private void resume(Waiter<E, C> w) {
        waiter = null;
        int grant = w.state();
        if (grant == Waiter.CLOSED) {
            fail(new ConnectionPoolClosedException("pool " + pool.name + " is closed"));
            return;
        }
        if (isDone()) {
            core.giveBack(w);
            return;
        }
        switch (grant) {
            case Waiter.ENTRY -> check(w.entry());
            case Waiter.PERMIT -> create();
            default -> { // RETRY: evict ahead of the queue
                bypass = true;
                run();
            }
        }
    }

    // ------------------------------------------------------------ aliveness, hooks, hand-out

    private void check(Entry<E, C> e) {
        if (isDone()) {
            core.putBack(e);
            return;
        }
        if (!pool.checksAliveness) {
            acquireHook(e);
            return;
        }
        CompletionStage<Boolean> s;
        try {
            s = pool.manager.checkAliveness(e.key(), e.connection());
        } catch (Throwable t) {
            s = CompletableFuture.failedFuture(t);
        }
        s = Stages.nonNull(s, "AsyncConnectionManager.checkAliveness");
        CompletableFuture<Boolean> f = Stages.doneOrNull(s);
        if (f != null) {
            Throwable t = Stages.failure(f);
            afterCheck(e, t == null ? f.getNow(Boolean.FALSE) : null, t);
        } else {
            s.whenComplete((alive, t) -> afterCheck(e, alive, Failures.unwrapOrNull(t)));
        }
    }

    private void afterCheck(Entry<E, C> e, Boolean alive, Throwable failure) {
        if (failure != null) {
            core.putBack(e);
            fail(Failures.of(failure, "checkAliveness", endpoint));
        } else if (Boolean.TRUE.equals(alive)) {
            acquireHook(e);
        } else if (core.markDead(e)) {
            Stages.call("AsyncConnectionManager.onConnectionDead", () -> pool.manager.onConnectionDead(e.key(), e.connection())).whenComplete((v, t) -> {
                pool.dispose(e);
                if (t != null) {
                    core.unreserve(endpoint);
                    fail(Failures.of(t, "onConnectionDead", endpoint));
                } else {
                    heldAfterDead = true;
                    run();
                }
            });
        } else {
            run(); // taken by close(timeout) meanwhile
        }
    }

    private void acquireHook(Entry<E, C> e) {
        if (!pool.acquireHook) {
            deliver(e);
            return;
        }
        Stages.call("AsyncConnectionManager.onAcquire", () -> pool.manager.onAcquire(e.key(), e.connection())).whenComplete((v, t) -> {
            if (t != null) {
                core.putBack(e);
                fail(Failures.of(t, "onAcquire", endpoint));
            } else {
                deliver(e);
            }
        });
    }

    private void deliver(Entry<E, C> e) {
        if (timed && System.nanoTime() - deadline > 0) {
            core.putBack(e);
            failTimeout(true);
        } else if (pool.handOutHooks && !core.handedOut(e)) {
            pool.dispose(e); // force-closed while the hooks ran: left to this machine to dispose
            fail(new ConnectionPoolClosedException("pool " + pool.name + " is closed"));
        } else if (!complete(e.connection())) {
            core.putBack(e); // cancelled or timed out meanwhile
        }
    }

    // ------------------------------------------------------------ create

    private void create() {
        if (isDone()) {
            core.createFailed(endpoint);
            return;
        }
        CompletionStage<C> s;
        try {
            s = pool.manager.create(endpoint);
        } catch (Throwable t) {
            s = CompletableFuture.failedFuture(t);
        }
        s = Stages.nonNull(s, "AsyncConnectionManager.create");
        CompletableFuture<C> f = Stages.doneOrNull(s);
        if (f != null) {
            Throwable t = Stages.failure(f);
            afterCreate(t == null ? f.getNow(null) : null, t);
        } else {
            s.whenComplete((c, t) -> afterCreate(c, Failures.unwrapOrNull(t)));
        }
    }

    private void afterCreate(C conn, Throwable failure) {
        if (failure != null || conn == null) {
            core.createFailed(endpoint);
            Throwable f = Failures.ofCreate(failure != null ? failure
                    : new NullPointerException("AsyncConnectionManager.create completed with null"), endpoint);
            if (f instanceof AcquireTimeoutException) {
                failCounted((AcquireTimeoutException) f);
            } else {
                completeExceptionally(f);
            }
            return;
        }
        long now = System.nanoTime(); // the connection's birth time too: one clock read for both
        boolean deliver = !isDone() && !(timed && now - deadline > 0);
        Entry<E, C> e;
        try {
            e = core.created(endpoint, conn, deliver, now);
        } catch (ConnectionPoolClosedException x) {
            fail(x);
            return;
        }
        if (e == null) {
            failTimeout(true); // created late: it went idle or to a waiter
        } else {
            acquireHook(e);
        }
    }

    // ------------------------------------------------------------ completion

    private void onDeadline() {
        Waiter<E, C> w = waiter;
        if (w != null) {
            if (core.cancel(w, true)) {
                waiter = null;
                if (!completeExceptionally(Failures.timeout(endpoint, pool.name))) {
                    core.uncountTimeout(endpoint); // the caller's cancel completed it first: not a timeout
                }
            }
            // else: granted meanwhile; the resumed machine sees the deadline
        } else {
            failTimeout(true);
        }
    }

    private void failTimeout(boolean count) {
        RuntimeException f = Failures.timeout(endpoint, pool.name);
        if (count) {
            failCounted(f);
        } else {
            completeExceptionally(f);
        }
    }

    /**
     * Fails with a timeout counted first, so that a caller woken by the failure reads statistics
     * that include it; the count is taken back if a cancel completed the future meanwhile.
     */
    private void failCounted(RuntimeException timeout) {
        if (isDone()) {
            return;
        }
        core.countTimeout(endpoint);
        if (!completeExceptionally(timeout)) {
            core.uncountTimeout(endpoint);
        }
    }

    private void fail(Throwable t) {
        completeExceptionally(Failures.unwrap(t));
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** Withdraws the request: a queued waiter leaves the queue, anything granted later goes back. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return withdrawIf(super.cancel(mayInterruptIfRunning));
    }

    /**
     * Completes the future; when the caller does it (or {@code completeOnTimeout}), the request is
     * withdrawn as by {@link #cancel}. The machine's own hand-out comes here too, holding no waiter.
     */
    @Override
    public boolean complete(C value) {
        return withdrawIf(super.complete(value));
    }

    /**
     * Fails the future; when the caller does it (or {@code orTimeout}), the request is withdrawn
     * as by {@link #cancel}, so no waiter stays queued for a future nobody waits on.
     */
    @Override
    public boolean completeExceptionally(Throwable ex) {
        return withdrawIf(super.completeExceptionally(ex));
    }

    /** After a completion that took effect: stops the timer and takes a queued waiter out. */
    private boolean withdrawIf(boolean completed) {
        if (completed) {
            cancelTimer();
            Waiter<E, C> w = waiter;
            if (w != null && core.cancel(w, false)) {
                waiter = null;
            }
        }
        return completed;
    }

    /** The engine's handle on this acquire while it waits. */
    private final class AsyncWaiter extends Waiter<E, C> {
        @Override
        protected void signal() {
            resume(this);
        }
    }
}
