package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.PoolConfig;
import org.genericpool.tests.support.PendingAcquire;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md "Reconfiguration": live, without dropping connections; growing wakes waiters;
 * shrinking disposes surplus idle connections at once and surplus leased ones on return; new
 * timeouts apply to existing connections; the name cannot change; an invalid config is rejected
 * whole and the old one stays in force (checked by behaviour, not only by {@code config()}).
 */
@Timeout(30)
public abstract class ReconfigureContract extends PoolTestBase {

    @Test
    @DisplayName("growing maxSize wakes a waiter, which creates a connection")
    void growingMaxSizeWakesWaiter() throws Exception {
        TestPool pool = open(config().maxSize(1).totalMaxSize(10));
        TestConnection c = pool.acquire(1);
        PendingAcquire w = pool.startAcquire(1, null);
        w.awaitQueued();

        PoolConfig bigger = pool.config().toBuilder().maxSize(2).build();
        pool.reconfigure(bigger);
        assertEquals(bigger, pool.config());
        TestConnection d = w.join();
        assertNotSame(c, d);
        assertEquals(2, pool.size(1));
        pool.release(1, c);
        pool.release(1, d);
    }

    @Test
    @DisplayName("growing totalMaxSize wakes a waiter of another endpoint")
    void growingTotalMaxSizeWakesWaiter() throws Exception {
        TestPool pool = open(config().maxSize(1).totalMaxSize(1));
        TestConnection c = pool.acquire(1);
        PendingAcquire w = pool.startAcquire(2, null);
        w.awaitQueued();

        pool.reconfigure(pool.config().toBuilder().totalMaxSize(2).build());
        TestConnection d = w.join();
        assertEquals(2, d.endpoint());
        assertFalse(c.isDisposed(), "nothing evicted: the limit grew");
        assertEquals(2, pool.size());
        pool.release(1, c);
        pool.release(2, d);
    }

    @Test
    @DisplayName("shrinking maxSize disposes surplus idle connections at once")
    void shrinkingDisposesSurplusIdle() throws Exception {
        TestPool pool = open(config().minIdle(3).maxSize(3));
        List<TestConnection> abc = BehaviourContract.leaseThreeThenReleaseInOrder(pool);
        TestConnection a = abc.get(0);
        TestConnection b = abc.get(1);
        assertEquals(3, pool.stats(1).idle());

        pool.reconfigure(pool.config().toBuilder().minIdle(1).maxSize(1).build());
        Waits.until(() -> pool.size(1) == 1, () -> "size after shrinking: " + pool.size(1));
        assertEquals(2, manager.disposals().size());
        assertEquals(1, pool.stats(1).idle());
    }

    @Test
    @DisplayName("shrinking totalMaxSize disposes surplus idle connections across endpoints")
    void shrinkingTotalDisposesSurplusIdle() throws Exception {
        TestPool pool = open(config().minIdle(2).maxSize(2).totalMaxSize(4));
        for (int ep = 1; ep <= 2; ep++) {
            TestConnection a = pool.acquire(ep);
            TestConnection b = pool.acquire(ep);
            pool.release(ep, a);
            pool.release(ep, b);
        }
        assertEquals(4, pool.size());

        pool.reconfigure(pool.config().toBuilder().totalMaxSize(2).build());
        Waits.until(() -> pool.size() == 2, () -> "size after shrinking: " + pool.size());
        assertEquals(2, manager.disposals().size());
    }

    @Test
    @DisplayName("shrinking keeps leased connections and disposes the surplus as they come back")
    void shrinkingDisposesSurplusLeasedOnReturn() throws Exception {
        TestPool pool = open(config().minIdle(3).maxSize(3));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        TestConnection c = pool.acquire(1);

        pool.reconfigure(pool.config().toBuilder().minIdle(1).maxSize(1).build());
        assertEquals(3, pool.size(1), "leased connections are not dropped");
        assertEquals(List.of(), manager.disposals());

        pool.release(1, a);
        assertTrue(a.isDisposed());
        assertEquals(2, pool.size(1));
        pool.release(1, b);
        assertTrue(b.isDisposed());
        assertEquals(1, pool.size(1));
        pool.release(1, c);
        assertFalse(c.isDisposed());
        assertEquals(1, pool.stats(1).idle());
    }

