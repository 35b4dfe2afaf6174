package org.genericpool.tests.support;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionPool;
import org.genericpool.Lease;

/** {@link TestPool} over the blocking {@link ConnectionPool}; background calls run on daemon threads. */
public final class BlockingTestPool implements TestPool {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ConnectionPool<Integer, TestConnection> pool;

    public BlockingTestPool(ConnectionPool<Integer, TestConnection> pool) {
        this.pool = pool;
    }

    public ConnectionPool<Integer, TestConnection> raw() {
        return pool;
    }

    @Override
    public Flavour flavour() {
        return Flavour.BLOCKING;
    }

    @Override
    public BaseConnectionPool<Integer> base() {
        return pool;
    }

    @Override
    public TestConnection acquire(Integer endpoint) throws Exception {
        return pool.acquire(endpoint);
    }

    @Override
    public TestConnection acquire(Integer endpoint, Duration timeout) throws Exception {
        return pool.acquire(endpoint, timeout);
    }

    @Override
    public void release(Integer endpoint, TestConnection connection) {
        pool.release(endpoint, connection);
    }

    @Override
    public void discard(Integer endpoint, TestConnection connection) {
        pool.discard(endpoint, connection);
    }

    @Override
    public <T> T withConnection(Integer endpoint, Duration timeout, Body<T> body) throws Exception {
        try (Lease<Integer, TestConnection> lease = timeout == null ? pool.connection(endpoint)
                : pool.connection(endpoint, timeout)) {
            return body.apply(lease.connection());
        }
    }

    @Override
    public PendingAcquire startAcquire(Integer endpoint, Duration timeout) {
        int before = pool.stats(endpoint).pending();
        CompletableFuture<TestConnection> result = new CompletableFuture<>();
        Thread thread = start("acquirer", () -> {
            try {
                result.complete(timeout == null ? pool.acquire(endpoint) : pool.acquire(endpoint, timeout));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return new PendingAcquire() {
            @Override
            public void awaitQueued() {
                Waits.until(() -> result.isDone() || (parked(thread) && pool.stats(endpoint).pending() > before),
                        () -> "acquire of endpoint " + endpoint + " not queued: thread " + thread.getState()
                                + ", pending " + pool.stats(endpoint).pending() + " (before: " + before + ")");
                if (result.isDone()) {
                    throw new AssertionError("acquire completed instead of waiting: " + describe(result));
                }
            }

            @Override
            public boolean isDone() {
                return result.isDone();
            }

            @Override
            public TestConnection join() throws Exception {
                return Futures.get(result);
            }

            @Override
            public Throwable joinFailure() {
                return failureOf(result);
            }

            @Override
            public void cancel() {
                thread.interrupt();
            }

            @Override
            public Thread thread() {
                return thread;
            }
        };
    }

    @Override
    public Background startClose(Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Thread thread = start("closer", () -> {
            try {
                if (timeout == null) {
                    pool.close();
                } else {
                    pool.close(timeout);
                }
                result.complete(null);
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return new Background() {
            @Override
            public void awaitWaiting() {
                Waits.until(() -> result.isDone() || (parked(thread) && pool.isClosed()),
                        () -> "close not waiting: thread " + thread.getState() + ", closed " + pool.isClosed());
                if (result.isDone()) {
                    throw new AssertionError("close completed instead of waiting: " + describe(result));
                }
            }

            @Override
            public boolean isDone() {
                return result.isDone();
            }

            @Override
            public void join() throws Exception {
                Futures.get(result);
            }
        };
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public void close(Duration timeout) {
        pool.close(timeout);
    }

    static boolean parked(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    static Thread start(String role, Runnable body) {
        Thread t = new Thread(body, "test-" + role + "-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String describe(CompletableFuture<?> f) {
        try {
            return "result " + f.getNow(null);
        } catch (Exception e) {
            return "failure " + Futures.unwrap(e);
        }
    }

    static Throwable failureOf(CompletableFuture<?> f) {
        Object value;
        try {
            value = Futures.get(f);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected a failure, got " + value);
    }
}
