package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Managers that implement only one of the hand-out hooks. Both flavours skip the hooks a
 * manager leaves at their interface defaults (a timed acquire then computes no budget for
 * them); these tests check that the one hook a manager does implement still runs on every
 * hand-out, timed or not, of an idle connection or a new one, and that a dead connection is
 * still found.
 */
class PartialHooksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long WAIT = 10;

    private static PoolConfig config(String name) {
        return PoolConfig.builder().name(name).minIdle(1).maxSize(2).totalMaxSize(4).build();
    }

    /** Counts what a manager saw; shared by the four managers below. */
    static class Counts {
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger disposed = new AtomicInteger();
        final AtomicInteger onAcquire = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final List<Duration> checkTimeouts = new CopyOnWriteArrayList<>();
        volatile Object dead;

        Object create() {
            created.incrementAndGet();
            return new Object();
        }
    }

    /** Blocking: creates and disposes; the subclasses add the one hook they implement. */
    abstract static class Blocking extends Counts implements ConnectionManager<Integer, Object> {
        @Override
        public Object create(Integer endpoint, Duration timeout) {
            return create();
        }

        @Override
        public void dispose(Integer endpoint, Object connection, Duration timeout) {
            disposed.incrementAndGet();
        }
    }

    static final class OnAcquireOnly extends Blocking {
        @Override
        public void onAcquire(Integer endpoint, Object connection) {
            onAcquire.incrementAndGet();
        }
    }

    static final class AlivenessOnly extends Blocking {
        @Override
        public boolean checkAliveness(Integer endpoint, Object connection, Duration timeout) {
            checks.incrementAndGet();
            if (timeout != null) {
                checkTimeouts.add(timeout);
            }
            return connection != dead;
        }
    }

    /** Async: creates and disposes; the subclasses add the one hook they implement. */
    abstract static class Async extends Counts implements AsyncConnectionManager<Integer, Object> {
        @Override
        public CompletionStage<Object> create(Integer endpoint) {
            return CompletableFuture.completedFuture(create());
        }

        @Override
        public CompletionStage<Void> dispose(Integer endpoint, Object connection) {
            disposed.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    static final class AsyncOnAcquireOnly extends Async {
        @Override
        public CompletionStage<Void> onAcquire(Integer endpoint, Object connection) {
            onAcquire.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    static final class AsyncAlivenessOnly extends Async {
        @Override
        public CompletionStage<Boolean> checkAliveness(Integer endpoint, Object connection) {
            checks.incrementAndGet();
            return CompletableFuture.completedFuture(connection != dead);
        }
    }

    @Test
    @DisplayName("blocking: a manager with only onAcquire gets it on every hand-out, timed or not, idle or new")
    void blockingOnAcquireOnly() throws Exception {
        OnAcquireOnly m = new OnAcquireOnly();
        try (ConnectionPool<Integer, Object> pool = ConnectionPools.create(m, config("partial-hooks-b1"))) {
            Object a = pool.acquire(1);                   // new, untimed
            Object b = pool.acquire(1, TIMEOUT);          // new, timed
            pool.release(1, a);
            pool.release(1, b);
            Object c = pool.acquire(1);                   // idle, untimed
            Object d = pool.acquire(1, TIMEOUT);          // idle, timed
            pool.release(1, c);
            pool.release(1, d);
            assertEquals(4, m.onAcquire.get(), "onAcquire per hand-out");
            assertEquals(2, m.created.get(), "idle connections reused");
            assertEquals(4, pool.stats().acquires());
        }
        assertEquals(m.created.get(), m.disposed.get(), "close disposed every connection");
    }

    @Test
    @DisplayName("blocking: a manager with only checkAliveness gets it on idle hand-outs, with the remaining budget when timed, and a dead one is replaced")
    void blockingAlivenessOnly() throws Exception {
        AlivenessOnly m = new AlivenessOnly();
        try (ConnectionPool<Integer, Object> pool = ConnectionPools.create(m, config("partial-hooks-b2"))) {
            Object a = pool.acquire(1, TIMEOUT);          // new: not checked
            pool.release(1, a);
            assertEquals(0, m.checks.get(), "a new connection is not checked");
            assertSame(a, pool.acquire(1, TIMEOUT));      // idle, timed: checked with a budget
            assertEquals(1, m.checks.get());
            assertEquals(1, m.checkTimeouts.size(), "a timed acquire passes its remaining budget");
            Duration budget = m.checkTimeouts.get(0);
            assertTrue(!budget.isNegative() && budget.compareTo(TIMEOUT) <= 0, "budget within the timeout: " + budget);
            pool.release(1, a);
            m.dead = a;
            Object b = pool.acquire(1);                   // idle but dead: disposed, a new one made
            assertNotSame(a, b);
            assertEquals(2, m.checks.get());
            assertEquals(1, pool.stats().dead(), "the dead connection counted");
            pool.release(1, b);
        }
        assertEquals(m.created.get(), m.disposed.get(), "close disposed every connection");
    }

    @Test
    @DisplayName("async: a manager with only onAcquire gets it on every hand-out, timed or not, idle or new")
    void asyncOnAcquireOnly() throws Exception {
        AsyncOnAcquireOnly m = new AsyncOnAcquireOnly();
        try (AsyncConnectionPool<Integer, Object> pool = ConnectionPools.createAsync(m, config("partial-hooks-a1"))) {
            Object a = pool.acquire(1).get(WAIT, TimeUnit.SECONDS);
            Object b = pool.acquire(1, TIMEOUT).get(WAIT, TimeUnit.SECONDS);
            pool.release(1, a).get(WAIT, TimeUnit.SECONDS);
            pool.release(1, b).get(WAIT, TimeUnit.SECONDS);
            Object c = pool.acquire(1).get(WAIT, TimeUnit.SECONDS);
            Object d = pool.acquire(1, TIMEOUT).get(WAIT, TimeUnit.SECONDS);
            pool.release(1, c).get(WAIT, TimeUnit.SECONDS);
            pool.release(1, d).get(WAIT, TimeUnit.SECONDS);
            assertEquals(4, m.onAcquire.get(), "onAcquire per hand-out");
            assertEquals(2, m.created.get(), "idle connections reused");
        }
        assertEquals(m.created.get(), m.disposed.get(), "close disposed every connection");
    }

    @Test
    @DisplayName("async: a manager with only checkAliveness gets it on idle hand-outs, and a dead one is replaced")
    void asyncAlivenessOnly() throws Exception {
        AsyncAlivenessOnly m = new AsyncAlivenessOnly();
        try (AsyncConnectionPool<Integer, Object> pool = ConnectionPools.createAsync(m, config("partial-hooks-a2"))) {
            Object a = pool.acquire(1, TIMEOUT).get(WAIT, TimeUnit.SECONDS);
            pool.release(1, a).get(WAIT, TimeUnit.SECONDS);
            assertEquals(0, m.checks.get(), "a new connection is not checked");
            assertSame(a, pool.acquire(1, TIMEOUT).get(WAIT, TimeUnit.SECONDS));
            assertEquals(1, m.checks.get());
            pool.release(1, a).get(WAIT, TimeUnit.SECONDS);
            m.dead = a;
            Object b = pool.acquire(1).get(WAIT, TimeUnit.SECONDS);
            assertNotNull(b);
            assertNotSame(a, b);
            assertEquals(2, m.checks.get());
            assertEquals(1, pool.stats().dead(), "the dead connection counted");
            pool.release(1, b).get(WAIT, TimeUnit.SECONDS);
        }
        assertEquals(m.created.get(), m.disposed.get(), "close disposed every connection");
    }
}
