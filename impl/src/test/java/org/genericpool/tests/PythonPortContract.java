package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManagerException;
import org.genericpool.PoolConfig;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestException;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Python suite ({@code tests/test_sync_pool.py}, {@code tests/test_async_pool.py} of
 * dapper91/generic-connection-pool), case by case, with the same configuration and assertions,
 * run against both flavours. Each method's display name is the Python test's name.
 *
 * <p>Translation rules: Python's {@code with pool.connection(ep)} is
 * {@link TestPool#withConnection} (a {@code Lease} or {@code withConnection}); {@code TimeoutError}
 * is {@link AcquireTimeoutException}; {@code get_endpoint_pool_size(ep, acquired=False)} is
 * {@code stats(ep).idle()}; the mock's exception {@code TestException(Exception)} is a checked
 * {@link TestException}, which the Java contract wraps in {@link ConnectionManagerException}.
 * Where Python sleeps to let a background collector act, these poll a bounded condition instead;
 * where it sleeps to let a deadline pass, so do these. Additions beyond the Python assertions are
 * marked "Java:". {@code test_pool_close_wait} is flavour-specific (threads vs tasks) and lives in
 * the subclasses.
 */
@Timeout(30)
public abstract class PythonPortContract extends PoolTestBase {

    @Test
    @DisplayName("python: test_params")
    void params() throws Exception {
        TestPool pool = open(config().idleTimeout(Duration.ofSeconds(10)).maxLifetime(Duration.ofSeconds(60))
                .minIdle(2).maxSize(16).totalMaxSize(512));

        assertEquals(Duration.ofSeconds(10), pool.config().idleTimeout());
        assertEquals(Duration.ofSeconds(60), pool.config().maxLifetime());
        assertEquals(2, pool.config().minIdle());
        assertEquals(16, pool.config().maxSize());
        assertEquals(512, pool.config().totalMaxSize());

        pool.close();
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("python: test_pool_context_manager")
    void poolContextManager() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(Duration.ZERO));
        TestConnection[] conn = new TestConnection[4];

        pool.withConnection(1, null, c1 -> {
            conn[1] = c1;
            assertEquals(1, pool.size());
            return pool.withConnection(2, null, c2 -> {
                conn[2] = c2;
                assertEquals(2, pool.size());
                return pool.withConnection(3, null, c3 -> {
                    conn[3] = c3;
                    assertEquals(3, pool.size());
                    return null;
                });
            });
        });

        assertEquals(List.of(conn[1], conn[2], conn[3]), manager.creations());
        assertEquals(List.of(1, 2, 3), endpointsOf(manager.creations()));
        assertEquals(0, pool.size());
        assertEquals(List.of(conn[3], conn[2], conn[1]), manager.disposals());

        pool.close();
    }

    @Test
    @DisplayName("python: test_pool_acquire_round_robin")
    void poolAcquireRoundRobin() throws Exception {
        TestPool pool = open(config().minIdle(3));
        Map<Integer, List<TestConnection>> connections = new LinkedHashMap<>();
        connections.put(1, fillEndpointPool(pool, 1, 1));
        connections.put(2, fillEndpointPool(pool, 2, 2));
        connections.put(3, fillEndpointPool(pool, 3, 3));

        for (Map.Entry<Integer, List<TestConnection>> e : connections.entrySet()) {
            List<TestConnection> twice = new ArrayList<>(e.getValue());
            twice.addAll(e.getValue());
            for (TestConnection conn : twice) {
                assertSame(conn, pool.acquire(e.getKey()));
                pool.release(e.getKey(), conn);
            }
        }

        pool.close();
        assertEquals(0, pool.size());
    }

    private static List<TestConnection> fillEndpointPool(TestPool pool, int endpoint, int size) throws Exception {
        List<TestConnection> connections = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            connections.add(pool.acquire(endpoint));
        }
        for (TestConnection conn : connections) {
            pool.release(endpoint, conn);
        }
        return connections;
    }

    @Test
    @DisplayName("python: test_connection_manager_callbacks")
    void connectionManagerCallbacks() throws Exception {
        TestPool pool = open(config());
        TestConnection conn = pool.withConnection(1, null, c -> c);

        assertEquals(List.of(conn), manager.acquires());
        assertEquals(List.of(conn), manager.releases());

        pool.close();
        assertEquals(0, pool.size());
    }

    /**
     * Ten clients share one connection ({@code maxSize = 1}); each holds it briefly and sees a
     * pool of size 1. Python gives each a timeout of 11 x delay; Java gives a generous 10 s so a busy
     * machine cannot fail it (a client that times out fails the test either way).
     */
    @Test
    @DisplayName("python: test_connection_wait")
    void connectionWait() throws Exception {
        TestPool pool = open(config().maxSize(1));
        int clients = 10;
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                try {
                    pool.withConnection(1, Waits.LONG, c -> {
                        Thread.sleep(5); // the client's work while holding the connection
                        assertEquals(1, pool.size());
                        return null;
                    });
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(Waits.LONG.toMillis());
            assertTrue(!t.isAlive(), t.getName() + " still running");
        }
        assertEquals(List.of(), new ArrayList<>(failures));

        assertEquals(1, pool.size());
        pool.close();
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("python: test_pool_max_size")
    void poolMaxSize() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(Duration.ZERO).maxSize(1).totalMaxSize(2));

        TestConnection conn1 = pool.acquire(1);
        assertThrows(AcquireTimeoutException.class, () -> pool.acquire(1, DELAY));
        assertEquals(1, pool.size());

        pool.release(1, conn1);
        assertEquals(0, pool.size());

        conn1 = pool.acquire(1);
        pool.release(1, conn1);
        assertEquals(0, pool.size());

        pool.close();
    }

    @Test
    @DisplayName("python: test_pool_total_max_size")
    void poolTotalMaxSize() throws Exception {
        TestPool pool = open(config().minIdle(0).idleTimeout(Duration.ZERO).maxSize(1).totalMaxSize(1));

        TestConnection conn1 = pool.acquire(1);
        assertThrows(AcquireTimeoutException.class, () -> pool.acquire(2, DELAY));
        assertEquals(1, pool.size());

        pool.release(1, conn1);
        assertEquals(0, pool.size());

        conn1 = pool.acquire(1);
        pool.release(1, conn1);
        assertEquals(0, pool.size());

        pool.close();
    }

    @ParameterizedTest(name = "python: test_pool_disposable_connections_collection[background_collector={0}]")
    @ValueSource(booleans = {true, false})
    void poolDisposableConnectionsCollection(boolean backgroundCollector) throws Exception {
        TestPool pool = open(config().idleTimeout(Duration.ZERO).minIdle(0)
                .backgroundCollector(backgroundCollector).disposeBatchSize(10));

        List<Integer> endpoints = new ArrayList<>();
        List<TestConnection> connections = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            endpoints.add(n % 3);
            connections.add(pool.acquire(n % 3));
        }
        assertEquals(connections.size(), pool.size());
        assertEquals(connections, manager.creations());
        assertEquals(endpoints, endpointsOf(manager.creations()));

        for (int i = 0; i < connections.size(); i++) {
            pool.release(endpoints.get(i), connections.get(i));
        }

        if (backgroundCollector) { // Python: sleep(delay)
            Waits.until(() -> pool.size() == 0, () -> "collector left " + pool.size() + " connections");
            // size() stops counting a connection once detached; its dispose is called a moment later
            Waits.until(() -> manager.disposals().size() == connections.size(),
                    () -> "collector disposed " + manager.disposals().size() + " connections");
        }
        assertEquals(0, pool.size());
        assertEquals(connections, manager.disposals());

        pool.close();
    }

    @ParameterizedTest(name = "python: test_pool_min_idle[background_collector={0}]")
    @ValueSource(booleans = {true, false})
    void poolMinIdle(boolean backgroundCollector) throws Exception {
        TestPool pool = open(config().idleTimeout(Duration.ZERO).minIdle(1).backgroundCollector(backgroundCollector));
        TestConnection conn11 = pool.acquire(1);
        TestConnection conn12 = pool.acquire(1);
        TestConnection conn13 = pool.acquire(1);
        TestConnection conn21 = pool.acquire(2);
        TestConnection conn22 = pool.acquire(2);
        TestConnection conn31 = pool.acquire(3);

        assertEquals(6, pool.size());
        assertEquals(List.of(conn11, conn12, conn13, conn21, conn22, conn31), manager.creations());
        assertEquals(List.of(1, 1, 1, 2, 2, 3), endpointsOf(manager.creations()));

        pool.release(1, conn11);
        pool.release(1, conn12);
        pool.release(1, conn13);
        awaitDisposals(2); // Python: sleep(delay)
        pool.release(2, conn21);
        pool.release(2, conn22);
        awaitDisposals(3); // Python: sleep(delay)
        pool.release(3, conn31);

        Waits.letTimePass(DELAY); // give a wrong collector the chance to dispose a core connection

        assertEquals(3, pool.size());
        assertEquals(List.of(conn11, conn12, conn21), manager.disposals());

        pool.close();
        assertEquals(0, pool.size());
    }

    @ParameterizedTest(name = "python: test_pool_idle_timeout[background_collector={0}]")
    @ValueSource(booleans = {true, false})
    void poolIdleTimeout(boolean backgroundCollector) throws Exception {
        TestPool pool = open(config().idleTimeout(DELAY).minIdle(1).disposeBatchSize(5)
                .backgroundCollector(backgroundCollector));

        pool.withConnection(1, null, a -> pool.withConnection(1, null, b -> null));
        pool.withConnection(2, null, a -> pool.withConnection(2, null, b -> null));
        assertEquals(4, pool.size());

        Waits.letTimePass(DELAY.multipliedBy(2));
        if (backgroundCollector) {
            Waits.until(() -> pool.size() == 2, () -> "collector left " + pool.size() + " connections, expected 2");
        }

        // run disposal if background worker is not started
        pool.withConnection(3, null, c -> null);
        assertEquals(3, pool.size());

        pool.close();
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("python: test_idle_connection_close_on_total_max_size_exceeded")
    void idleConnectionCloseOnTotalMaxSizeExceeded() throws Exception {
        TestPool pool = open(config().minIdle(3).maxSize(3).totalMaxSize(3));

        pool.withConnection(1, null, a -> pool.withConnection(1, null, b -> pool.withConnection(1, null, c -> null)));
        assertEquals(3, pool.size());

        pool.withConnection(2, null, c -> null);
        assertEquals(3, pool.size());
        assertEquals(List.of(1), endpointsOf(manager.disposals()), "Java: an idle connection of endpoint 1 made room");

        pool.withConnection(3, null, c -> null);
        assertEquals(3, pool.size());

        pool.close();
        assertEquals(0, pool.size());
    }

    @ParameterizedTest(name = "python: test_pool_max_lifetime[background_collector={0}]")
    @ValueSource(booleans = {true, false})
    void poolMaxLifetime(boolean backgroundCollector) throws Exception {
        TestPool pool = open(config().idleTimeout(DELAY).maxLifetime(DELAY.multipliedBy(2)).minIdle(1)
                .disposeBatchSize(4).backgroundCollector(backgroundCollector));

        pool.withConnection(1, null, a -> pool.withConnection(1, null, b -> null));
        pool.withConnection(2, null, a -> pool.withConnection(2, null, b -> null));
        assertEquals(4, pool.size());

        Waits.letTimePass(DELAY.multipliedBy(3));
        if (backgroundCollector) {
            Waits.until(() -> pool.size() == 0, () -> "collector left " + pool.size() + " connections, expected 0");
        }

        // run disposal if background worker is not started
        pool.withConnection(3, null, c -> null);
        assertEquals(1, pool.size());

        pool.close();
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("python: test_pool_aliveness_check")
    void poolAlivenessCheck() throws Exception {
        TestPool pool = open(config());

        TestConnection conn1 = pool.withConnection(1, null, c -> c);
        conn1.alive = false;

        pool.withConnection(1, null, conn2 -> {
            assertNotSame(conn1, conn2);
            return null;
        });

        assertEquals(1, pool.size());
        assertEquals(List.of(conn1), manager.dead());
        assertEquals(List.of(conn1), manager.disposals(), "Java: the dead connection is disposed");
        assertEquals(1, pool.stats().dead(), "Java: counted dead (the pool's count: endpoint 1 was empty for a moment, which resets its own)");

        pool.close();
        assertEquals(0, pool.size());
    }

    @Test
    @DisplayName("python: test_pool_close")
    void poolClose() throws Exception {
        TestPool pool = open(config().idleTimeout(Duration.ofSeconds(10)).maxLifetime(Duration.ofSeconds(10))
                .minIdle(10).backgroundCollector(false));

        pool.withConnection(1, null, a -> pool.withConnection(1, null, b -> null));
        pool.withConnection(2, null, a -> pool.withConnection(2, null, b -> null));

        assertEquals(4, pool.size());
        pool.close();
        assertEquals(0, pool.size());
        assertEquals(4, manager.disposals().size(), "Java: all four disposed");
    }

    /** The base configuration of Python's {@code test_pool_close_wait}, for the flavour-specific ports. */
    protected static PoolConfig closeWaitConfig() {
        return config().idleTimeout(Duration.ofSeconds(10)).maxLifetime(Duration.ofSeconds(10)).minIdle(10)
                .maxSize(10).totalMaxSize(100).backgroundCollector(false).build();
    }

    /**
     * Python: a client holds a connection for {@code delay} while the pool closes with a timeout of
     * 2 x delay; while it holds it, nothing is disposed. Java proves the close is under way (the pool
     * is closed and the close call still waits) before the client checks and releases, instead of
     * timing it; the close timeout is generous so the release is always in time.
     */
    @Test
    @DisplayName("python: test_pool_close_timeout")
    void poolCloseTimeout() throws Exception {
        TestPool pool = open(config());

        TestConnection conn = pool.acquire(1);
        var closing = pool.startClose(Waits.LONG);
        closing.awaitWaiting();
        assertEquals(List.of(), manager.disposals());
        pool.release(1, conn);
        closing.join();

        assertEquals(List.of(conn), manager.disposals(), "Java: disposed once returned");
    }

    @Test
    @DisplayName("python: test_pool_connection_manager_creation_error")
    void poolConnectionManagerCreationError() throws Exception {
        manager.createError = new TestException("create");
        TestPool pool = open(config());

        ConnectionManagerException e = assertThrows(ConnectionManagerException.class,
                () -> pool.withConnection(1, null, c -> null));
        assertSame(manager.createError, e.getCause());

        assertEquals(0, pool.size());
        assertEquals(0, pool.size(1));
    }

    @Test
    @DisplayName("python: test_pool_connection_manager_release_error")
    void poolConnectionManagerReleaseError() throws Exception {
        manager.onReleaseError = new TestException("onRelease");
        TestPool pool = open(config().idleTimeout(Duration.ZERO).minIdle(0));

        ConnectionManagerException e = assertThrows(ConnectionManagerException.class,
                () -> pool.withConnection(1, null, c -> null));
        assertSame(manager.onReleaseError, e.getCause());

        assertEquals(1, pool.size());
        assertEquals(1, pool.stats(1).idle());
    }

    @Test
    @DisplayName("python: test_pool_connection_manager_aliveness_error")
    void poolConnectionManagerAlivenessError() throws Exception {
        manager.alivenessError = new TestException("checkAliveness");
        TestPool pool = open(config().idleTimeout(DELAY).minIdle(1));
        pool.withConnection(1, null, c -> null);

        ConnectionManagerException e = assertThrows(ConnectionManagerException.class,
                () -> pool.withConnection(1, null, c -> null));
        assertSame(manager.alivenessError, e.getCause());

        assertEquals(1, pool.size());
        assertEquals(1, pool.stats(1).idle());
    }

    /** Python leaves the dead connection undisposed when its hook fails; DESIGN.md has it disposed. */
    @Test
    @DisplayName("python: test_pool_connection_manager_dead_connection_error")
    void poolConnectionManagerDeadConnectionError() throws Exception {
        manager.onDeadError = new TestException("onConnectionDead");
        TestPool pool = open(config().idleTimeout(DELAY).minIdle(1));
        TestConnection conn = pool.withConnection(1, null, c -> c);

        conn.alive = false;
        ConnectionManagerException e = assertThrows(ConnectionManagerException.class,
                () -> pool.withConnection(1, null, c -> null));
        assertSame(manager.onDeadError, e.getCause());

        assertEquals(0, pool.size());
        assertEquals(0, pool.size(1));
        assertEquals(List.of(conn), manager.disposals(), "Java: the dead connection is still disposed");
        assertEquals(1, manager.createCalls(), "Java: the acquire ends with the failure, creating nothing");
    }

    @Test
    @DisplayName("python: test_pool_connection_manager_acquire_error")
    void poolConnectionManagerAcquireError() throws Exception {
        manager.onAcquireError = new TestException("onAcquire");
        TestPool pool = open(config().idleTimeout(DELAY).minIdle(1));

        ConnectionManagerException e = assertThrows(ConnectionManagerException.class,
                () -> pool.withConnection(1, null, c -> null));
        assertSame(manager.onAcquireError, e.getCause());

        assertEquals(1, pool.size());
        assertEquals(1, pool.stats(1).idle());
    }

    /**
     * Python's release swallows the failure; DESIGN.md lets it reach the caller whose own call ran
     * the dispose, so Java accepts either, but only as the wrapped {@link TestException}.
     */
    @Test
    @DisplayName("python: test_pool_connection_manager_dispose_error")
    void poolConnectionManagerDisposeError() throws Exception {
        manager.disposeError = new TestException("dispose");
        TestPool pool = open(config().idleTimeout(Duration.ZERO).minIdle(0));

        Optional<Throwable> failure = Optional.empty();
        try {
            pool.withConnection(1, null, c -> null);
        } catch (Exception e) {
            failure = Optional.of(e);
        }
        failure.ifPresent(e -> {
            assertInstanceOf(ConnectionManagerException.class, e, "only the dispose failure may reach the releaser");
            assertSame(manager.disposeError, e.getCause());
        });

        assertEquals(0, pool.size());
        assertEquals(0, pool.stats(1).idle());
    }

    // ---- helpers ----

    protected static List<Integer> endpointsOf(List<TestConnection> connections) {
        List<Integer> out = new ArrayList<>();
        connections.forEach(c -> out.add(c.endpoint()));
        return out;
    }

    private void awaitDisposals(int n) {
        Waits.until(() -> manager.disposals().size() >= n,
                () -> "disposals " + manager.disposals() + ", expected " + n);
    }
}
