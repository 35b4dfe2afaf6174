package org.genericpool.contrib.tcp.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionManagerException;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.junit.jupiter.api.Test;

/**
 * The cases every blocking transport manager passes, against a server the test starts, through
 * a real pool (genericpool-impl on the test class path) and directly. One subclass per
 * transport and address family.
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public abstract class BlockingTransportContract<E, C> extends TransportFixture<E> {

    private static final AtomicInteger POOL_SEQ = new AtomicInteger();

    /** @return a fresh manager with short timeouts */
    protected abstract ConnectionManager<E, C> newManager();

    /** Writes {@code message} on {@code connection} and returns what the echo server sent back. */
    protected abstract String roundTrip(C connection, String message) throws Exception;

    /** @return a pool over {@code manager} with a unique name, closed after the test */
    protected ConnectionPool<E, C> pool(ConnectionManager<E, C> manager, int maxSize, Duration acquireTimeout) {
        PoolConfig config = PoolConfig.builder().name("contrib-blocking-" + POOL_SEQ.incrementAndGet())
                .minIdle(1).maxSize(maxSize).totalMaxSize(Math.max(maxSize, 10)).acquireTimeout(acquireTimeout).build();
        ConnectionPool<E, C> pool = ConnectionPools.create(manager, config);
        closeLater(() -> pool.close(Duration.ofSeconds(1)));
        return pool;
    }

    /** A manager that counts {@code onConnectionDead} calls. */
    protected static final class Counting<E, C> implements ConnectionManager<E, C> {
        final ConnectionManager<E, C> delegate;
        final AtomicInteger dead = new AtomicInteger();
        final List<C> disposed = new ArrayList<>();

        Counting(ConnectionManager<E, C> delegate) {
            this.delegate = delegate;
        }

        @Override
        public C create(E endpoint, Duration timeout) throws Exception {
            return delegate.create(endpoint, timeout);
        }

        @Override
        public synchronized void dispose(E endpoint, C connection, Duration timeout) throws Exception {
            disposed.add(connection);
            delegate.dispose(endpoint, connection, timeout);
        }

        @Override
        public boolean checkAliveness(E endpoint, C connection, Duration timeout) throws Exception {
            return delegate.checkAliveness(endpoint, connection, timeout);
        }

        @Override
        public void onConnectionDead(E endpoint, C connection) throws Exception {
            dead.incrementAndGet();
            delegate.onConnectionDead(endpoint, connection);
        }
    }

    /** A round trip works, and the next acquire hands out the same connection object. */
    @Test
    void roundTripThenTheSameConnectionIsReused() throws Exception {
        ConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        C first = pool.acquire(endpoint);
        assertEquals("ping-1", roundTrip(first, "ping-1"));
        pool.release(endpoint, first);
        C second = pool.acquire(endpoint);
        assertSame(first, second);
        assertEquals("ping-2", roundTrip(second, "ping-2"));
        pool.release(endpoint, second);
        assertEquals(1, server.accepted());
    }

    @Override
    protected void deadAfter(ServerAction action) throws Exception {
        Counting<E, C> manager = new Counting<>(newManager());
        ConnectionPool<E, C> pool = pool(manager, 4, WAIT);
        C first = pool.acquire(endpoint);
        assertEquals("one", roundTrip(first, "one"));
        pool.release(endpoint, first);
        assertEquals(1, server.awaitAccepted(1, WAIT));
        action.run();
        Thread.sleep(PROPAGATION_MILLIS);
        C second = pool.acquire(endpoint);
        assertNotSame(first, second);
        assertEquals(1, manager.dead.get(), "onConnectionDead calls");
        synchronized (manager) {
            assertTrue(manager.disposed.contains(first), "the dead connection is disposed");
        }
        assertEquals(1, pool.stats().dead(), "pool-wide dead count");
        assertEquals("two", roundTrip(second, "two"));
        pool.release(endpoint, second);
    }

    /** A refused connect fails with ConnectionManagerException whose cause chain holds ConnectException. */
    @Test
    void refusedConnectKeepsConnectException() throws Exception {
        ConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        E refused = refusedEndpoint();
        ConnectionManagerException e = assertThrows(ConnectionManagerException.class, () -> pool.acquire(refused));
        assertNotNull(Failures.find(e, ConnectException.class), () -> "no ConnectException in " + e);
    }

    /** Refused connects leave no file descriptor open. */
    @Test
    void refusedConnectsLeakNoSocket() throws Exception {
        ConnectionManager<E, C> manager = newManager();
        E refused = refusedEndpoint();
        assertThrows(ConnectException.class, () -> manager.create(refused, WAIT));
        int baseline = Fds.count();
        for (int i = 0; i < 10; i++) {
            assertThrows(ConnectException.class, () -> manager.create(refused, WAIT));
        }
        assertTrue(Fds.awaitAtMost(baseline, WAIT) <= baseline, "file descriptors leaked");
    }

    /** Closing the pool disposes every connection: the server sees each socket closed. */
    @Test
    void poolCloseDisposesEveryConnection() throws Exception {
        ConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        List<C> leased = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leased.add(pool.acquire(endpoint));
        }
        for (C c : leased) {
            assertEquals("x", roundTrip(c, "x"));
            pool.release(endpoint, c);
        }
        assertEquals(4, server.accepted());
        pool.close();
        assertEquals(4, server.awaitClosedByPeer(4, WAIT));
    }

    /** A healthy idle connection is alive, check after check, and still works afterwards. */
    @Test
    void healthyIdleConnectionStaysAlive() throws Exception {
        ConnectionManager<E, C> manager = newManager();
        C c = manager.create(endpoint, WAIT);
        try {
            assertEquals("hello", roundTrip(c, "hello"));
            Thread.sleep(PROPAGATION_MILLIS);
            for (int i = 0; i < 200; i++) {
                assertTrue(manager.checkAliveness(endpoint, c, null), "check " + i);
            }
            assertEquals("again", roundTrip(c, "again"));
        } finally {
            manager.dispose(endpoint, c, WAIT);
        }
    }

    /** Disposing a connection the peer reset never throws, not even twice. */
    @Test
    void disposeOfBrokenConnectionIsQuiet() throws Exception {
        ConnectionManager<E, C> manager = newManager();
        C c = manager.create(endpoint, WAIT);
        server.awaitAccepted(1, WAIT);
        server.resetAll();
        Thread.sleep(PROPAGATION_MILLIS);
        assertFalse(manager.checkAliveness(endpoint, c, null));
        assertDoesNotThrow(() -> manager.dispose(endpoint, c, Duration.ofMillis(200)));
        assertDoesNotThrow(() -> manager.dispose(endpoint, c, Duration.ofMillis(200)));
    }
}
