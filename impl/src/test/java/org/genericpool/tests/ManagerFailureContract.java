package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManagerException;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.tests.support.Gate;
import org.genericpool.tests.support.PendingAcquire;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestError;
import org.genericpool.tests.support.TestException;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.TestRuntimeException;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * DESIGN.md "Failures of the manager", rule by rule, for both flavours: what happens to the
 * connection, what reaches the caller (unchecked unchanged, checked wrapped with the cause kept,
 * a create timeout as {@link AcquireTimeoutException}), and that a dispose failure never reaches
 * an acquirer.
 */
@Timeout(30)
public abstract class ManagerFailureContract extends PoolTestBase {

    // ---------------------------------------------------------------- create

    @Test
    @DisplayName("a failing create (checked) is wrapped in ConnectionManagerException and frees its slot")
    void createCheckedFailure() throws Exception {
        manager.createError = new TestException("create");
        TestPool pool = open(config().maxSize(1).totalMaxSize(1));

        ConnectionManagerException e = assertThrows(ConnectionManagerException.class, () -> pool.acquire(1));
        assertSame(manager.createError, e.getCause());
        assertEquals(0, pool.size());
        assertEquals(Set.of(), pool.endpoints());

        manager.createError = null;
        TestConnection c = pool.acquire(2, Duration.ZERO); // the slot was freed
        pool.release(2, c);
    }

    @Test
    @DisplayName("a failing create (unchecked) reaches the caller unchanged and frees its slot")
    void createUncheckedFailure() throws Exception {
        manager.createError = new TestRuntimeException("create");
        TestPool pool = open(config().maxSize(1));

        assertSame(manager.createError, assertThrows(TestRuntimeException.class, () -> pool.acquire(1)));
        assertEquals(0, pool.size(1));
        manager.createError = null;
        pool.release(1, pool.acquire(1, Duration.ZERO));
    }

    @Test
    @DisplayName("SocketTimeoutException from create becomes AcquireTimeoutException (cause kept)")
    void createSocketTimeout() throws Exception {
        manager.createError = new SocketTimeoutException("connect timed out");
        TestPool pool = open(config());
        AcquireTimeoutException e = assertThrows(AcquireTimeoutException.class, () -> pool.acquire(1));
        assertSame(manager.createError, e.getCause());
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("java.util.concurrent.TimeoutException from create becomes AcquireTimeoutException (cause kept)")
    void createTimeoutException() throws Exception {
        manager.createError = new TimeoutException("handshake timed out");
        TestPool pool = open(config());
        AcquireTimeoutException e = assertThrows(AcquireTimeoutException.class, () -> pool.acquire(1));
        assertSame(manager.createError, e.getCause());
        assertEquals(0, pool.size());
    }

    // ---------------------------------------------------------------- checkAliveness, onAcquire

    @Test
    @DisplayName("a failing checkAliveness puts the connection back idle; the caller gets the failure")
    void alivenessFailure() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        pool.release(1, c);

        manager.alivenessError = new TestRuntimeException("check");
        assertSame(manager.alivenessError, assertThrows(TestRuntimeException.class, () -> pool.acquire(1)));
        assertEquals(new EndpointStats(1, 0, 1, 0, 1, 0, 0, 1, 0), pool.stats(1));
        assertEquals(List.of(), manager.disposals());
        assertEquals(List.of(), manager.dead());

        manager.alivenessError = null;
        assertSame(c, pool.acquire(1));
        pool.release(1, c);
    }

    @Test
    @DisplayName("a failing onAcquire puts an idle connection back idle; the caller gets the failure")
    void onAcquireFailureOfIdleConnection() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        pool.release(1, c);

        manager.onAcquireError = new TestException("onAcquire");
        ConnectionManagerException e = assertThrows(ConnectionManagerException.class, () -> pool.acquire(1));
        assertSame(manager.onAcquireError, e.getCause());
        assertEquals(1, pool.stats(1).idle());
        assertEquals(0, pool.stats(1).acquired());

