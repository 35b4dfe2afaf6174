package org.genericpool.tests.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.genericpool.BaseConnectionPool;
import org.genericpool.async.AsyncConnectionPool;

/** {@link TestPool} over the {@link AsyncConnectionPool}; every call waits (bounded) on the returned future. */
public final class AsyncTestPool implements TestPool {
    private final AsyncConnectionPool<Integer, TestConnection> pool;

    public AsyncTestPool(AsyncConnectionPool<Integer, TestConnection> pool) {
        this.pool = pool;
    }

    public AsyncConnectionPool<Integer, TestConnection> raw() {
        return pool;
    }

    @Override
    public Flavour flavour() {
        return Flavour.ASYNC;
    }

    @Override
    public BaseConnectionPool<Integer> base() {
        return pool;
    }

    @Override
    public TestConnection acquire(Integer endpoint) throws Exception {
        return Futures.get(pool.acquire(endpoint));
    }

    @Override
    public TestConnection acquire(Integer endpoint, Duration timeout) throws Exception {
        return Futures.get(pool.acquire(endpoint, timeout));
    }

    @Override
    public void release(Integer endpoint, TestConnection connection) throws Exception {
        Futures.get(pool.release(endpoint, connection));
    }

    @Override
    public void discard(Integer endpoint, TestConnection connection) throws Exception {
        Futures.get(pool.discard(endpoint, connection));
    }

    @Override
    public <T> T withConnection(Integer endpoint, Duration timeout, Body<T> body) throws Exception {
        CompletableFuture<T> f = timeout == null
                ? pool.withConnection(endpoint, c -> stage(body, c))
                : pool.withConnection(endpoint, timeout, c -> stage(body, c));
        return Futures.get(f);
    }

    private static <T> CompletionStage<T> stage(Body<T> body, TestConnection c) {
        try {
            return CompletableFuture.completedFuture(body.apply(c));
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    @Override
    public PendingAcquire startAcquire(Integer endpoint, Duration timeout) {
        int before = pool.stats(endpoint).pending();
        CompletableFuture<TestConnection> f = timeout == null ? pool.acquire(endpoint) : pool.acquire(endpoint, timeout);
        return new PendingAcquire() {
            @Override
            public void awaitQueued() {
                Waits.until(() -> f.isDone() || pool.stats(endpoint).pending() > before,
                        () -> "acquire of endpoint " + endpoint + " not queued: pending "
                                + pool.stats(endpoint).pending() + " (before: " + before + ")");
                if (f.isDone()) {
                    throw new AssertionError("acquire completed instead of waiting: " + BlockingTestPool.describe(f));
                }
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }

            @Override
            public TestConnection join() throws Exception {
                return Futures.get(f);
            }

            @Override
            public Throwable joinFailure() {
                return BlockingTestPool.failureOf(f);
            }

            @Override
            public void cancel() {
                f.cancel(true);
            }

            @Override
            public Thread thread() {
                return null;
            }

            @Override
            public String toString() {
                return f.toString();
            }
        };
    }

    @Override
    public Background startClose(Duration timeout) {
        CompletableFuture<Void> f = timeout == null ? pool.closeAsync() : pool.closeAsync(timeout);
        return new Background() {
            @Override
            public void awaitWaiting() {
                Waits.until(() -> f.isDone() || pool.isClosed(), "pool closed");
                if (f.isDone()) {
                    throw new AssertionError("close completed instead of waiting: " + BlockingTestPool.describe(f));
                }
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }

            @Override
            public void join() throws Exception {
                Futures.get(f);
            }
        };
    }

    @Override
    public void close() throws Exception {
        Futures.get(pool.closeAsync());
    }

    @Override
    public void close(Duration timeout) throws Exception {
        Futures.get(pool.closeAsync(timeout));
    }
}
