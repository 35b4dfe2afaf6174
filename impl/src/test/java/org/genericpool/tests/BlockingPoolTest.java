package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.List;
import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.EndpointStats;
import org.genericpool.Lease;
import org.genericpool.PoolStats;
import org.genericpool.tests.support.BlockingTestPool;
import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.PendingAcquire;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What only the blocking flavour has: {@link Lease}, interruption of a timed wait, parking without monitors. */
@Timeout(30)
class BlockingPoolTest extends PoolTestBase {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }

    private static ConnectionPool<Integer, TestConnection> raw(TestPool pool) {
        return ((BlockingTestPool) pool).raw();
    }

    @Test
    @DisplayName("a Lease gives its endpoint and connection; close returns the connection")
    void leaseBasics() throws Exception {
        TestPool pool = open(config());
        Lease<Integer, TestConnection> lease = raw(pool).connection(7);
        assertEquals(7, lease.endpoint());
        assertSame(manager.creations().get(0), lease.connection());
        assertEquals(1, pool.stats(7).acquired());
        lease.close();
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(7));
        assertEquals(List.of(lease.connection()), manager.releases());
    }

    @Test
    @DisplayName("Lease.close twice is harmless: nothing changes the second time")
    void leaseCloseTwice() throws Exception {
        TestPool pool = open(config());
        Lease<Integer, TestConnection> lease = raw(pool).connection(1);
        lease.close();
        PoolStats before = pool.stats();
        lease.close();
        assertEquals(before, pool.stats());
        assertEquals(1, manager.releases().size());
    }

    @Test
    @DisplayName("Lease.discard: close disposes the connection and frees its slot; a second close does nothing")
    void leaseDiscard() throws Exception {
        TestPool pool = open(config().maxSize(1));
        Lease<Integer, TestConnection> lease = raw(pool).connection(1);
        lease.discard();
        lease.close();
        assertEquals(List.of(lease.connection()), manager.disposals());
        assertEquals(0, pool.size());
        lease.close();
        assertEquals(1, manager.disposals().size());
        raw(pool).release(1, raw(pool).acquire(1, Duration.ZERO));
    }

    @Test
    @DisplayName("Lease.close after close(timeout) disposed the connection is harmless")
    void leaseCloseAfterForcedClose() throws Exception {
        TestPool pool = open(config());
        Lease<Integer, TestConnection> lease = raw(pool).connection(1);
        pool.close(DELAY);
        assertTrue(lease.connection().isDisposed());
        PoolStats before = pool.stats();
        lease.close();
        assertEquals(before, pool.stats());
        assertEquals(1, manager.disposals().size());
    }

    @Test
    @DisplayName("connection(ep, timeout) and connection(ep) honour the per-call and configured timeouts")
    void leaseTimeouts() throws Exception {
        TestPool pool = open(config().maxSize(1).acquireTimeout(DELAY));
        try (Lease<Integer, TestConnection> held = raw(pool).connection(1)) {
            assertThrows(AcquireTimeoutException.class, () -> raw(pool).connection(1, DELAY));
            assertThrows(AcquireTimeoutException.class, () -> raw(pool).connection(1));
            assertThrows(AcquireTimeoutException.class, () -> raw(pool).connection(1, Duration.ZERO));
            assertEquals(1, held.endpoint());
        }
        assertEquals(3, pool.stats(1).timeouts());
    }

    @Test
    @DisplayName("a thread interrupted during a timed wait gets InterruptedException and leaves no trace")
    void interruptDuringTimedWait() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        PendingAcquire w = pool.startAcquire(1, Duration.ofSeconds(30));
        w.awaitQueued();
        assertEquals(Thread.State.TIMED_WAITING, w.thread().getState());

        w.cancel();
        assertInstanceOf(InterruptedException.class, w.joinFailure());
        assertEquals(0, pool.stats(1).pending());
        assertEquals(0, pool.stats(1).timeouts());
        pool.release(1, c);
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
    }

    /**
     * DESIGN.md wraps a checked exception of the manager in ConnectionManagerException; for an
     * InterruptedException of a blocking {@code create} (the acquiring thread was interrupted while
     * connecting) the contract is silent on the interrupt status, and Java practice is to keep it:
     * the wrapped failure must not swallow the interruption.
     */
    @Test
    @DisplayName("an InterruptedException from create reaches the caller wrapped, with the interrupt status kept")
    void interruptDuringCreateKeepsTheInterruptStatus() throws Exception {
        org.genericpool.tests.support.Gate gate = gateCreates();
        TestPool pool = open(config());
        java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Boolean> interruptedAfter = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                pool.acquire(1);
                failure.complete(null);
            } catch (Throwable e) {
                failure.complete(e);
            }
            interruptedAfter.complete(Thread.currentThread().isInterrupted());
        }, "interrupted-in-create");
        t.start();
        gate.awaitEntered(1);
        t.interrupt();

        Throwable f = org.genericpool.tests.support.Futures.get(failure);
        assertTrue(f instanceof InterruptedException
                || (f instanceof org.genericpool.ConnectionManagerException && f.getCause() instanceof InterruptedException),
                "failure: " + f);
        if (!(f instanceof InterruptedException)) {
            assertTrue(org.genericpool.tests.support.Futures.get(interruptedAfter),
                    "the interrupt status was swallowed with the wrapped InterruptedException");
        }
        assertEquals(0, pool.size());
    }

    /** A waiter parks holding no monitor, so a virtual thread would not pin its carrier. */
    @Test
    @DisplayName("a waiting thread holds no monitor (no synchronized on a path that can wait)")
    void waitersHoldNoMonitor() throws Exception {
        TestPool pool = open(config().maxSize(1).totalMaxSize(1));
        TestConnection c = pool.acquire(1);
        PendingAcquire sameEndpoint = pool.startAcquire(1, null);
        sameEndpoint.awaitQueued();
        PendingAcquire totalLimit = pool.startAcquire(2, Duration.ofSeconds(30));
        totalLimit.awaitQueued();

        for (PendingAcquire w : List.of(sameEndpoint, totalLimit)) {
            ThreadInfo info = ManagementFactory.getThreadMXBean()
                    .getThreadInfo(new long[] {w.thread().getId()}, true, true)[0];
            assertEquals(0, info.getLockedMonitors().length, "monitors held while waiting: " + info);
            assertTrue(info.getThreadState() == Thread.State.WAITING
                    || info.getThreadState() == Thread.State.TIMED_WAITING, info.toString());
        }
        pool.release(1, c);
        assertSame(c, sameEndpoint.join());
        pool.discard(1, c);
        pool.release(2, totalLimit.join());
    }

    @Test
    @DisplayName("ConnectionPools.create(manager) finds the engine by ServiceLoader, with the default config")
    void serviceLoaderFindsTheEngine() throws Exception {
        ConnectionPool<Integer, TestConnection> pool = ConnectionPools.create(manager);
        try {
            assertEquals(10, pool.config().maxSize());
            assertTrue(pool.config().name().startsWith("genericpool-"));
            pool.release(1, pool.acquire(1));
        } finally {
            pool.close();
        }
        assertEquals("org.genericpool.impl.DefaultConnectionPoolFactory", MisuseContract.factory().getClass().getName());
    }
}