        manager.onAcquireError = null;
        assertSame(c, pool.acquire(1));
        pool.release(1, c);
    }

    @Test
    @DisplayName("a failing onAcquire puts a new connection idle; the caller gets the failure")
    void onAcquireFailureOfNewConnection() throws Exception {
        manager.onAcquireError = new TestRuntimeException("onAcquire");
        TestPool pool = open(config());
        assertSame(manager.onAcquireError, assertThrows(TestRuntimeException.class, () -> pool.acquire(1)));
        assertEquals(1, pool.stats(1).idle());
        assertEquals(1, pool.size());

        manager.onAcquireError = null;
        assertSame(manager.creations().get(0), pool.acquire(1));
        pool.release(1, manager.creations().get(0));
    }

    // ---------------------------------------------------------------- onRelease

    @Test
    @DisplayName("a failing onRelease still returns the connection idle, and that release disposes nothing further")
    void onReleaseFailure() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(DELAY).backgroundCollector(false));
        TestConnection x = pool.acquire(2);
        pool.release(2, x); // idle extra, expires after DELAY
        TestConnection c = pool.acquire(1);
        Waits.letTimePass(DELAY.plusMillis(50)); // x is now expired, awaiting a release to dispose it

        manager.onReleaseError = new TestRuntimeException("onRelease");
        assertSame(manager.onReleaseError, assertThrows(TestRuntimeException.class, () -> pool.release(1, c)));
        assertEquals(2, pool.size());
        assertEquals(1, pool.stats(1).idle());
        assertEquals(0, pool.stats(1).acquired());
        assertFalse(x.isDisposed(), "the failing release disposed an expired connection");

        manager.onReleaseError = null;
        assertSame(c, pool.acquire(1, Duration.ZERO));
        pool.release(1, c); // an ordinary release disposes the expired one
        assertTrue(x.isDisposed());
    }

    @Test
    @DisplayName("a failing onRelease (checked) reaches the releaser wrapped; the connection is idle and reusable")
    void onReleaseCheckedFailure() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        manager.onReleaseError = new TestException("onRelease");
        ConnectionManagerException e = assertThrows(ConnectionManagerException.class, () -> pool.release(1, c));
        assertSame(manager.onReleaseError, e.getCause());
        manager.onReleaseError = null;
        assertSame(c, pool.acquire(1, Duration.ZERO));
        pool.release(1, c);
    }

    // ---------------------------------------------------------------- dead connections

    @Test
    @DisplayName("a dead idle connection gets onConnectionDead and dispose; the acquire goes on with the next")
    void deadConnectionIsReplaced() throws Exception {
        TestPool pool = open(config().minIdle(2));
        TestConnection c1 = pool.acquire(1);
        TestConnection c2 = pool.acquire(1);
        pool.release(1, c1);
        pool.release(1, c2);
        c1.alive = false;

        assertSame(c2, pool.acquire(1));
        assertEquals(List.of(c1), manager.dead());
        assertEquals(List.of(c1), manager.disposals());

        c2.alive = false;
        pool.release(1, c2);
        TestConnection c3 = pool.acquire(1); // c2 dead, nothing idle left: a new one
        assertNotSame(c2, c3);
        assertEquals(List.of(c1, c2), manager.dead());
        assertEquals(2, pool.stats().dead());
        // The endpoint lives on through the dead one's dispose, so its own counts do not restart.
        assertEquals(new EndpointStats(1, 1, 0, 0, 3, 2, 2, 4, 0), pool.stats(1));
        assertEquals(1, pool.size());
        pool.release(1, c3);
        assertEquals(new EndpointStats(1, 0, 1, 0, 3, 2, 2, 4, 0), pool.stats(1));
    }

    /** @return the only connection of endpoint 1 of {@code pool} (maxSize 1), idle and dead */
    private static TestConnection loneIdleDead(TestPool pool) throws Exception {
        TestConnection c = pool.acquire(1);
        pool.release(1, c);
        c.alive = false;
        return c;
    }

    /** An acquire that failed on the lone dead connection left nothing behind: the endpoint is forgotten, its slot free. */
    private static void assertLeftNothing(TestPool pool, TestConnection dead) throws Exception {
        Waits.until(() -> pool.size() == 0 && pool.endpoints().isEmpty(), () -> "left behind: " + pool.stats());
        assertEquals(1, pool.stats().dead());
        TestConnection next = pool.acquire(1, Duration.ZERO); // no slot is left reserved
        assertNotSame(dead, next);
        pool.release(1, next);
    }

    @Test
    @DisplayName("an endpoint whose only connection is found dead keeps its statistics while the acquire replaces it")
    void loneDeadConnectionKeepsEndpointStats() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c1 = loneIdleDead(pool);
        TestConnection c2 = pool.acquire(1);
        assertNotSame(c1, c2);
        assertEquals(new EndpointStats(1, 1, 0, 0, 2, 1, 1, 2, 0), pool.stats(1));
        pool.release(1, c2);
        assertEquals(1, pool.size());
    }

    @Test
    @DisplayName("an acquire whose deadline passes while a dead connection is disposed times out and leaves the endpoint empty and forgotten")
    void deadlinePassingWhileTheDeadIsDisposed() throws Exception {
        deadlinePassesWhileTheDeadIsHeld(gate -> manager.disposeGate = gate, "dispose");
    }

    @Test
    @DisplayName("an acquire whose deadline passes while a dead connection's onConnectionDead runs times out and leaves the endpoint empty and forgotten")
    void deadlinePassingDuringOnConnectionDead() throws Exception {
        TestConnection dead = deadlinePassesWhileTheDeadIsHeld(gate -> manager.onDeadGate = gate, "onConnectionDead");
        assertEquals(List.of(dead), manager.dead(), "onConnectionDead ran once, for the dead one");
    }

    /**
     * An acquire of endpoint 1 (maxSize 1) finds its lone connection dead; the manager call that
     * {@code hold} puts a gate on is held until the acquire's deadline has passed. The acquire
     * times out, and the slot it held to go on is given back.
     *
     * @return the dead connection
     */
    private TestConnection deadlinePassesWhileTheDeadIsHeld(Consumer<Gate> hold, String call) throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c1 = loneIdleDead(pool);
        Gate gate = new Gate();
        hold.accept(gate);
        PendingAcquire late = pool.startAcquire(1, DELAY);
        Waits.until(() -> gate.entered() == 1, "the dead connection's " + call + " started");
        Waits.letTimePass(DELAY.multipliedBy(2));
        gate.open();
        assertInstanceOf(AcquireTimeoutException.class, late.joinFailure());
        hold.accept(null);
        assertLeftNothing(pool, c1);
        return c1;
    }

    @Test
    @DisplayName("a failing onConnectionDead on an endpoint's only connection leaves the endpoint empty and forgotten")
    void loneDeadConnectionWithFailingHookLeavesNothing() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c1 = loneIdleDead(pool);
        manager.onDeadError = new TestRuntimeException("onConnectionDead");
        assertSame(manager.onDeadError, assertThrows(TestRuntimeException.class, () -> pool.acquire(1)));
        manager.onDeadError = null;
        assertLeftNothing(pool, c1);
    }

    @Test
    @DisplayName("a failing onConnectionDead: the dead connection is still disposed and the acquire ends with the failure")
    void onConnectionDeadFailure() throws Exception {
        TestPool pool = open(config().minIdle(2));
        TestConnection c1 = pool.acquire(1);
        TestConnection c2 = pool.acquire(1);
        pool.release(1, c1);
        pool.release(1, c2); // both core, c1 first
        c1.alive = false;
        manager.onDeadError = new TestRuntimeException("onConnectionDead");

        assertSame(manager.onDeadError, assertThrows(TestRuntimeException.class, () -> pool.acquire(1)));
        assertEquals(List.of(c1), manager.disposals());
        assertEquals(new EndpointStats(1, 0, 1, 0, 2, 1, 1, 2, 0), pool.stats(1),
                "c2 stays idle: the acquire did not go on to it");
        assertEquals(2, manager.createCalls());
    }

    // ---------------------------------------------------------------- dispose

    /** DESIGN.md lets the failure reach the discarding caller, so either outcome is accepted. */
    @Test
    @DisplayName("a failing dispose (discard): the connection counts as gone; the failure may reach the discarder")
    void disposeFailureOnDiscard() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        manager.disposeError = new TestException("dispose");

        mayFailWithDisposeError(() -> pool.discard(1, c));
        assertEquals(0, pool.size());
        assertEquals(Set.of(), pool.endpoints());
        assertEquals(1, pool.stats().disposed());
        manager.disposeError = null;
        pool.release(1, pool.acquire(1, Duration.ZERO)); // the slot is free
    }

    @Test
    @DisplayName("a failing dispose never reaches an acquirer: eviction at the total limit")
    void disposeFailureDuringEviction() throws Exception {
        TestPool pool = open(config().minIdle(1).maxSize(1).totalMaxSize(1));
        TestConnection c1 = pool.acquire(1);
        pool.release(1, c1);
        manager.disposeError = new TestRuntimeException("dispose");

        TestConnection c2 = pool.acquire(2);
        assertTrue(c1.isDisposed());
        assertEquals(1, pool.size());
        assertEquals(Set.of(2), pool.endpoints());
        manager.disposeError = null;
        pool.release(2, c2);
    }

    @Test
    @DisplayName("a failing dispose never reaches an acquirer: a dead connection")
    void disposeFailureOfDeadConnection() throws Exception {
        TestPool pool = open(config());
        TestConnection c1 = pool.acquire(1);
        pool.release(1, c1);
        c1.alive = false;
        manager.disposeError = new TestException("dispose");

        TestConnection c2 = pool.acquire(1);
        assertNotSame(c1, c2);
        assertTrue(c1.isDisposed());
        assertEquals(1, pool.size());
        manager.disposeError = null;
        pool.release(1, c2);
    }

    @Test
    @DisplayName("a failing dispose in a release (an expired connection collected, or the outlived one itself), unchecked or checked: the release completes normally, the connection counts as gone")
    void disposeFailureOnReleaseIsNotReported() throws Exception {
        List<PoolConfig.Builder> configs = List.of(config().minIdle(0).idleTimeout(Duration.ZERO),
                config().minIdle(0).idleTimeout(Duration.ZERO).maxLifetime(Duration.ZERO));
        List<Exception> failures = List.of(new TestRuntimeException("dispose"), new TestException("dispose"));
        for (int i = 0; i < configs.size(); i++) {
            TestPool pool = open(configs.get(i));
            TestConnection c = pool.acquire(1);
            manager.disposeError = failures.get(i);
            pool.release(1, c);
            Waits.until(c::isDisposed, "the expired connection disposed");
            Waits.until(() -> pool.size() == 0 && pool.endpoints().isEmpty(), () -> "left behind: " + pool.stats());
            assertEquals(1, pool.stats().disposed());
        }
    }

    // ---------------------------------------------------------------- an Error from the manager

    /**
     * What an {@link Error} from any callback must leave: the caller got it unchanged, and the
     * pool was cleaned up as for an exception (no stuck connection, no lost slot): endpoint 1
     * (maxSize 1) hands out a connection at once, and close disposes everything.
     */
    private void assertErrorPassedAndNothingStuck(TestPool pool, TestError error, Executable call) throws Exception {
        assertSame(error, assertThrows(TestError.class, call));
        manager.createError = null;
        manager.disposeError = null;
        manager.alivenessError = null;
        manager.onAcquireError = null;
        manager.onReleaseError = null;
        manager.onDeadError = null;
        TestConnection next = pool.acquire(1, Duration.ZERO);
        pool.release(1, next);
        pool.close();
        assertEquals(0, pool.size());
        assertEquals(pool.stats().created(), pool.stats().disposed(), () -> pool.stats().toString());
    }

    @Test
    @DisplayName("an Error from onRelease (release) or from dispose (discard) reaches the caller unchanged; the connection is taken back or gone")
    void errorFromGivingBack() throws Exception {
        for (boolean discard : new boolean[] {false, true}) {
            TestPool pool = open(config().maxSize(1));
            TestConnection c = pool.acquire(1);
            TestError error = new TestError(discard ? "dispose" : "onRelease");
            if (discard) {
                manager.disposeError = error;
            } else {
                manager.onReleaseError = error;
            }
            assertErrorPassedAndNothingStuck(pool, error, discard ? () -> pool.discard(1, c) : () -> pool.release(1, c));
        }
    }

    @Test
    @DisplayName("an Error from onConnectionDead reaches the acquirer unchanged; the dead connection is disposed")
    void errorFromOnConnectionDead() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection dead = loneIdleDead(pool);
        TestError error = new TestError("onConnectionDead");
        manager.onDeadError = error;
        assertErrorPassedAndNothingStuck(pool, error, () -> pool.acquire(1));
        assertTrue(dead.isDisposed());
    }

    @Test
    @DisplayName("an Error from checkAliveness, onAcquire or create reaches the acquirer unchanged; nothing is stuck")
    void errorFromAcquireCallbacks() throws Exception {
        for (String callback : List.of("checkAliveness", "onAcquire", "create")) {
            TestPool pool = open(config().maxSize(1));
            if (!callback.equals("create")) {
                pool.release(1, pool.acquire(1));
            }
            TestError error = new TestError(callback);
            switch (callback) {
                case "checkAliveness" -> manager.alivenessError = error;
                case "onAcquire" -> manager.onAcquireError = error;
                default -> manager.createError = error;
            }
            assertErrorPassedAndNothingStuck(pool, error, () -> pool.acquire(1));
        }
    }

    private void mayFailWithDisposeError(Executable call) {
        try {
            call.execute();
        } catch (Throwable t) {
            if (manager.disposeError instanceof RuntimeException) {
                assertSame(manager.disposeError, t, "only the dispose failure may reach the caller");
            } else {
                assertInstanceOf(ConnectionManagerException.class, t, "only the dispose failure may reach the caller");
                assertSame(manager.disposeError, t.getCause());
            }
        }
    }
}
