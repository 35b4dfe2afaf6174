package org.genericpool.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;

/**
 * Pools fake connections to a handful of endpoints from several threads, blocking and async,
 * prints a per-endpoint statistics table once a second, then closes both pools and checks that
 * every connection created was disposed (exit status 1 if not).
 *
 * <p>Arguments: {@code [seconds]} (default 4).
 */
public final class Demo {

    private static final List<String> ENDPOINTS = List.of("db-1:5432", "db-2:5432", "cache:6379", "api:443", "mq:5672");

    /** A stand-in for a network connection. */
    record FakeConnection(String endpoint, long id) {
    }

    /** Creates fake connections after a short "connect" delay and counts them. */
    static final class FakeManager implements ConnectionManager<String, FakeConnection> {
        final AtomicLong created = new AtomicLong();
        final AtomicLong disposed = new AtomicLong();

        @Override
        public FakeConnection create(String endpoint, Duration timeout) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(2); // connecting
            return new FakeConnection(endpoint, created.incrementAndGet());
        }

        @Override
        public void dispose(String endpoint, FakeConnection connection, Duration timeout) {
            disposed.incrementAndGet();
        }
    }

    /** The asynchronous counterpart of {@link FakeManager}. */
    static final class AsyncFakeManager implements AsyncConnectionManager<String, FakeConnection> {
        final AtomicLong created = new AtomicLong();
        final AtomicLong disposed = new AtomicLong();

        @Override
        public CompletionStage<FakeConnection> create(String endpoint) {
            return CompletableFuture.supplyAsync(() -> new FakeConnection(endpoint, created.incrementAndGet()),
                    CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
        }

        @Override
        public CompletionStage<Void> dispose(String endpoint, FakeConnection connection) {
            disposed.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        FakeManager manager = new FakeManager();
        AsyncFakeManager asyncManager = new AsyncFakeManager();
        PoolConfig config = PoolConfig.builder().name("demo-blocking").minIdle(1).maxSize(3).totalMaxSize(12)
                .idleTimeout(Duration.ofMillis(500)).acquireTimeout(Duration.ofMillis(200)).build();
        ConnectionPool<String, FakeConnection> pool = ConnectionPools.create(manager, config);
        AsyncConnectionPool<String, FakeConnection> asyncPool = ConnectionPools.createAsync(asyncManager,
                config.toBuilder().name("demo-async").build());
        System.out.println("JMX: org.genericpool:type=ConnectionPool,name=demo-blocking (and name=demo-async)");

        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> blockingLoad(pool, running), "worker-" + i);
            t.start();
            workers.add(t);
        }
        Thread async = new Thread(() -> asyncLoad(asyncPool, running), "async-driver");
        async.start();
        workers.add(async);

        for (int s = 1; s <= seconds; s++) {
            TimeUnit.SECONDS.sleep(1);
            printTable("second " + s + ", blocking pool", pool.endpoints(), pool::stats);
            printTable("second " + s + ", async pool", asyncPool.endpoints(), asyncPool::stats);
        }
        running.set(false);
        for (Thread t : workers) {
            t.join(5_000);
        }
        pool.close(Duration.ofSeconds(5));
        asyncPool.closeAsync(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);

        boolean ok = manager.created.get() == manager.disposed.get()
                && asyncManager.created.get() == asyncManager.disposed.get();
        System.out.printf("closed: blocking created=%d disposed=%d, async created=%d disposed=%d -> %s%n",
                manager.created.get(), manager.disposed.get(), asyncManager.created.get(), asyncManager.disposed.get(),
                ok ? "OK" : "MISMATCH");
        System.exit(ok ? 0 : 1);
    }

    private static void blockingLoad(ConnectionPool<String, FakeConnection> pool, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
            try (var lease = pool.connection(endpoint)) {
                TimeUnit.MICROSECONDS.sleep(200 + random.nextInt(800)); // a request
            } catch (AcquireTimeoutException e) {
                // busy endpoint: counted in the table's timeouts column
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void asyncLoad(AsyncConnectionPool<String, FakeConnection> pool, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            List<CompletableFuture<String>> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String endpoint = ENDPOINTS.get(random.nextInt(ENDPOINTS.size()));
                batch.add(pool.withConnection(endpoint, c -> CompletableFuture.supplyAsync(c::toString,
                        CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS))));
            }
            for (CompletableFuture<String> f : batch) {
                f.exceptionally(t -> "timeout").join();
            }
        }
    }

    interface StatsSource {
        EndpointStats stats(String endpoint);
    }

    private static void printTable(String title, Iterable<String> endpoints, StatsSource source) {
        Map<String, EndpointStats> rows = new TreeMap<>();
        for (String e : endpoints) {
            rows.put(e, source.stats(e));
        }
        System.out.println("-- " + title);
        System.out.printf("%-12s %5s %8s %5s %7s %8s %8s %5s %8s %8s%n", "endpoint", "total", "acquired", "idle",
                "pending", "created", "disposed", "dead", "acquires", "timeouts");
        rows.forEach((e, s) -> System.out.printf("%-12s %5d %8d %5d %7d %8d %8d %5d %8d %8d%n", e, s.total(),
                s.acquired(), s.idle(), s.pending(), s.created(), s.disposed(), s.dead(), s.acquires(), s.timeouts()));
    }
}
