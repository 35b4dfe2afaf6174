package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.genericpool.ConnectionManagerException;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stages of unusual kinds from a manager without hooks. It may answer with the JDK's minimal stages ({@code CompletableFuture.completedStage},
 * {@code failedStage}, {@code minimalCompletionStage()}), whose {@code isDone} throws: the async
 * pool treats them as any other stage, with nothing lost or stuck.
 */
@Timeout(30)
class AsyncMinimalStageTest {

    private static final long WAIT_SECONDS = 5;

    /** A manager whose create and aliveness check answer with what the test says. */
    private static final class MinimalManager implements AsyncConnectionManager<String, Object> {
        volatile Supplier<CompletionStage<Object>> create = () -> CompletableFuture.completedStage(new Object());
        volatile Supplier<CompletionStage<Boolean>> alive = () -> CompletableFuture.completedStage(true);
        final AtomicInteger disposed = new AtomicInteger();
        volatile Exception disposeFailure;

        @Override
        public CompletionStage<Object> create(String endpoint) {
            return create.get();
        }

        @Override
        public CompletionStage<Boolean> checkAliveness(String endpoint, Object connection) {
            return alive.get();
        }

        @Override
        public CompletionStage<Void> dispose(String endpoint, Object connection) {
            disposed.incrementAndGet();
            Exception failure = disposeFailure;
            return failure == null ? CompletableFuture.completedStage(null) : CompletableFuture.failedStage(failure);
        }
    }

    private final MinimalManager manager = new MinimalManager();
    private final AsyncConnectionPool<String, Object> pool =
            ConnectionPools.createAsync(manager, PoolConfig.builder().maxSize(1).minIdle(0).build());

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void closeAndCheckNothingLeft() throws Exception {
        get(pool.closeAsync(Duration.ofSeconds(1)));
        PoolStats s = pool.stats();
        assertEquals(0, s.total(), s::toString);
        assertEquals(s.created(), s.disposed(), s::toString);
        assertEquals(s.created(), manager.disposed.get(), s::toString);
    }

    @Test
    void completedStagesFromCreateAndAlivenessCheck() throws Exception {
        Object c = get(pool.acquire("a"));
        CompletableFuture<Object> waiter = pool.acquire("a", Duration.ofSeconds(WAIT_SECONDS));
        get(pool.release("a", c)); // hands off to the waiter through the aliveness check
        assertSame(c, get(waiter));
        get(pool.release("a", c));
        assertSame(c, get(pool.acquire("a"))); // from idle, through the check
        get(pool.release("a", c));
        closeAndCheckNothingLeft();
    }

    @Test
    void failedStageFromCreateFailsTheAcquireAndFreesTheSlot() throws Exception {
        IOException refused = new IOException("refused");
        manager.create = () -> CompletableFuture.failedStage(refused);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> get(pool.acquire("a")));
        assertInstanceOf(ConnectionManagerException.class, e.getCause());
        assertSame(refused, e.getCause().getCause());
        assertEquals(0, pool.stats().total());
        manager.create = () -> CompletableFuture.completedStage(new Object());
        get(pool.release("a", get(pool.acquire("a", Duration.ZERO)))); // maxSize 1: the slot is free
        closeAndCheckNothingLeft();
    }

    @Test
    void pendingMinimalStageFromCreate() throws Exception {
        CompletableFuture<Object> later = new CompletableFuture<>();
        manager.create = later::minimalCompletionStage;
        CompletableFuture<Object> acquire = pool.acquire("a");
        Object c = new Object();
        later.complete(c);
        assertSame(c, get(acquire));
        get(pool.release("a", c));
        closeAndCheckNothingLeft();
    }

    @Test
    void deadByACompletedStageIsReplaced() throws Exception {
        Object first = get(pool.acquire("a"));
        get(pool.release("a", first));
        manager.alive = () -> CompletableFuture.completedStage(false);
        Object second = get(pool.acquire("a")); // first is dead; second is new and not checked
        assertNotSame(first, second);
        assertEquals(1, pool.stats().dead());
        get(pool.release("a", second));
        closeAndCheckNothingLeft();
    }

    /**
     * A manager without {@code onRelease}: a release that disposes (the connection outlived its
     * lifetime) and whose dispose fails completes normally, as the blocking release returns; the
     * failure is logged and the connection is gone.
     */
    @Test
    void failedDisposeOfAReleaseIsLoggedNotReported() throws Exception {
        AsyncConnectionPool<String, Object> outliving = ConnectionPools.createAsync(manager, PoolConfig.builder()
                .maxSize(1).minIdle(0).idleTimeout(Duration.ZERO).maxLifetime(Duration.ZERO).build());
        Object c = get(outliving.acquire("a"));
        manager.disposeFailure = new IOException("reset");
        get(outliving.release("a", c));
        assertEquals(1, manager.disposed.get());
        assertEquals(0, outliving.stats().total());
        assertEquals(1, outliving.stats().disposed());
        get(outliving.closeAsync(Duration.ofSeconds(1)));
        pool.close();
    }

    /** A null stage from checkAliveness is a failure like a thrown one: the acquire fails, the connection goes back idle. */
    @Test
    void nullStageFromCheckAlivenessPutsTheConnectionBack() throws Exception {
        Object c = get(pool.acquire("a"));
        get(pool.release("a", c));
        manager.alive = () -> null;
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> get(pool.acquire("a")));
        assertInstanceOf(NullPointerException.class, e.getCause());
        assertEquals(1, pool.stats().idle());
        manager.alive = () -> CompletableFuture.completedStage(true);
        assertSame(c, get(pool.acquire("a", Duration.ZERO)));
        get(pool.release("a", c));
        closeAndCheckNothingLeft();
    }
}
