package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.genericpool.ConnectionPools;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.tests.support.ScriptedManager;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * DESIGN.md "Null" and "Release errors" for both flavours: a null argument is a
 * {@link NullPointerException} naming the parameter; releasing or discarding a connection this pool
 * did not hand out (foreign, another pool's, another endpoint's, idle, released already) is an
 * {@link IllegalStateException}; each changes nothing, which is checked on the pool's statistics
 * and on the manager's records.
 */
@Timeout(30)
public abstract class MisuseContract extends PoolTestBase {

    /** What "changes nothing" compares: pool and endpoint statistics and the manager's call records. */
    private record Snapshot(PoolStats pool, EndpointStats ep1, EndpointStats ep2, int creations, int disposals,
                            int acquires, int releases, boolean closed) {
    }

    private Snapshot snapshot(TestPool pool) {
        return new Snapshot(pool.stats(), pool.stats(1), pool.stats(2), manager.creations().size(),
                manager.disposals().size(), manager.acquires().size(), manager.releases().size(), pool.isClosed());
    }

    @Test
    @DisplayName("null endpoint, connection, timeout or config: NullPointerException naming the parameter; nothing changes")
    void nullArguments() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        TestConnection idle = pool.acquire(2);
        pool.release(2, idle);
        Snapshot before = snapshot(pool);

        assertNpe("endpoint", () -> pool.acquire(null));
        assertNpe("endpoint", () -> pool.acquire(null, Duration.ZERO));
        assertNpe("endpoint", () -> pool.acquire(null, null));
        assertNpe("endpoint", () -> pool.withConnection(null, null, x -> null));
        assertNpe("endpoint", () -> pool.release(null, c));
        assertNpe("connection", () -> pool.release(1, null));
        assertNpe("endpoint", () -> pool.discard(null, c));
        assertNpe("connection", () -> pool.discard(1, null));
        assertNpe("endpoint", () -> pool.size(null));
        assertNpe("endpoint", () -> pool.stats(null));
        assertNpe("config", () -> pool.reconfigure(null));
        assertNpe("timeout", () -> pool.close(null));

        assertEquals(before, snapshot(pool));
        assertFalse(pool.isClosed());
        pool.release(1, c); // still leased
    }

    @Test
    @DisplayName("the factory rejects a null manager or config with NullPointerException naming it")
    void nullFactoryArguments() {
        PoolConfig config = config().build();
        ScriptedManager m = new ScriptedManager();
        if (blocking()) {
            assertNpe("manager", () -> ConnectionPools.create(null, config));
            assertNpe("config", () -> ConnectionPools.create(m, null));
            assertNpe("manager", () -> ConnectionPools.create(null));
            assertNpe("manager", () -> factory().create(null, config));
            assertNpe("config", () -> factory().create(m, null));
        } else {
            assertNpe("manager", () -> ConnectionPools.createAsync(null, config));
            assertNpe("config", () -> ConnectionPools.createAsync(m.async(), null));
            assertNpe("manager", () -> factory().createAsync(null, config));
            assertNpe("config", () -> factory().createAsync(m.async(), null));
        }
    }

    /** The engine's factory, by the class name issue 3 gives it (looked up so this suite compiles without it). */
    static org.genericpool.ConnectionPoolFactory factory() {
        try {
            return (org.genericpool.ConnectionPoolFactory) Class.forName("org.genericpool.impl.DefaultConnectionPoolFactory")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("org.genericpool.impl.DefaultConnectionPoolFactory with a public no-arg constructor", e);
        }
    }

    @Test
    @DisplayName("releasing or discarding a foreign, idle or wrong-endpoint connection: IllegalStateException, nothing changes")
    void foreignRelease() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        TestConnection idle = pool.acquire(2);
        pool.release(2, idle);
        Snapshot before = snapshot(pool);

        assertIse(() -> pool.release(1, TestConnection.foreign(1)));
        assertIse(() -> pool.discard(1, TestConnection.foreign(1)));
        assertIse(() -> pool.release(2, idle));
        assertIse(() -> pool.discard(2, idle));
        assertIse(() -> pool.release(2, c));
        assertIse(() -> pool.release(3, c));
        assertIse(() -> pool.discard(3, c));

        assertEquals(before, snapshot(pool));
        assertFalse(idle.isDisposed());
        pool.release(1, c); // still leased
    }

    @Test
    @DisplayName("releasing or discarding twice: IllegalStateException, nothing changes")
    void doubleRelease() throws Exception {
        TestPool pool = open(config());
        TestConnection c = pool.acquire(1);
        pool.release(1, c);
        Snapshot before = snapshot(pool);

        assertIse(() -> pool.release(1, c));
        assertIse(() -> pool.discard(1, c));
        assertEquals(before, snapshot(pool));

        TestConnection d = pool.acquire(1);
        pool.discard(1, d);
        Snapshot afterDiscard = snapshot(pool);
        assertIse(() -> pool.release(1, d));
        assertIse(() -> pool.discard(1, d));
        assertEquals(afterDiscard, snapshot(pool));
    }

    @Test
    @DisplayName("releasing a connection of another pool: IllegalStateException, nothing changes in either pool")
    void releaseToAnotherPool() throws Exception {
        TestPool pool = open(config());
        TestPool other = open(new ScriptedManager(), config().build());
        TestConnection mine = pool.acquire(1);
        TestConnection theirs = other.acquire(1);
        Snapshot before = snapshot(pool);

        assertIse(() -> pool.release(1, theirs));
        assertIse(() -> pool.discard(1, theirs));
        assertEquals(before, snapshot(pool));
        assertEquals(1, other.stats(1).acquired());
        other.release(1, theirs);
        pool.release(1, mine);
    }

    @Test
    @DisplayName("connections are told apart by identity, even when equals() says they are the same")
    void connectionsByIdentity() throws Exception {
        manager.equalConnections = true;
        TestPool pool = open(config().minIdle(2));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        assertEquals(a, b, "test setup: equal connections");
        pool.release(1, a);
        Snapshot before = snapshot(pool);
        assertIse(() -> pool.release(1, a)); // a is idle; b (equal to it) is the leased one
        assertEquals(before, snapshot(pool));
        assertEquals(1, pool.stats(1).acquired());
        pool.release(1, b);
        assertEquals(2, pool.stats(1).idle());
        assertEquals(List.of(), manager.disposals());
    }

    @Test
    @DisplayName("endpoints are keys by equals(): an equal but distinct endpoint object finds the same endpoint")
    void endpointsByEquals() throws Exception {
        TestPool pool = open(config());
        Integer e1 = Integer.valueOf(100_000);
        Integer e2 = Integer.valueOf(100_000);
        assertFalse(e1 == e2, "test setup: distinct objects");
        TestConnection c = pool.acquire(e1);
        assertEquals(1, pool.stats(e2).acquired());
        pool.release(e2, c);
        assertEquals(1, pool.size(e1));
        assertEquals(java.util.Set.of(e1), pool.endpoints());
    }

    @Test
    @DisplayName("discard disposes the connection and frees its slot")
    void discardFreesTheSlot() throws Exception {
        TestPool pool = open(config().maxSize(1));
        TestConnection c = pool.acquire(1);
        pool.discard(1, c);
        assertEquals(List.of(c), manager.disposals());
        assertEquals(0, pool.size());
        TestConnection d = pool.acquire(1, Duration.ZERO);
        pool.release(1, d);
    }

    private static void assertIse(Executable call) {
        assertThrows(IllegalStateException.class, call);
    }
}
