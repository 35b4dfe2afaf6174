package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.genericpool.tests.support.PendingAcquire;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md "Expiry": the background collector disposes at the deadline without any pool call;
 * without it each release disposes up to {@code disposeBatchSize} expired connections, by default
 * floor(log2(size + 1)) + 1; leased connections are never disposed by expiry and one past its
 * lifetime is disposed when it comes back. Time must really pass here, so these tests sleep past
 * deadlines (never to synchronise) and poll, bounded, for the collector.
 */
@Timeout(30)
public abstract class ExpiryContract extends PoolTestBase {

    @Test
    @DisplayName("the background collector disposes an expired extra connection at its deadline, with no pool call")
    void collectorDisposesExpiredExtra() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(DELAY).backgroundCollector(true));
        TestConnection c = pool.acquire(1);
        pool.release(1, c);
        long released = System.nanoTime();

        Waits.until(c::isDisposed, "collector disposed the idle extra connection");
        assertTrue(millisSince(released) >= DELAY.toMillis() - 5, "disposed " + millisSince(released) + " ms after release");
        assertEquals(0, pool.size());
        // The endpoint is forgotten once the dispose has returned and freed its slot.
        Waits.until(() -> pool.endpoints().isEmpty(), "endpoint forgotten after the dispose returned");
    }

    @Test
    @DisplayName("the background collector disposes an idle core connection at maxLifetime")
    void collectorDisposesCoreAtMaxLifetime() throws Exception {
        TestPool pool = open(config().minIdle(1).idleTimeout(DELAY).maxLifetime(DELAY.multipliedBy(2))
                .backgroundCollector(true));
        long created = System.nanoTime();
        TestConnection c = pool.acquire(1);
        pool.release(1, c); // core: outlives idleTimeout

        Waits.until(c::isDisposed, "collector disposed the core connection at its lifetime");
        assertTrue(millisSince(created) >= 2 * DELAY.toMillis() - 5, "disposed " + millisSince(created) + " ms after creation");
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("without a collector, a release disposes expired idle connections of other endpoints")
    void releaseDisposesExpiredOfOtherEndpoints() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(DELAY).backgroundCollector(false));
        TestConnection a = pool.acquire(1);
        pool.release(1, a);
        TestConnection b = pool.acquire(2);
        Waits.letTimePass(DELAY.multipliedBy(2));
        pool.release(2, b);
        assertTrue(a.isDisposed());
        assertFalse(b.isDisposed(), "b was just released, not expired");
        assertEquals(Set.of(2), pool.endpoints());
    }

    /**
     * Six expired idle connections and one leased (size 7): its release disposes
     * floor(log2(7 + 1)) + 1 = 4 of them, leaving 3 (two expired and the released one). The next
     * release, with a fourth connection (size 4), disposes up to floor(log2(5)) + 1 = 3: the two left.
     */
    @Test
    @DisplayName("without a collector, a release disposes at most floor(log2(size + 1)) + 1 expired connections")
    void automaticDisposeBatchSize() throws Exception {
        Duration idle = Duration.ofMillis(300);
        TestPool pool = open(config().minIdle(0).maxSize(20).idleTimeout(idle).backgroundCollector(false));
        List<TestConnection> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(pool.acquire(1));
        }
        for (TestConnection c : six) {
            pool.release(1, c);
        }
        TestConnection x = pool.acquire(2);
        assertEquals(7, pool.size(), "nothing expired yet");

        Waits.letTimePass(idle.plusMillis(100));
        pool.release(2, x);
        assertEquals(4, manager.disposals().size(), "disposals " + manager.disposals());
        assertEquals(3, pool.size());

        TestConnection y = pool.acquire(3);
        pool.release(3, y);
        assertEquals(6, manager.disposals().size());
        assertEquals(2, pool.size());
        assertEquals(Set.of(2, 3), pool.endpoints());
    }

    @Test
    @DisplayName("without a collector, a release disposes at most the configured disposeBatchSize")
    void explicitDisposeBatchSize() throws Exception {
        Duration idle = Duration.ofMillis(300);
        TestPool pool = open(config().minIdle(0).maxSize(20).idleTimeout(idle).disposeBatchSize(2)
                .backgroundCollector(false));
        List<TestConnection> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(pool.acquire(1));
        }
        for (TestConnection c : six) {
            pool.release(1, c);
        }
        TestConnection x = pool.acquire(2);
        assertEquals(7, pool.size(), "nothing expired yet");

        Waits.letTimePass(idle.plusMillis(100));
        pool.release(2, x);
        assertEquals(2, manager.disposals().size(), "disposals " + manager.disposals());
        assertEquals(5, pool.size());
    }

    @ParameterizedTest(name = "a leased connection is never disposed by expiry; past its lifetime it is disposed on return [backgroundCollector={0}]")
    @ValueSource(booleans = {true, false})
    void leasedConnectionsAreNotExpired(boolean backgroundCollector) throws Exception {
        TestPool pool = open(config().minIdle(1).idleTimeout(DELAY).maxLifetime(DELAY.multipliedBy(2))
                .backgroundCollector(backgroundCollector));
        TestConnection c = pool.acquire(1);
        TestConnection other = pool.acquire(2);
        pool.release(2, other);
        Waits.letTimePass(DELAY.multipliedBy(4));
        if (backgroundCollector) {
            Waits.until(other::isDisposed, "the idle one expired");
        }
        assertFalse(c.isDisposed(), "a leased connection was disposed by expiry");
        assertEquals(1, pool.stats(1).acquired());

        pool.release(1, c);
        assertTrue(c.isDisposed(), "past its lifetime, disposed when it came back");
        assertEquals(0, pool.size(1));
    }

    @Test
    @DisplayName("a connection past its lifetime coming back is not handed to a waiter; the waiter gets a new one")
    void expiredConnectionIsNotHandedOver() throws Exception {
        TestPool pool = open(config().maxSize(1).idleTimeout(DELAY).maxLifetime(DELAY.multipliedBy(2)));
        TestConnection c = pool.acquire(1);
        PendingAcquire w = pool.startAcquire(1, null);
        w.awaitQueued();
        Waits.letTimePass(DELAY.multipliedBy(3));

        pool.release(1, c);
        TestConnection d = w.join();
        assertNotSame(c, d);
        assertTrue(c.isDisposed());
        pool.release(1, d);
    }
}
