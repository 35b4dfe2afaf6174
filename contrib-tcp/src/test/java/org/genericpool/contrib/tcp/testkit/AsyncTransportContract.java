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
import java.nio.channels.AsynchronousByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericpool.ConnectionManagerException;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * The cases every asynchronous transport manager passes, through a real asynchronous pool and
 * directly. One subclass per transport and address family.
 *
 * @param <E> endpoint type
 * @param <C> connection type, an {@link AsynchronousByteChannel}
 */
public abstract class AsyncTransportContract<E, C extends AsynchronousByteChannel>
        extends TransportFixture<E> {

    private static final AtomicInteger POOL_SEQ = new AtomicInteger();

    /** @return a fresh manager with one I/O thread and short timeouts; closed after the test */
    protected abstract AsyncConnectionManager<E, C> createManager();

    /** @return the prefix of the names of the manager's I/O threads */
    protected abstract String ioThreadPrefix();

    /** @return a new manager, closed after the test */
    protected AsyncConnectionManager<E, C> newManager() {
        AsyncConnectionManager<E, C> m = createManager();
        if (m instanceof AutoCloseable c) {
            closeLater(c);
        }
        return m;
    }

    /** @return a pool with a unique name, closed after the test */
    protected AsyncConnectionPool<E, C> pool(AsyncConnectionManager<E, C> manager, int maxSize, Duration acquireTimeout) {
        PoolConfig config = PoolConfig.builder().name("contrib-async-" + POOL_SEQ.incrementAndGet())
                .minIdle(1).maxSize(maxSize).totalMaxSize(Math.max(maxSize, 10)).acquireTimeout(acquireTimeout).build();
        AsyncConnectionPool<E, C> pool = ConnectionPools.createAsync(manager, config);
        closeLater(() -> pool.closeAsync(Duration.ofSeconds(1)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        return pool;
    }

    /** @return the value of {@code stage}, waiting at most {@link #WAIT} */
    protected static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A manager that counts {@code onConnectionDead} calls and remembers disposed connections. */
    protected static final class Counting<E, C> implements AsyncConnectionManager<E, C> {
        final AsyncConnectionManager<E, C> delegate;
        final AtomicInteger dead = new AtomicInteger();
        final List<C> disposed = new ArrayList<>();

        Counting(AsyncConnectionManager<E, C> delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletionStage<C> create(E endpoint) {
            return delegate.create(endpoint);
        }

        @Override
        public CompletionStage<Void> dispose(E endpoint, C connection) {
            synchronized (this) {
                disposed.add(connection);
            }
            return delegate.dispose(endpoint, connection);
        }

        @Override
        public CompletionStage<Boolean> checkAliveness(E endpoint, C connection) {
            return delegate.checkAliveness(endpoint, connection);
        }

        @Override
        public CompletionStage<Void> onConnectionDead(E endpoint, C connection) {
            dead.incrementAndGet();
            return delegate.onConnectionDead(endpoint, connection);
        }
    }

    /** A round trip works, and the next acquire hands out the same connection object. */
    @Test
    void roundTripThenTheSameConnectionIsReused() throws Exception {
        AsyncConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        C first = await(pool.acquire(endpoint));
        assertEquals("ping-1", await(AsyncIo.roundTrip(first, "ping-1")));
        await(pool.release(endpoint, first));
        C second = await(pool.acquire(endpoint));
        assertSame(first, second);
        assertEquals("ping-2", await(AsyncIo.roundTrip(second, "ping-2")));
        await(pool.release(endpoint, second));
        assertEquals(1, server.accepted());
    }

    @Override
    protected void deadAfter(ServerAction action) throws Exception {
        Counting<E, C> manager = new Counting<>(newManager());
        AsyncConnectionPool<E, C> pool = pool(manager, 4, WAIT);
        C first = await(pool.acquire(endpoint));
        assertEquals("one", await(AsyncIo.roundTrip(first, "one")));
        await(pool.release(endpoint, first));
        assertEquals(1, server.awaitAccepted(1, WAIT));
        action.run();
        Thread.sleep(PROPAGATION_MILLIS);
        C second = await(pool.acquire(endpoint));
        assertNotSame(first, second);
        assertEquals(1, manager.dead.get(), "onConnectionDead calls");
        synchronized (manager) {
            assertTrue(manager.disposed.contains(first), "the dead connection is disposed");
        }
        assertEquals(1, pool.stats().dead(), "pool-wide dead count");
        assertEquals("two", await(AsyncIo.roundTrip(second, "two")));
        await(pool.release(endpoint, second));
    }

    /** A refused connect fails with ConnectionManagerException whose cause chain holds ConnectException. */
    @Test
    void refusedConnectKeepsConnectException() throws Exception {
        AsyncConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        E refused = refusedEndpoint();
        ExecutionException e = assertThrows(ExecutionException.class, () -> await(pool.acquire(refused)));
        Throwable cause = Failures.unwrap(e);
        assertTrue(cause instanceof ConnectionManagerException, () -> "not a ConnectionManagerException: " + cause);
        assertNotNull(Failures.find(cause, ConnectException.class), () -> "no ConnectException in " + cause);
    }

    /** Refused connects leave no file descriptor open. */
    @Test
    void refusedConnectsLeakNoSocket() throws Exception {
        AsyncConnectionManager<E, C> manager = newManager();
        E refused = refusedEndpoint();
        assertThrows(ExecutionException.class, () -> await(manager.create(refused)));
        int baseline = Fds.count();
        for (int i = 0; i < 10; i++) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(manager.create(refused)));
            assertNotNull(Failures.find(e, ConnectException.class), () -> "no ConnectException in " + e);
        }
        assertTrue(Fds.awaitAtMost(baseline, WAIT) <= baseline, "file descriptors leaked");
    }

    /** Closing the pool disposes every connection: the server sees each socket closed. */
    @Test
    void poolCloseDisposesEveryConnection() throws Exception {
        AsyncConnectionPool<E, C> pool = pool(newManager(), 4, WAIT);
        List<C> leased = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leased.add(await(pool.acquire(endpoint)));
        }
        for (C c : leased) {
            assertEquals("x", await(AsyncIo.roundTrip(c, "x")));
            await(pool.release(endpoint, c));
        }
        assertEquals(4, server.accepted());
        await(pool.closeAsync());
        assertEquals(4, server.awaitClosedByPeer(4, WAIT));
    }

    /** Many concurrent acquires against one server all complete their round trips. */
    @Test
    void manyConcurrentAcquiresComplete() throws Exception {
        AsyncConnectionPool<E, C> pool = pool(newManager(), 8, WAIT);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String msg = "m" + i;
            results.add(pool.withConnection(endpoint, c -> AsyncIo.roundTrip(c, msg)));
        }
        for (int i = 0; i < 64; i++) {
            assertEquals("m" + i, await(results.get(i)));
        }
        assertTrue(server.accepted() <= 8, () -> "accepted " + server.accepted());
    }

    /**
     * Creating and checking connections blocks no thread: many connections share the manager's
     * one I/O thread, and an aliveness check is complete when it returns.
     */
    @Test
    void connectionsShareOneIoThreadAndChecksDoNotBlock() throws Exception {
        AsyncConnectionManager<E, C> manager = newManager();
        long before = ioThreads();
        List<CompletableFuture<C>> created = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            created.add(manager.create(endpoint).toCompletableFuture());
        }
        List<C> connections = new ArrayList<>();
        for (CompletableFuture<C> f : created) {
            connections.add(await(f));
        }
        assertTrue(ioThreads() - before <= 1, () -> "I/O threads: " + (ioThreads() - before));
        for (C c : connections) {
            assertEquals("hi", await(AsyncIo.roundTrip(c, "hi")));
        }
        Thread.sleep(PROPAGATION_MILLIS);
        for (C c : connections) {
            CompletableFuture<Boolean> check = manager.checkAliveness(endpoint, c).toCompletableFuture();
            assertTrue(check.isDone(), "an aliveness check completes before it returns");
            assertTrue(check.join());
        }
        for (C c : connections) {
            await(manager.dispose(endpoint, c));
        }
        assertEquals(16, server.awaitClosedByPeer(16, WAIT));
    }

    private long ioThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(ioThreadPrefix())).count();
    }

    /** A healthy idle connection is alive, check after check, and still works afterwards. */
    @Test
    void healthyIdleConnectionStaysAlive() throws Exception {
        AsyncConnectionManager<E, C> manager = newManager();
        C c = await(manager.create(endpoint));
        try {
            assertEquals("hello", await(AsyncIo.roundTrip(c, "hello")));
            Thread.sleep(PROPAGATION_MILLIS);
            for (int i = 0; i < 200; i++) {
                assertTrue(await(manager.checkAliveness(endpoint, c)), "check " + i);
            }
            assertEquals("again", await(AsyncIo.roundTrip(c, "again")));
        } finally {
            await(manager.dispose(endpoint, c));
        }
    }

    /** Disposing a connection the peer reset never fails, not even twice. */
    @Test
    void disposeOfBrokenConnectionIsQuiet() throws Exception {
        AsyncConnectionManager<E, C> manager = newManager();
        C c = await(manager.create(endpoint));
        server.awaitAccepted(1, WAIT);
        server.resetAll();
        Thread.sleep(PROPAGATION_MILLIS);
        assertFalse(await(manager.checkAliveness(endpoint, c)));
        assertDoesNotThrow(() -> await(manager.dispose(endpoint, c)));
        assertDoesNotThrow(() -> await(manager.dispose(endpoint, c)));
    }
}
