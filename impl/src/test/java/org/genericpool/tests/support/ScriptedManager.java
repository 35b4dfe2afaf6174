package org.genericpool.tests.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;

/**
 * A scriptable connection manager for both flavours (the Java counterpart of the Python suite's
 * {@code MockConnectionManager}, plus what the concurrency tests need).
 *
 * <ul>
 *   <li><b>Records</b> (in call order): creations, disposals, hook calls, the timeouts {@code create}
 *       was given. Switch off with {@link #recording(boolean)} for runs with very many calls.</li>
 *   <li><b>Script</b>: an exception per callback ({@code createError}, ...), a {@link Gate} that holds
 *       {@code create} until the test opens it, random create failures and dead connections, and an
 *       executor on which the async view completes its stages (else they complete on the caller).</li>
 *   <li><b>Counts</b>: live connections per endpoint and in all, where a connection is live from the
 *       call of {@code create} until the call of {@code dispose} (or the failure of {@code create}),
 *       exactly DESIGN.md's slot rule; any moment above {@link #limits(int, int)} is a violation, as is
 *       disposing a connection twice, disposing a foreign one, or a hook on a disposed connection.</li>
 * </ul>
 * Thread-safe. {@link #async()} is a view with the same script, records and counts.
 */
public final class ScriptedManager implements ConnectionManager<Integer, TestConnection> {
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean recording = true;
    private final List<TestConnection> creations = Collections.synchronizedList(new ArrayList<>());
    private final List<TestConnection> disposals = Collections.synchronizedList(new ArrayList<>());
    private final List<TestConnection> acquires = Collections.synchronizedList(new ArrayList<>());
    private final List<TestConnection> releases = Collections.synchronizedList(new ArrayList<>());
    private final List<TestConnection> dead = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> createTimeouts = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> disposeTimeouts = Collections.synchronizedList(new ArrayList<>());

    public volatile Throwable createError;
    public volatile Throwable disposeError;
    public volatile Throwable alivenessError;
    public volatile Throwable onAcquireError;
    public volatile Throwable onReleaseError;
    public volatile Throwable onDeadError;
    /** Thrown by {@code create} for one endpoint only. */
    public final java.util.Map<Integer, Exception> createErrorByEndpoint = new ConcurrentHashMap<>();
    /** Thrown by the next {@code onAcquire} only (one shot). */
    public final java.util.concurrent.atomic.AtomicReference<Exception> onAcquireOnce =
            new java.util.concurrent.atomic.AtomicReference<>();
    /** Holds the creates of one endpoint until opened. */
    public final java.util.Map<Integer, Gate> createGateByEndpoint = new ConcurrentHashMap<>();
    /** Holds every {@code dispose} (after it counted the connection gone) until opened; null = at once. */
    public volatile Gate disposeGate;
    /** Upper bound of a random time each {@code dispose} takes after it counted the connection gone (0 = at once). */
    public volatile int disposeDelayMaxMillis;
    /** Holds every {@code onRelease} until opened; null = at once. */
    public volatile Gate onReleaseGate;
    /** Holds every {@code onConnectionDead} until opened; null = at once. */
    public volatile Gate onDeadGate;
    /** Holds every {@code create} until opened; null = create at once. */
    public volatile Gate createGate;
    /** Whether created connections are all {@code equals} to each other (identity must still tell them apart). */
    public volatile boolean equalConnections;
    /** Probability that a {@code create} fails with an {@link IOException}. */
    public volatile double createFailureRate;
    /** How long {@code onAcquire} takes (blocking: sleeps; async: the stage completes that much later). */
    public volatile Duration onAcquireDelay;
    /** Probability that {@code onAcquire} fails (with a {@link TestRuntimeException}). */
    public volatile double onAcquireFailureRate;
    /** Probability that an aliveness check reports a connection dead. */
    public volatile double deadRate;
    /** Where the async view completes its create and dispose stages; null = on the calling thread. */
    public volatile Executor asyncCompletion;

    private final AtomicInteger liveTotal = new AtomicInteger();
    private final ConcurrentHashMap<Integer, Integer> livePerEndpoint = new ConcurrentHashMap<>();
    private volatile int maxPerEndpoint = Integer.MAX_VALUE;
    private volatile int maxTotal = Integer.MAX_VALUE;
    private final AtomicInteger peakTotal = new AtomicInteger();
    private final AtomicInteger peakPerEndpoint = new AtomicInteger();
    private final Queue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger violationCount = new AtomicInteger();
    private final AtomicLong createCalls = new AtomicLong();
    private final AtomicLong created = new AtomicLong();
    private final AtomicLong createFailures = new AtomicLong();
    private final AtomicLong disposeCalls = new AtomicLong();
    private final AtomicLong disposedWhileInUse = new AtomicLong();
    private final AsyncView async = new AsyncView();

