package org.genericpool.impl.flavour;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.impl.engine.Entry;
import org.genericpool.impl.expiry.Timeouts;

/**
 * The {@link CompletableFuture} flavour: the same engine as {@link BlockingPool}, with the
 * manager's stages chained instead of waited for. No method blocks a thread while waiting for a
 * connection; deadlines fire on one shared timer thread ({@link AsyncTimer}).
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public final class AsyncPool<E, C> extends AbstractPool<E, C> implements AsyncConnectionPool<E, C> {

    final AsyncConnectionManager<E, C> manager;
    final boolean checksAliveness;
    final boolean acquireHook;
    private final boolean releaseHook;
    /** Whether a hand-out runs manager hooks: the engine then marks it until {@code handedOut}. */
    final boolean handOutHooks;

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if an open pool already has the config's name
     */
    public AsyncPool(AsyncConnectionManager<E, C> manager, PoolConfig config) {
        super(checked(manager, config));
        this.manager = manager;
        this.checksAliveness = Hooks.overrides(manager, AsyncConnectionManager.class, "checkAliveness", Object.class, Object.class);
        this.acquireHook = Hooks.overrides(manager, AsyncConnectionManager.class, "onAcquire", Object.class, Object.class);
        this.releaseHook = Hooks.overrides(manager, AsyncConnectionManager.class, "onRelease", Object.class, Object.class);
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
    public CompletableFuture<C> acquire(E endpoint) {
        return acquire(endpoint, null);
    }

    @Override
    public CompletableFuture<C> acquire(E endpoint, Duration timeout) {
        Objects.requireNonNull(endpoint, "endpoint");
        long deadline = deadlineOf(timeout);
        boolean noWait = deadline == NO_WAIT;
        boolean timed = deadline != UNTIMED && !noWait;
        return new AsyncAcquire<>(this, endpoint, timed, noWait, deadline).start();
    }

    @Override
    public CompletableFuture<Void> release(E endpoint, C connection) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connection, "connection");
        if (!releaseHook) {
            Entry<E, C> gone;
            try {
                gone = core.release(endpoint, connection);
            } catch (IllegalStateException e) {
                return CompletableFuture.failedFuture(e);
            }
            // as in the blocking flavour, a failing dispose of what the release disposed is logged, not reported
            return gone != null ? disposeStage(gone).handle((v, t) -> null) : DoneFuture.INSTANCE;
        }
        Entry<E, C> e;
        try {
            e = core.checkout(endpoint, connection);
        } catch (IllegalStateException x) {
            return CompletableFuture.failedFuture(x);
        }
        if (e == null) {
            return DoneFuture.INSTANCE; // disposed by closeAsync(timeout) already
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Stages.call("AsyncConnectionManager.onRelease", () -> manager.onRelease(endpoint, connection)).whenComplete((v, t) -> {
            Entry<E, C> gone = core.checkin(e, t == null); // a failed hook disposes nothing further
            CompletionStage<Void> disposed = gone != null ? disposeStage(gone) : DoneFuture.INSTANCE;
            disposed.whenComplete((x, y) -> settle(done, t, "onRelease", endpoint));
        });
        return done;
    }

    @Override
    public CompletableFuture<Void> discard(E endpoint, C connection) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(connection, "connection");
        Entry<E, C> e;
        try {
            e = core.discard(endpoint, connection);
        } catch (IllegalStateException x) {
            return CompletableFuture.failedFuture(x);
        }
        if (e == null) {
            return DoneFuture.INSTANCE;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        disposeStage(e).whenComplete((v, t) -> settle(done, t, "dispose", endpoint));
        return done;
    }

    /** Completes {@code done} normally, or with what a caller should see of the manager's failure {@code t}. */
    private static void settle(CompletableFuture<Void> done, Throwable t, String what, Object endpoint) {
        if (t != null) {
            done.completeExceptionally(Failures.of(t, what, endpoint));
        } else {
            done.complete(null);
        }
    }

    @Override
    public <T> CompletableFuture<T> withConnection(E endpoint, Function<? super C, ? extends CompletionStage<T>> action) {
        return withConnection(endpoint, null, action);
    }

    @Override
    public <T> CompletableFuture<T> withConnection(E endpoint, Duration timeout,
                                                   Function<? super C, ? extends CompletionStage<T>> action) {
        Objects.requireNonNull(action, "action");
        CompletableFuture<C> acquired = acquire(endpoint, timeout);
        CompletableFuture<T> out = new CompletableFuture<>();
        // A caller who gives up on the result (cancel, orTimeout) while the acquire waits withdraws
        // the acquire; a connection that arrives anyway goes straight back, since no action will
        // run to release it.
        out.whenComplete((v, t) -> acquired.cancel(false));
        acquired.whenComplete((conn, acquireFailure) -> {
            if (acquireFailure != null) {
                out.completeExceptionally(Failures.unwrap(acquireFailure));
            } else if (out.isDone()) {
                release(endpoint, conn);
            } else {
                Stages.<T>call("the withConnection action", () -> action.apply(conn)).whenComplete((value, failure) ->
                        release(endpoint, conn).whenComplete((v, releaseFailure) -> {
                            if (failure != null) {
                                out.completeExceptionally(Failures.unwrap(failure));
                            } else if (releaseFailure != null) {
                                out.completeExceptionally(Failures.unwrap(releaseFailure));
                            } else {
                                out.complete(value);
                            }
                        }));
            }
        });
        return out;
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        beginClose();
        return core.terminated().copy();
    }

    /**
     * Completes once every connection is disposed, or once {@code timeout} has passed and the
     * leased connections are disposed too (a connection whose hook still runs then is disposed
     * by its own thread when the hook returns, after this future completed).
     */
    @Override
    public CompletableFuture<Void> closeAsync(Duration timeout) {
        requireTimeout(timeout);
        beginClose();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        core.terminated().whenComplete((v, t) -> closed.complete(null));
        if (!closed.isDone()) {
            AsyncTimer.schedule(() -> {
                if (!closed.isDone()) {
                    CompletableFuture<?>[] disposals = core.detachLeasedOnClose().stream()
                            .map(this::disposeStage).toArray(CompletableFuture<?>[]::new);
                    CompletableFuture.allOf(disposals).whenComplete((v, t) -> closed.complete(null));
                }
            }, Timeouts.nanos(timeout));
        }
        return closed;
    }

    @Override
    public void close() {
        closeAsync().join();
    }

    @Override
    void dispose(Entry<E, C> entry) {
        disposeStage(entry);
    }

    /** Disposes with the manager; the stage completes (with the manager's failure, if any) once the engine knows. */
    CompletableFuture<Void> disposeStage(Entry<E, C> e) {
        return disposeStage(e, false);
    }

    /**
     * Disposes with the manager, then reports to the engine: as an evicted connection (whose total
     * slot the evictor keeps) or as an ordinary one.
     */
    CompletableFuture<Void> disposeStage(Entry<E, C> e, boolean evicted) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledFuture<?> watchdog = evicted ? null : watchDispose(e);
        Stages.call("AsyncConnectionManager.dispose", () -> manager.dispose(e.key(), e.connection())).whenComplete((v, t) -> {
            cancel(watchdog);
            if (t != null) {
                LOG.log(System.Logger.Level.WARNING, "pool " + name + ": dispose of a connection to " + e.key() + " failed", t);
            }
            if (evicted) {
                core.victimDisposed(e);
            } else {
                core.disposed(e);
            }
            if (t != null) {
                done.completeExceptionally(Failures.unwrap(t));
            } else {
                done.complete(null);
            }
        });
        return done;
    }
}
