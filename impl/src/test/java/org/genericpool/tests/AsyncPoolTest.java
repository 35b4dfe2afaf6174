package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.genericpool.AcquireTimeoutException;
import org.genericpool.EndpointStats;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.tests.support.AsyncTestPool;
import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.Futures;
import org.genericpool.tests.support.Gate;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.TestRuntimeException;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What only the {@code CompletableFuture} flavour has: calls never block, failures arrive through
 * the future, cancellation, deadlines that fire while a create is still running, withConnection.
 */
@Timeout(30)
class AsyncPoolTest extends PoolTestBase {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }

    private static AsyncConnectionPool<Integer, TestConnection> raw(TestPool pool) {
        return ((AsyncTestPool) pool).raw();
    }

    @Test
    @DisplayName("acquire returns at once while the create is in progress or the caller must wait")
    void acquireNeverBlocks() throws Exception {
        Gate gate = gateCreates();
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config().maxSize(1)));
        long start = System.nanoTime();
        CompletableFuture<TestConnection> creating = pool.acquire(1);
        CompletableFuture<TestConnection> waiting = pool.acquire(1);
        assertTrue(millisSince(start) < 1000, "acquire took " + millisSince(start) + " ms");
        assertFalse(creating.isDone());
        assertFalse(waiting.isDone());

        gate.open();
        TestConnection c = Futures.get(creating);
        Futures.get(pool.release(1, c));
        assertSame(c, Futures.get(waiting));
        Futures.get(pool.release(1, c));
    }

    @Test
    @DisplayName("a null endpoint is thrown by acquire, not returned in the future")
    void nullEndpointIsThrown() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        assertNpe("endpoint", () -> pool.acquire(null));
        assertNpe("endpoint", () -> pool.acquire(null, Duration.ZERO));
    }

    @Test
    @DisplayName("a foreign release completes its future with IllegalStateException")
    void foreignReleaseFailsTheFuture() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        CompletableFuture<Void> f = pool.release(1, TestConnection.foreign(1));
        assertInstanceOf(IllegalStateException.class, assertThrows(Exception.class, () -> Futures.get(f)));
        CompletableFuture<Void> g = pool.discard(1, TestConnection.foreign(1));
        assertInstanceOf(IllegalStateException.class, assertThrows(Exception.class, () -> Futures.get(g)));
    }

    @Test
    @DisplayName("the deadline fires while the create still runs; the late connection then goes idle")
    void deadlineFiresDuringCreate() throws Exception {
        Gate gate = gateCreates();
        TestPool pool = open(config());
        long start = System.nanoTime();
        CompletableFuture<TestConnection> f = raw(pool).acquire(1, DELAY);
        gate.awaitEntered(1);
        assertInstanceOf(AcquireTimeoutException.class, assertThrows(Exception.class, () -> Futures.get(f)));
        assertTrue(millisSince(start) >= DELAY.toMillis() - 5);
        assertFalse(gate.isOpen(), "failed before the create completed");
        assertEquals(1, pool.stats(1).timeouts(), "counted before the failure is seen");

        gate.open();
        Waits.until(() -> pool.stats(1).idle() == 1, () -> "late connection idle: " + pool.stats(1));
        assertEquals(1, pool.stats(1).timeouts());
        TestConnection c = pool.acquire(1, Duration.ZERO);
        assertSame(manager.creations().get(0), c);
        pool.release(1, c);
    }

    @Test
    @DisplayName("a cancelled acquire whose create completes later leaves the connection idle")
    void cancelledAcquireLeavesCreatedConnectionIdle() throws Exception {
        Gate gate = gateCreates();
        TestPool pool = open(config());
        CompletableFuture<TestConnection> f = raw(pool).acquire(1);
        gate.awaitEntered(1);
        assertTrue(f.cancel(true));

        gate.open();
        Waits.until(() -> pool.stats(1).idle() == 1, () -> "created connection idle: " + pool.stats(1));
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 0, 0), pool.stats(1));
        TestConnection c = pool.acquire(1, Duration.ZERO);
        assertSame(manager.creations().get(0), c);
        pool.release(1, c);
    }

    @Test
    @DisplayName("cancelling one waiter leaves the others queued in order")
    void cancelOneWaiter() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        var w1 = pool.startAcquire(1, null);
        w1.awaitQueued();
        var w2 = pool.startAcquire(1, null);
        w2.awaitQueued();
        w1.cancel();
        Waits.until(() -> pool.stats(1).pending() == 1, "one waiter left");
        pool.release(1, c);
        assertSame(c, w2.join());
        pool.release(1, c);
    }

    @Test
    @DisplayName("an acquire the caller times out (orTimeout) or completes itself leaves no waiter behind")
    void callerCompletedAcquireLeavesNoWaiter() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config().maxSize(1)));
        TestConnection c = Futures.get(pool.acquire(1));
        CompletableFuture<TestConnection> timedOut = pool.acquire(1).orTimeout(50, TimeUnit.MILLISECONDS);
        assertInstanceOf(TimeoutException.class, assertThrows(Exception.class, () -> Futures.get(timedOut)));
        Waits.until(() -> pool.stats(1).pending() == 0, () -> "timed-out waiter withdrawn: " + pool.stats(1));
        CompletableFuture<TestConnection> failed = pool.acquire(1);
        assertEquals(1, pool.stats(1).pending());
        assertTrue(failed.completeExceptionally(new TestRuntimeException("caller gave up")));
        assertEquals(0, pool.stats(1).pending(), "withdrawn at once");

        Futures.get(pool.release(1, c));
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
        assertSame(c, Futures.get(pool.acquire(1, Duration.ZERO)), "the connection went idle, to no one");
        Futures.get(pool.release(1, c));
    }

    @Test
    @DisplayName("a withConnection cancelled or timed out by its caller while waiting withdraws its acquire and never runs the action")
    void withConnectionGivenUpWhileWaiting() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config().maxSize(1)));
        TestConnection c = Futures.get(pool.acquire(1));
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> cancelled = pool.withConnection(1, cn -> {
            ran.set(true);
            return CompletableFuture.completedFuture("ran");
        });
        CompletableFuture<String> timedOut = pool.withConnection(1, cn -> {
            ran.set(true);
            return CompletableFuture.completedFuture("ran");
        }).orTimeout(50, TimeUnit.MILLISECONDS);
        assertEquals(2, pool.stats(1).pending());
        assertTrue(cancelled.cancel(true));
        assertInstanceOf(TimeoutException.class, assertThrows(Exception.class, () -> Futures.get(timedOut)));
        Waits.until(() -> pool.stats(1).pending() == 0, () -> "both acquires withdrawn: " + pool.stats(1));

        Futures.get(pool.release(1, c));
        assertFalse(ran.get(), "no action ran");
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
        Futures.get(pool.closeAsync()); // completes: no connection is left leased
        assertTrue(pool.isClosed());
        assertEquals(1, manager.disposals().size());
    }

    @Test
    @DisplayName("a withConnection cancelled while its action runs still releases the connection when the action's stage completes")
    void withConnectionCancelledWhileActionRuns() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> f = pool.withConnection(1, cn -> work);
        assertEquals(1, pool.stats(1).acquired());
        assertTrue(f.cancel(true));
        assertEquals(1, pool.stats(1).acquired(), "the running action keeps its connection");
        work.complete("done");
        assertEquals(0, pool.stats(1).acquired());
        assertEquals(1, pool.stats(1).idle());
    }

    @Test
    @DisplayName("withConnection returns the action's result and releases the connection")
    void withConnectionResult() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        String result = Futures.get(pool.withConnection(1, c -> CompletableFuture.completedFuture("used " + c)));
        assertEquals("used 1:1", result);
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
    }

    @Test
    @DisplayName("a withConnection action that returns null fails the future with a NullPointerException naming the action; the connection goes back")
    void withConnectionNullStage() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Futures.get(pool.withConnection(1, c -> (CompletableFuture<String>) null)));
        assertEquals("the withConnection action returned a null stage", e.getMessage());
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
    }

    @Test
    @DisplayName("withConnection holds the connection until the action's stage completes")
    void withConnectionHoldsUntilStageCompletes() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture<String> f = pool.withConnection(1, Duration.ofSeconds(5), c -> work);
        assertEquals(1, pool.stats(1).acquired());
        assertFalse(f.isDone());
        work.complete("done");
        assertEquals("done", Futures.get(f));
        assertEquals(0, pool.stats(1).acquired());
        assertEquals(1, pool.stats(1).idle());
    }

    @Test
    @DisplayName("withConnection releases the connection when the action fails or throws, and reports that failure")
    void withConnectionActionFailure() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        TestRuntimeException boom = new TestRuntimeException("action");
        Exception failed = assertThrows(Exception.class,
                () -> Futures.get(pool.withConnection(1, c -> CompletableFuture.failedFuture(boom))));
        assertSame(boom, failed);
        Exception thrown = assertThrows(Exception.class, () -> Futures.get(pool.withConnection(1, c -> {
            throw boom;
        })));
        assertSame(boom, thrown);
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 2, 0), pool.stats(1));
    }

    @Test
    @DisplayName("withConnection does not run the action when the acquire fails")
    void withConnectionAcquireFailure() throws Exception {
        manager.createError = new TestRuntimeException("create");
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        AtomicBoolean ran = new AtomicBoolean();
        Exception e = assertThrows(Exception.class, () -> Futures.get(pool.withConnection(1, c -> {
            ran.set(true);
            return CompletableFuture.completedFuture(null);
        })));
        assertSame(manager.createError, e);
        assertFalse(ran.get());
    }

    @Test
    @DisplayName("withConnection with a timeout fails with AcquireTimeoutException without running the action")
    void withConnectionTimeout() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        AtomicBoolean ran = new AtomicBoolean();
        Exception e = assertThrows(Exception.class, () -> Futures.get(raw(pool).withConnection(1, DELAY, x -> {
            ran.set(true);
            return CompletableFuture.completedFuture(null);
        })));
        assertInstanceOf(AcquireTimeoutException.class, e);
        assertFalse(ran.get());
        pool.release(1, c);
    }

    @Test
    @DisplayName("withConnection with a null action is a NullPointerException naming 'action'")
    void withConnectionNullAction() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = raw(open(config()));
        assertNpe("action", () -> Futures.get(pool.withConnection(1, null)));
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("close() completes only once the leases are back (closeAsync().join())")
    void closeJoins() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        CompletableFuture<Void> closed = CompletableFuture.runAsync(raw(pool)::close);
        Waits.until(pool::isClosed, "closing");
        assertFalse(closed.isDone());
        pool.release(1, c);
        Futures.get(closed);
        assertTrue(c.isDisposed());
    }

    @Test
    @DisplayName("a cancel racing the deadline: timeouts counts exactly the acquires that failed with AcquireTimeoutException")
    void cancelRacingTheDeadlineIsNotCountedAsTimeout() throws Exception {
        TestPool test = open(config().maxSize(1));
        AsyncConnectionPool<Integer, TestConnection> pool = raw(test);
        TestConnection held = Futures.get(pool.acquire(1));
        int timedOut = 0;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int i = 0; i < 300 && System.nanoTime() - end < 0; i++) {
            CompletableFuture<TestConnection> f = pool.acquire(1, Duration.ofMillis(1));
            long cancelAt = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(900 + (i % 20) * 10);
            while (System.nanoTime() - cancelAt < 0) {
                Thread.onSpinWait();
            }
            f.cancel(false);
            try {
                f.get(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.CancellationException expected) {
                // the cancel won
            } catch (java.util.concurrent.ExecutionException e) {
                assertInstanceOf(AcquireTimeoutException.class, e.getCause());
                timedOut++;
            }
        }
        int seen = timedOut;
        // a timer that lost to a cancel takes its count back just after: wait for it, bounded
        Waits.until(() -> pool.stats().pending() == 0 && pool.stats().timeouts() == seen,
                () -> "timeouts counted " + pool.stats().timeouts() + " against " + seen + " seen");
        Futures.get(pool.release(1, held));
    }
}