    @Test
    @DisplayName("a waiter stays waiting while shrinking leaves the endpoint over its new limit")
    void shrinkingHoldsWaitersBack() throws Exception {
        TestPool pool = open(config().minIdle(0).maxSize(2));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        pool.reconfigure(pool.config().toBuilder().maxSize(1).build());
        PendingAcquire w = pool.startAcquire(1, null);
        w.awaitQueued();

        pool.release(1, a); // surplus: disposed, and still 1 (b) = maxSize: w keeps waiting
        assertTrue(a.isDisposed());
        assertFalse(w.isDone());
        pool.release(1, b); // handed over
        assertSame(b, w.join());
        pool.release(1, b);
    }

    @Test
    @DisplayName("a shorter idleTimeout applies to connections already idle")
    void newIdleTimeoutAppliesToExistingConnections() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(Duration.ofHours(1)).backgroundCollector(true));
        TestConnection c = pool.acquire(1);
        pool.release(1, c);

        pool.reconfigure(pool.config().toBuilder().idleTimeout(DELAY).build());
        Waits.until(c::isDisposed, "idle connection disposed under the new idleTimeout");
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("a shorter maxLifetime applies to existing core connections")
    void newMaxLifetimeAppliesToExistingConnections() throws Exception {
        TestPool pool = open(config().minIdle(1).idleTimeout(Duration.ofMinutes(1)).maxLifetime(Duration.ofHours(1))
                .backgroundCollector(true));
        TestConnection c = pool.acquire(1);
        pool.release(1, c);

        pool.reconfigure(pool.config().toBuilder().idleTimeout(DELAY).maxLifetime(DELAY).build());
        Waits.until(c::isDisposed, "core connection disposed under the new maxLifetime");
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("a smaller minIdle turns surplus core connections into extras, which then expire by idleTimeout")
    void smallerMinIdleLetsCoreConnectionsExpire() throws Exception {
        TestPool pool = open(config().minIdle(2).idleTimeout(DELAY).maxLifetime(Duration.ofHours(1))
                .backgroundCollector(true));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        pool.release(1, a);
        pool.release(1, b); // both core: kept past idleTimeout
        Waits.letTimePass(DELAY.multipliedBy(2));
        assertEquals(2, pool.size(1));

        pool.reconfigure(pool.config().toBuilder().minIdle(1).build());
        Waits.until(() -> pool.size(1) == 1, () -> "one of the two became extra and expired: size " + pool.size(1));
        Waits.letTimePass(DELAY.multipliedBy(2));
        assertEquals(1, pool.size(1), "the remaining core connection stays");
    }

    @Test
    @DisplayName("a new acquireTimeout applies to the next acquire")
    void newAcquireTimeoutApplies() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        pool.reconfigure(pool.config().toBuilder().acquireTimeout(DELAY).build());
        assertThrows(AcquireTimeoutException.class, () -> pool.acquire(1));
        pool.release(1, c);
    }

    @Test
    @DisplayName("the name cannot change: IllegalArgumentException, and the old config stays in force")
    void nameCannotChange() throws Exception {
        TestPool pool = open(config().maxSize(1));
        PoolConfig old = pool.config();
        TestConnection c = pool.acquire(1);

        PoolConfig renamed = old.toBuilder().name(old.name() + "-other").maxSize(5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool.reconfigure(renamed));
        assertTrue(e.getMessage() != null && e.getMessage().contains("name"), "message: " + e.getMessage());

        assertEquals(old, pool.config());
        assertThrows(AcquireTimeoutException.class, () -> pool.acquire(1, Duration.ZERO), "maxSize 5 was not applied");
        pool.release(1, c);
    }

    @Test
    @DisplayName("reconfigure(null) is a NullPointerException naming 'config', and the old config stays")
    void nullConfigIsRejected() throws Exception {
        TestPool pool = open(config().maxSize(1));
        PoolConfig old = pool.config();
        assertNpe("config", () -> pool.reconfigure(null));
        assertEquals(old, pool.config());
    }

    @Test
    @DisplayName("reconfiguring to the same config keeps every connection")
    void sameConfigKeepsConnections() throws Exception {
        TestPool pool = open(config().minIdle(2));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        pool.release(1, a);
        pool.reconfigure(pool.config());
        pool.reconfigure(pool.config().toBuilder().build());
        assertEquals(2, pool.size());
        assertEquals(List.of(), manager.disposals());
        pool.release(1, b);
    }
}