    /** @return the async flavour of this manager: same script, records and counts */
    public AsyncConnectionManager<Integer, TestConnection> async() {
        return async;
    }

    /** Records a violation whenever more than these connections are live (per endpoint, in all). */
    public ScriptedManager limits(int perEndpoint, int total) {
        this.maxPerEndpoint = perEndpoint;
        this.maxTotal = total;
        return this;
    }

    public ScriptedManager recording(boolean on) {
        this.recording = on;
        return this;
    }

    // ---- blocking flavour ----

    @Override
    public TestConnection create(Integer endpoint, Duration timeout) throws Exception {
        if (recording) {
            createTimeouts.add(timeout);
        }
        beginCreate(endpoint);
        try {
            Gate gate = createGate;
            if (gate != null) {
                gate.passBlocking();
            }
            Gate mine = createGateByEndpoint.get(endpoint);
            if (mine != null) {
                mine.passBlocking();
            }
            return finishCreate(endpoint);
        } catch (Exception | Error e) {
            failCreate(endpoint);
            throw e;
        }
    }

    @Override
    public void dispose(Integer endpoint, TestConnection connection, Duration timeout) throws Exception {
        if (recording) {
            disposeTimeouts.add(timeout);
        }
        doDispose(endpoint, connection, true);
    }

    /** Opens every gate this manager holds, so no call stays held after a test. */
    public void openAllGates() {
        Gate g = createGate;
        if (g != null) {
            g.open();
        }
        g = disposeGate;
        if (g != null) {
            g.open();
        }
        g = onReleaseGate;
        if (g != null) {
            g.open();
        }
        g = onDeadGate;
        if (g != null) {
            g.open();
        }
        createGateByEndpoint.values().forEach(Gate::open);
    }

    @Override
    public boolean checkAliveness(Integer endpoint, TestConnection connection, Duration timeout) throws Exception {
        enter(connection);
        try {
            return doCheckAliveness(endpoint, connection);
        } finally {
            exit(connection);
        }
    }

    @Override
    public void onAcquire(Integer endpoint, TestConnection connection) throws Exception {
        enter(connection);
        try {
            Duration delay = onAcquireDelay;
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            doOnAcquire(endpoint, connection);
        } finally {
            exit(connection);
        }
    }

    private static void enter(TestConnection c) {
        c.inCallback.incrementAndGet();
    }

    private static void exit(TestConnection c) {
        c.inCallback.decrementAndGet();
    }

    private void doOnAcquire(Integer endpoint, TestConnection connection) throws Exception {
        checkNotDisposed("onAcquire", connection);
        throwIfSet(onAcquireError);
        throwIfSet(onAcquireOnce.getAndSet(null));
        double rate = onAcquireFailureRate;
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            throw new TestRuntimeException("scripted random onAcquire failure");
        }
        record(acquires, connection);
    }

    @Override
    public void onRelease(Integer endpoint, TestConnection connection) throws Exception {
        enter(connection);
        try {
            Gate gate = onReleaseGate;
            if (gate != null) {
                gate.passBlocking();
            }
            doOnRelease(connection);
        } finally {
            exit(connection);
        }
    }

    private void doOnRelease(TestConnection connection) throws Exception {
        checkNotDisposed("onRelease", connection);
        throwIfSet(onReleaseError);
        record(releases, connection);
    }

    @Override
    public void onConnectionDead(Integer endpoint, TestConnection connection) throws Exception {
        enter(connection);
        try {
            Gate gate = onDeadGate;
            if (gate != null) {
                gate.passBlocking();
            }
            doOnDead(connection);
        } finally {
            exit(connection);
        }
    }

    private void doOnDead(TestConnection connection) throws Exception {
        throwIfSet(onDeadError);
        record(dead, connection);
    }

    // ---- shared logic ----

    private void beginCreate(Integer endpoint) {
        createCalls.incrementAndGet();
        int total = liveTotal.incrementAndGet();
        peakTotal.accumulateAndGet(total, Math::max);
        if (total > maxTotal) {
            violation("live connections " + total + " > totalMaxSize " + maxTotal);
        }
        int n = livePerEndpoint.merge(endpoint, 1, Integer::sum);
        peakPerEndpoint.accumulateAndGet(n, Math::max);
        if (n > maxPerEndpoint) {
            violation("live connections of endpoint " + endpoint + ": " + n + " > maxSize " + maxPerEndpoint);
        }
    }

    private TestConnection finishCreate(Integer endpoint) throws Exception {
        throwIfSet(createError);
        throwIfSet(createErrorByEndpoint.get(endpoint));
        double rate = createFailureRate;
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            throw new IOException("scripted random create failure");
        }
        long id = sequence.incrementAndGet();
        TestConnection c = equalConnections ? new TestConnection.Equal(endpoint, id) : new TestConnection(endpoint, id);
        created.incrementAndGet();
        record(creations, c);
        return c;
    }

    private void failCreate(Integer endpoint) {
        createFailures.incrementAndGet();
        liveDown(endpoint);
    }

    private void liveDown(Integer endpoint) {
        liveTotal.decrementAndGet();
        livePerEndpoint.computeIfPresent(endpoint, (k, v) -> v == 1 ? null : v - 1);
    }

    private void doDispose(Integer endpoint, TestConnection connection, boolean blockOnGate) throws Exception {
        if (connection.id() < 0) {
            violation("dispose of a foreign connection " + connection);
            return;
        }
        if (!connection.endpoint().equals(endpoint)) {
            violation("dispose of " + connection + " with endpoint " + endpoint);
        }
        if (!connection.markDisposed()) {
            violation("connection disposed twice: " + connection);
            return;
        }
        if (connection.inUse.get()) {
            disposedWhileInUse.incrementAndGet();
        }
        if (connection.inCallback.get() > 0) {
            violation("dispose of " + connection + " while another manager callback runs on it");
        }
        disposeCalls.incrementAndGet();
        liveDown(endpoint);
        Gate gate = disposeGate;
        if (gate != null && blockOnGate) {
            gate.passBlocking();
        }
        int slow = disposeDelayMaxMillis;
        if (slow > 0 && blockOnGate) {
            Thread.sleep(ThreadLocalRandom.current().nextInt(slow + 1));
        }
        throwIfSet(disposeError);
        record(disposals, connection);
    }

    private boolean doCheckAliveness(Integer endpoint, TestConnection connection) throws Exception {
        checkNotDisposed("checkAliveness", connection);
        throwIfSet(alivenessError);
        double rate = deadRate;
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            return false;
        }
        return connection.alive;
    }

    private void checkNotDisposed(String hook, TestConnection connection) {
        if (connection.isDisposed()) {
            violation(hook + " called for disposed connection " + connection);
        }
    }

    private static void throwIfSet(Throwable t) throws Exception {
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) {
            throw (Exception) t;
        }
    }

    private void record(List<TestConnection> list, TestConnection c) {
        if (recording) {
            list.add(c);
        }
    }

    private void violation(String what) {
        if (violationCount.incrementAndGet() <= 100) {
            violations.add(what);
        }
    }

    // ---- what tests read ----

    public List<TestConnection> creations() {
        return snapshot(creations);
    }

    public List<TestConnection> disposals() {
        return snapshot(disposals);
    }

    public List<TestConnection> acquires() {
        return snapshot(acquires);
    }

    public List<TestConnection> releases() {
        return snapshot(releases);
    }

    public List<TestConnection> dead() {
        return snapshot(dead);
    }

    /** @return the timeout argument of each blocking {@code create} call, in order (may hold nulls) */
    public List<Duration> createTimeouts() {
        synchronized (createTimeouts) {
            return new ArrayList<>(createTimeouts);
        }
    }

    /** @return the timeout argument of each blocking {@code dispose} call, in order (may hold nulls) */
    public List<Duration> disposeTimeouts() {
        synchronized (disposeTimeouts) {
            return new ArrayList<>(disposeTimeouts);
        }
    }

    private static List<TestConnection> snapshot(List<TestConnection> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** @return connections live now (create called, dispose not yet called) */
    public int live() {
        return liveTotal.get();
    }

    public int live(Integer endpoint) {
        return livePerEndpoint.getOrDefault(endpoint, 0);
    }

    /** @return how many endpoints have live connections now (this map forgets empty ones) */
    public int liveEndpoints() {
        return livePerEndpoint.size();
    }

    public int peakTotal() {
        return peakTotal.get();
    }

    public int peakPerEndpoint() {
        return peakPerEndpoint.get();
    }

    public long createCalls() {
        return createCalls.get();
    }

    /** @return successful creates */
    public long created() {
        return created.get();
    }

    public long createFailures() {
        return createFailures.get();
    }

    /** @return dispose calls (each connection counted once) */
    public long disposed() {
        return disposeCalls.get();
    }

    /** @return disposes of connections a test still marked in use (legitimate only after close(timeout)) */
    public long disposedWhileInUse() {
        return disposedWhileInUse.get();
    }

    public int violationCount() {
        return violationCount.get();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    // ---- async flavour ----

    private final class AsyncView implements AsyncConnectionManager<Integer, TestConnection> {
        @Override
        public CompletionStage<TestConnection> create(Integer endpoint) {
            beginCreate(endpoint);
            Gate gate = createGate;
            CompletableFuture<Void> start = gate == null ? CompletableFuture.completedFuture(null) : gate.passAsync();
            Gate mine = createGateByEndpoint.get(endpoint);
            if (mine != null) {
                start = start.thenCompose(v -> mine.passAsync());
            }
            return then(start, () -> {
                try {
                    return finishCreate(endpoint);
                } catch (Exception | Error e) {
                    failCreate(endpoint);
                    throw e;
                }
            });
        }

        @Override
        public CompletionStage<Void> dispose(Integer endpoint, TestConnection connection) {
            // counted gone at the call, as in the blocking flavour; the stage waits for the gate
            CompletableFuture<Void> counted = new CompletableFuture<>();
            try {
                doDispose(endpoint, connection, false);
                counted.complete(null);
            } catch (Throwable t) {
                counted.completeExceptionally(t);
            }
            Gate gate = disposeGate;
            CompletableFuture<Void> start = gate == null ? CompletableFuture.completedFuture(null) : gate.passAsync();
            int slow = disposeDelayMaxMillis;
            if (slow > 0) {
                Executor later = CompletableFuture.delayedExecutor(ThreadLocalRandom.current().nextInt(slow + 1),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                start = start.thenRunAsync(() -> { }, later);
            }
            return then(start, () -> {
                Futures.get(counted);
                return null;
            });
        }

        @Override
        public CompletionStage<Boolean> checkAliveness(Integer endpoint, TestConnection connection) {
            enter(connection);
            return tracked(connection, now(() -> doCheckAliveness(endpoint, connection)));
        }

        @Override
        public CompletionStage<Void> onAcquire(Integer endpoint, TestConnection connection) {
            enter(connection);
            Duration delay = onAcquireDelay;
            if (delay != null) {
                Executor later = CompletableFuture.delayedExecutor(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                return tracked(connection, then(CompletableFuture.runAsync(() -> { }, later), () -> {
                    doOnAcquire(endpoint, connection);
                    return null;
                }));
            }
            return tracked(connection, now(() -> {
                doOnAcquire(endpoint, connection);
                return null;
            }));
        }

        @Override
        public CompletionStage<Void> onRelease(Integer endpoint, TestConnection connection) {
            enter(connection);
            Gate gate = onReleaseGate;
            CompletableFuture<Void> start = gate == null ? CompletableFuture.completedFuture(null) : gate.passAsync();
            return tracked(connection, then(start, () -> {
                doOnRelease(connection);
                return null;
            }));
        }

        @Override
        public CompletionStage<Void> onConnectionDead(Integer endpoint, TestConnection connection) {
            enter(connection);
            Gate gate = onDeadGate;
            CompletableFuture<Void> start = gate == null ? CompletableFuture.completedFuture(null) : gate.passAsync();
            return tracked(connection, then(start, () -> {
                doOnDead(connection);
                return null;
            }));
        }

        /** The callback counts as running on {@code c} until its stage completes; the pool sees the same outcome. */
        private <T> CompletionStage<T> tracked(TestConnection c, CompletionStage<T> stage) {
            CompletableFuture<T> out = new CompletableFuture<>();
            stage.whenComplete((v, t) -> {
                exit(c);
                if (t != null) {
                    out.completeExceptionally(t);
                } else {
                    out.complete(v);
                }
            });
            return out;
        }

        /** Runs {@code body} when {@code start} completes (on {@link #asyncCompletion} if set); fails with the raw exception. */
        private <T> CompletionStage<T> then(CompletableFuture<Void> start, Callable<T> body) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Executor executor = asyncCompletion;
            if (executor == null) {
                start.whenComplete((v, t) -> run(body, result));
            } else {
                start.whenCompleteAsync((v, t) -> run(body, result), executor);
            }
            return result;
        }

        private <T> CompletionStage<T> now(Callable<T> body) {
            CompletableFuture<T> result = new CompletableFuture<>();
            run(body, result);
            return result;
        }

        private <T> void run(Callable<T> body, CompletableFuture<T> result) {
            try {
                result.complete(body.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }
}
