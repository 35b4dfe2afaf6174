package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManagerException;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.tests.support.Futures;
import org.genericpool.tests.support.ScriptedManager;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stress, bounded in time: many threads over several endpoints acquire, hold, release and discard
 * at random, with per-call timeouts (none, zero, a few ms), interruptions (blocking) or
 * cancellations (async), random create failures and dead connections, and short idle/lifetime
 * timeouts so expiry and eviction at the total limit run all the time. The manager counts live
 * connections per endpoint and in all and records every moment above maxSize/totalMaxSize; the
 * clients record a connection held twice at once, a disposed one handed out, or one of the wrong
 * endpoint. Afterwards: no violation, nothing leased, no waiter, and after close
 * created == disposed (manager and pool statistics) and size 0. Figures go to stdout.
 */
@Timeout(60)
class StressTest {
    private static final int ENDPOINTS = 6;
    private static final int MAX_SIZE = 3;
    private static final int TOTAL_MAX_SIZE = 12; // below ENDPOINTS * MAX_SIZE: the total limit binds
    private static final Duration RUN = Duration.ofSeconds(3);

    private static PoolConfig config(boolean backgroundCollector) {
        return PoolConfig.builder().minIdle(1).maxSize(MAX_SIZE).totalMaxSize(TOTAL_MAX_SIZE)
                .idleTimeout(Duration.ofMillis(5)).maxLifetime(Duration.ofMillis(50))
                .acquireTimeout(Duration.ofSeconds(5)) // "no per-call timeout" still ends: a lost waiter fails the run
                .backgroundCollector(backgroundCollector).build();
    }

    private static ScriptedManager manager() {
        ScriptedManager m = new ScriptedManager().recording(false).limits(MAX_SIZE, TOTAL_MAX_SIZE);
        m.createFailureRate = 0.02;
        m.deadRate = 0.02;
        return m;
    }

    /** What the clients count; a violation is anything the pool contract forbids. */
    private static final class Tally {
        final AtomicLong acquired = new AtomicLong();
        final AtomicLong released = new AtomicLong();
        final AtomicLong discarded = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong createFailures = new AtomicLong();
        final AtomicLong abandoned = new AtomicLong();
        final Queue<String> violations = new ConcurrentLinkedQueue<>();
        final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>() {
            private static final long serialVersionUID = 1L;
            private final java.util.Set<String> printed = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public boolean add(Throwable t) {
                if (printed.add(t.getClass().getName())) { // the first of each kind, with its stack, for the engine's author
                    System.out.println("STRESS unexpected failure (first of its kind):");
                    t.printStackTrace(System.out);
                }
                return size() < 100 && super.add(t);
            }
        };

        long operations() {
            return acquired.get() + timeouts.get() + createFailures.get() + abandoned.get();
        }

        void got(int endpoint, TestConnection c) {
            acquired.incrementAndGet();
            if (!c.inUse.compareAndSet(false, true)) {
                violations.add("connection " + c + " handed to two holders");
            }
            if (c.isDisposed()) {
                violations.add("disposed connection " + c + " handed out");
            }
            if (c.endpoint() != endpoint) {
                violations.add("connection " + c + " handed out for endpoint " + endpoint);
            }
        }

        /**
         * Acquires, counting the outcomes every worker counts alike: a timeout, a failed create, or
         * anything unexpected.
         *
         * @return the connection, or null if the acquire failed and was counted
         * @throws InterruptedException           for the caller to count (expected or not)
         * @throws ConnectionPoolClosedException  for the caller to count (expected or not)
         */
        TestConnection acquire(org.genericpool.tests.support.TestPool pool, int endpoint, Duration timeout)
                throws InterruptedException {
            try {
                return pool.acquire(endpoint, timeout);
            } catch (InterruptedException | org.genericpool.ConnectionPoolClosedException e) {
                throw e;
            } catch (AcquireTimeoutException e) {
                timeouts.incrementAndGet();
            } catch (ConnectionManagerException e) {
                createFailures.incrementAndGet();
            } catch (Throwable e) {
                unexpected.add(e);
            }
            return null;
        }

        /** Marks {@code c} no longer held and releases it, counting the release or the unexpected failure. */
        void release(org.genericpool.tests.support.TestPool pool, int endpoint, TestConnection c) {
            c.inUse.set(false);
            try {
                pool.release(endpoint, c);
                released.incrementAndGet();
            } catch (Throwable e) {
                unexpected.add(e);
            }
        }
    }

    private static Duration randomTimeout(ThreadLocalRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return null; // the configured 5 s
            case 1:
                return Duration.ZERO;
            default:
                return Duration.ofMillis(1 + r.nextInt(5));
        }
    }

    private static void hold(ThreadLocalRandom r) {
        BehaviourContract.spin(r.nextInt(50_000));
    }

    @Test
    @DisplayName("stress: blocking pool, dispose-on-release, interrupts")
    void blockingStress() throws Exception {
        runBlocking("blocking", config(false), RUN, false);
    }

    /**
     * Like {@link #blockingStress()} with a background collector while another thread reconfigures
     * the live pool every few milliseconds between (maxSize 3, total 12) and (maxSize 2, total 6):
     * shrinking leaves surplus leased connections, so the manager checks against the larger limits.
     */
    @Test
    @DisplayName("stress: blocking pool, background collector, interrupts, live reconfiguration")
    void blockingStressWithReconfigure() throws Exception {
        runBlocking("blocking+reconfigure", config(true), Duration.ofSeconds(2), true);
    }

    private void runBlocking(String label, PoolConfig config, Duration run, boolean reconfigure) throws Exception {
        ScriptedManager m = manager();
        ConnectionPool<Integer, TestConnection> pool = ConnectionPools.create(m, config);
        Tally tally = new Tally();
        int threads = 8;
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        AtomicLong reconfigurations = new AtomicLong();
        Thread reconfigurer = new Thread(() -> {
            PoolConfig small = config.toBuilder().maxSize(2).totalMaxSize(6).build();
            while (reconfigure && System.nanoTime() - end < 0) {
                pool.reconfigure(reconfigurations.incrementAndGet() % 2 == 0 ? config : small);
                BehaviourContract.spin(2_000_000);
            }
        }, "stress-reconfigurer");
        reconfigurer.start();
        AtomicLong jmxReads = new AtomicLong();
        Thread jmxReader = new Thread(() -> { // the JMX view is read while the pool works, as JConsole would
            try {
                javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
                javax.management.ObjectName on = new javax.management.ObjectName(
                        "org.genericpool:type=ConnectionPool,name=" + config.name());
                while (System.nanoTime() - end < 0) {
                    Object rows = server.getAttribute(on, "EndpointStats");
                    if (((javax.management.openmbean.CompositeData[]) rows).length > ENDPOINTS) {
                        tally.violations.add("more JMX rows than endpoints");
                    }
                    server.getAttribute(on, "Size");
                    jmxReads.incrementAndGet();
                    Thread.sleep(1);
                }
            } catch (Throwable e) {
                tally.unexpected.add(e);
            }
        }, "stress-jmx-reader");
        jmxReader.start();
        org.genericpool.tests.support.TestPool view = new org.genericpool.tests.support.BlockingTestPool(pool);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.nanoTime() - end < 0) {
                    acquireHoldAndGiveBack(view, tally, r, 15, true);
                }
                Thread.interrupted();
            }, "stress-blocking-" + i);
            t.start();
            workers.add(t);
        }
        long interrupts = 0;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (System.nanoTime() - end < 0) {
            workers.get(r.nextInt(threads)).interrupt();
            interrupts++;
            Thread.sleep(1); // pacing of the interrupter, not synchronisation
        }
        for (Thread t : workers) {
            t.join(Waits.LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
        reconfigurer.join(Waits.LONG.toMillis());
        jmxReader.join(Waits.LONG.toMillis());
        double seconds = (System.nanoTime() - start) / 1e9;

        PoolStats quiet = pool.stats();
        if (!config.backgroundCollector()) { // nothing moves now: the statistics must add up exactly
            assertEquals(pool.size(), quiet.total(), "size() vs stats().total()");
            assertEquals(quiet.total(), quiet.acquired() + quiet.idle(), "total = acquired + idle when quiet: " + quiet);
            int sum = 0;
            for (Integer ep : pool.endpoints()) {
                sum += pool.stats(ep).total();
            }
            assertEquals(quiet.total(), sum, "pool total = sum of endpoint totals");
            assertEquals(quiet.total(), m.live(), "pool total = connections the manager sees live");
        }
        pool.close(Duration.ofSeconds(5));
        report(label, threads, tally, m, pool.stats(), seconds, "interrupts sent " + interrupts + ", JMX reads " + jmxReads.get()
                + (reconfigure ? ", reconfigurations " + reconfigurations.get() : ""));
        check(tally, m, quiet, pool.stats(), pool.size());
    }

    @Test
    @DisplayName("stress: async pool, background collector, cancellations, manager completing on other threads")
    void asyncStress() throws Exception {
        runAsync("async", RUN, false);
    }

    @Test
    @DisplayName("stress: async pool as above, with live reconfiguration")
    void asyncStressWithReconfigure() throws Exception {
        runAsync("async+reconfigure", Duration.ofSeconds(2), true);
    }

    private void runAsync(String label, Duration run, boolean reconfigure) throws Exception {
        ScriptedManager m = manager();
        ExecutorService completion = Executors.newFixedThreadPool(2);
        m.asyncCompletion = completion;
        AsyncConnectionPool<Integer, TestConnection> pool = ConnectionPools.createAsync(m.async(), config(true));
        Tally tally = new Tally();
        int threads = 8;
        long end = System.nanoTime() + run.toNanos();
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        AtomicLong reconfigurations = new AtomicLong();
        PoolConfig big = pool.config();
        Thread reconfigurer = new Thread(() -> {
            PoolConfig small = big.toBuilder().maxSize(2).totalMaxSize(6).build();
            while (reconfigure && System.nanoTime() - end < 0) {
                pool.reconfigure(reconfigurations.incrementAndGet() % 2 == 0 ? big : small);
                BehaviourContract.spin(2_000_000);
            }
        }, "stress-async-reconfigurer");
        reconfigurer.start();
        try {
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    while (System.nanoTime() - end < 0) {
                        int ep = r.nextInt(ENDPOINTS);
                        Duration timeout = randomTimeout(r);
                        CompletableFuture<TestConnection> f = timeout == null ? pool.acquire(ep) : pool.acquire(ep, timeout);
                        if (r.nextInt(100) < 15) {
                            BehaviourContract.spin(r.nextInt(200_000));
                            if (f.cancel(true)) {
                                tally.abandoned.incrementAndGet();
                                continue;
                            }
                        }
                        TestConnection c;
                        try {
                            c = f.get(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (ExecutionException e) {
                            Throwable cause = Futures.unwrap(e);
                            if (cause instanceof AcquireTimeoutException) {
                                tally.timeouts.incrementAndGet();
                            } else if (cause instanceof ConnectionManagerException) {
                                tally.createFailures.incrementAndGet();
                            } else {
                                tally.unexpected.add(cause);
                            }
                            continue;
                        } catch (CancellationException e) {
                            tally.unexpected.add(e);
                            continue;
                        } catch (Throwable e) {
                            tally.unexpected.add(e);
                            continue;
                        }
                        tally.got(ep, c);
                        hold(r);
                        c.inUse.set(false);
                        try {
                            if (r.nextInt(100) < 15) {
                                Futures.get(pool.discard(ep, c));
                                tally.discarded.incrementAndGet();
                            } else {
                                Futures.get(pool.release(ep, c));
                                tally.released.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            tally.unexpected.add(e);
                        }
                    }
                }, "stress-async-" + i);
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) {
                t.join(run.toMillis() + Waits.LONG.toMillis());
                assertFalse(t.isAlive(), t.getName() + " still running");
            }
            reconfigurer.join(Waits.LONG.toMillis());
            double seconds = (System.nanoTime() - start) / 1e9;

            Waits.tryUntil(() -> pool.stats().pending() == 0 && pool.stats().acquired() == 0); // checked below
            PoolStats quiet = pool.stats();
            Futures.get(pool.closeAsync(Duration.ofSeconds(5)));
            Waits.tryUntil(() -> m.created() == m.disposed()); // in-flight disposals; checked below
            report(label, threads, tally, m, pool.stats(), seconds,
                    reconfigure ? "reconfigurations " + reconfigurations.get() : "");
            check(tally, m, quiet, pool.stats(), pool.size());
        } finally {
            completion.shutdownNow();
        }
    }

    /**
     * A failing {@code onAcquire} puts the connection back idle while the background collector
     * disposes idle connections as soon as they are idle (idleTimeout 0, minIdle 0) and other
     * threads evict at the total limit: the put-back and the disposal race for the same connection,
     * which must still be disposed exactly once. Two seconds, blocking and async clients together.
     */
    @Test
    @DisplayName("stress: failing onAcquire puts connections back while the collector and evictions dispose them (blocking)")
    void putBackRacingDisposal() throws Exception {
        runPutBack(false);
    }

    @Test
    @DisplayName("stress: failing onAcquire puts connections back while the collector and evictions dispose them (async)")
    void putBackRacingDisposalAsync() throws Exception {
        runPutBack(true);
    }

    private void runPutBack(boolean async) throws Exception {
        ScriptedManager m = new ScriptedManager().recording(false).limits(MAX_SIZE, TOTAL_MAX_SIZE);
        m.onAcquireFailureRate = 0.5;
        PoolConfig config = PoolConfig.builder().minIdle(0).maxSize(MAX_SIZE).totalMaxSize(TOTAL_MAX_SIZE)
                .idleTimeout(Duration.ZERO).acquireTimeout(Duration.ofSeconds(5)).backgroundCollector(true).build();
        org.genericpool.tests.support.TestPool pool = testPool(async, m, config);
        Tally tally = new Tally();
        int threads = 8;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(2).toNanos();
        AtomicLong hookFailures = new AtomicLong();
        runWorkers("stress-putback", threads, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (System.nanoTime() - end < 0) {
                int ep = r.nextInt(ENDPOINTS);
                TestConnection c;
                try {
                    c = pool.acquire(ep, Duration.ofMillis(r.nextInt(3)));
                } catch (AcquireTimeoutException e) {
                    tally.timeouts.incrementAndGet();
                    continue;
                } catch (org.genericpool.tests.support.TestRuntimeException e) {
                    hookFailures.incrementAndGet();
                    continue;
                } catch (Throwable e) {
                    tally.unexpected.add(e);
                    continue;
                }
                tally.got(ep, c);
                tally.release(pool, ep, c);
            }
        });
        closeReportAndCheck(pool, m, tally, async ? "async-putback" : "blocking-putback", threads, start,
                () -> "onAcquire failures " + hookFailures.get());
    }

    /**
     * Every acquire must evict: 16 endpoints, total limit 2, 4 threads, so the idle connection
     * to take is almost always another endpoint's, and threads wait both for their endpoint and
     * for the total. Evictors claim endpoints out of the idle index while releases add them back
     * after unlocking theirs; neither may lose a waiter. The threads go in rounds (a barrier
     * after each release), so a waiter whose wake-up is lost is not rescued by later traffic: it
     * times out (3 s acquire timeout, no per-call one: ample for a hand-off on a loaded machine),
     * and a single timeout fails the test. Two seconds per flavour.
     */
    @ParameterizedTest(name = "stress: evictions at the total limit lose no waiter [async={0}]")
    @ValueSource(booleans = {false, true})
    void evictionsLoseNoWaiter(boolean async) throws Exception {
        int endpoints = 16;
        int maxSize = 2;
        int totalMaxSize = 2;
        ScriptedManager m = new ScriptedManager().recording(false).limits(maxSize, totalMaxSize);
        PoolConfig config = PoolConfig.builder().minIdle(1).maxSize(maxSize).totalMaxSize(totalMaxSize)
                .acquireTimeout(Duration.ofSeconds(3)).backgroundCollector(false).build();
        org.genericpool.tests.support.TestPool pool = testPool(async, m, config);
        Tally tally = new Tally();
        int threads = 4;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(2).toNanos();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CyclicBarrier round = new java.util.concurrent.CyclicBarrier(threads,
                () -> stop.set(System.nanoTime() - end >= 0));
        runWorkers("stress-evict", threads, () -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (!stop.get()) {
                try {
                    round.await(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    tally.unexpected.add(e);
                    return;
                }
                if (stop.get()) {
                    return;
                }
                int ep = r.nextInt(endpoints);
                TestConnection c;
                try {
                    c = tally.acquire(pool, ep, null);
                } catch (InterruptedException | org.genericpool.ConnectionPoolClosedException e) {
                    tally.unexpected.add(e);
                    continue;
                }
                if (c == null) {
                    continue;
                }
                tally.got(ep, c);
                BehaviourContract.spin(r.nextInt(2_000));
                tally.release(pool, ep, c);
            }
        });
        closeReportAndCheck(pool, m, tally, async ? "async-evict" : "blocking-evict", threads, start,
                () -> "(this test: 16 endpoints, maxSize 2, totalMaxSize 2)");
        assertEquals(0, tally.timeouts.get(), "acquires that timed out: a waiter was lost");
        assertEquals(0, tally.createFailures.get(), "creates failed though the manager never fails them");
        assertTrue(m.created() > 1000, "evictions should re-create connections all the time: created " + m.created());
        assertTrue(tally.acquired.get() > 1000, "too few rounds: " + tally.acquired.get());
        assertTrue(m.peakTotal() <= totalMaxSize, "peak live " + m.peakTotal());
    }

    /**
     * Disposes take a random 0..3 ms while disposeTimeout is 1 ms, so the watchdog that frees the
     * slots of a dispose still running fires all the time, racing the dispose's own return: no
     * slot may be freed twice (the manager's DESIGN count never exceeds the limits), and after
     * close created == disposed. Two seconds per flavour.
     */
    @ParameterizedTest(name = "stress: slow disposes racing the disposeTimeout watchdog [async={0}]")
    @ValueSource(booleans = {false, true})
    void slowDisposesRacingTheWatchdog(boolean async) throws Exception {
        ScriptedManager m = manager();
        m.disposeDelayMaxMillis = 3;
        PoolConfig config = config(async).toBuilder().disposeTimeout(Duration.ofMillis(1)).build();
        org.genericpool.tests.support.TestPool pool = testPool(async, m, config);
        Tally tally = new Tally();
        int threads = 8;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(2).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                while (System.nanoTime() - end < 0) {
                    acquireHoldAndGiveBack(pool, tally, r, 30, false);
                }
            }, "stress-slow-dispose-" + i);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join(Waits.LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Waits.tryUntil(() -> pool.stats().acquired() == 0); // checked below
        PoolStats quiet = pool.stats();
        pool.close(Duration.ofSeconds(5));
        Waits.tryUntil(() -> m.created() == m.disposed()); // in-flight disposals; checked below
        report(async ? "async-slow-dispose" : "blocking-slow-dispose", threads, tally, m, pool.stats(), seconds, "");
        check(tally, m, quiet, pool.stats(), pool.size());
    }

    /**
     * The pool closes (with a short timeout) while eight clients hammer it, two of them holding
     * their connection longer than the close timeout: waiters and new acquires fail with
     * ConnectionPoolClosedException, those long leases are disposed by the close and their later
     * release is harmless, and once the clients stop every connection created was disposed exactly once.
     */
    @ParameterizedTest(name = "stress: close under load [async={0}]")
    @ValueSource(booleans = {false, true})
    void closeUnderLoad(boolean async) throws Exception {
        ScriptedManager m = manager();
        PoolConfig config = config(async);
        org.genericpool.tests.support.TestPool pool = testPool(async, m, config);
        Tally tally = new Tally();
        AtomicLong closedSeen = new AtomicLong();
        int threads = 8;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean slowHolder = i < 2;
            Thread t = new Thread(() -> {
                ThreadLocalRandom r = ThreadLocalRandom.current();
                long stopAt = System.nanoTime() + Waits.LONG.toNanos();
                while (System.nanoTime() - stopAt < 0) {
                    int ep = r.nextInt(ENDPOINTS);
                    TestConnection c;
                    try {
                        c = tally.acquire(pool, ep, randomTimeout(r));
                    } catch (org.genericpool.ConnectionPoolClosedException e) {
                        closedSeen.incrementAndGet();
                        return;
                    } catch (InterruptedException e) {
                        tally.unexpected.add(e);
                        continue;
                    }
                    if (c == null) {
                        continue;
                    }
                    tally.got(ep, c);
                    if (slowHolder && tally.acquired.get() > 20_000) {
                        Waits.letTimePass(Duration.ofMillis(300)); // outlives close(200 ms): force-disposed
                    } else {
                        hold(r);
                    }
                    c.inUse.set(false);
                    try {
                        if (r.nextInt(100) < 15) {
                            pool.discard(ep, c);
                            tally.discarded.incrementAndGet();
                        } else {
                            pool.release(ep, c); // harmless if close(timeout) disposed it
                            tally.released.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        tally.unexpected.add(e);
                    }
                }
            }, "stress-close-" + i);
            t.start();
            workers.add(t);
        }
        Waits.until(() -> tally.acquired.get() > 20_000, "clients under way");
        pool.close(Duration.ofMillis(200));
        assertTrue(pool.isClosed());
        for (Thread t : workers) {
            t.join(Waits.LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running after close");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Waits.tryUntil(() -> m.created() == m.disposed()); // in-flight disposals; checked below
        PoolStats closed = pool.stats();
        report(async ? "async-close" : "blocking-close", threads, tally, m, closed, seconds,
                "clients that saw the close " + closedSeen.get() + ", leases force-disposed by close " + m.disposedWhileInUse());
        assertEquals(threads, closedSeen.get(), "every client learnt of the close");
        assertEquals(List.of(), new ArrayList<>(tally.unexpected), "unexpected failures");
        assertEquals(List.of(), new ArrayList<>(tally.violations), "client-side violations");
        assertEquals(List.of(), m.violations(), "manager-side violations");
        assertEquals(m.created(), m.disposed(), "manager: created != disposed after close");
        assertEquals(closed.created(), closed.disposed(), "pool stats after close: " + closed);
        assertEquals(0, pool.size());
        assertEquals(0, closed.pending());
    }

    /** @return a pool of the given flavour over {@code m} */
    private static org.genericpool.tests.support.TestPool testPool(boolean async, ScriptedManager m, PoolConfig config) {
        return async
                ? new org.genericpool.tests.support.AsyncTestPool(ConnectionPools.createAsync(m.async(), config))
                : new org.genericpool.tests.support.BlockingTestPool(ConnectionPools.create(m, config));
    }

    /** Runs {@code body} on {@code threads} daemon threads and waits (bounded) until all of them have ended. */
    private static void runWorkers(String name, int threads, Runnable body) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(body, name + "-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join(Waits.LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
    }

    /**
     * After the workers stopped: takes the quiet statistics, closes the pool, waits (bounded) for
     * in-flight disposals, prints the figures and {@link #check checks} the counts.
     */
    private static void closeReportAndCheck(org.genericpool.tests.support.TestPool pool, ScriptedManager m,
                                            Tally tally, String label, int threads, long start,
                                            java.util.function.Supplier<String> extra) throws Exception {
        double seconds = (System.nanoTime() - start) / 1e9;
        PoolStats quiet = pool.stats();
        pool.close(Duration.ofSeconds(5));
        Waits.tryUntil(() -> m.created() == m.disposed()); // in-flight disposals; checked below
        report(label, threads, tally, m, pool.stats(), seconds, extra.get());
        check(tally, m, quiet, pool.stats(), pool.size());
    }

    private static void report(String flavour, int threads, Tally t, ScriptedManager m, PoolStats stats,
                               double seconds, String extra) {
        System.out.printf("STRESS %s: threads=%d endpoints=%d maxSize=%d totalMaxSize=%d seconds=%.1f operations=%d "
                        + "(acquired=%d released=%d discarded=%d timeouts=%d createFailures=%d %s=%d) "
                        + "created=%d disposed=%d peakLive=%d peakLivePerEndpoint=%d violations=%d %s%n",
                flavour, threads, ENDPOINTS, MAX_SIZE, TOTAL_MAX_SIZE, seconds, t.operations(),
                t.acquired.get(), t.released.get(), t.discarded.get(), t.timeouts.get(), t.createFailures.get(),
                flavour.startsWith("async") ? "cancelled" : "interrupted", t.abandoned.get(),
                m.created(), m.disposed(), m.peakTotal(), m.peakPerEndpoint(),
                t.violations.size() + m.violationCount(), extra);
    }

    private static void check(Tally t, ScriptedManager m, PoolStats quiet, PoolStats closed, int size) {
        assertEquals(List.of(), new ArrayList<>(t.unexpected), "unexpected failures");
        assertEquals(List.of(), new ArrayList<>(t.violations), "client-side violations");
        assertEquals(List.of(), m.violations(), "manager-side violations (limits, double dispose)");
        assertEquals(0, quiet.acquired(), "leases left after all clients stopped: " + quiet);
        assertEquals(0, quiet.pending(), "waiters left after all clients stopped: " + quiet);
        assertTrue(t.acquired.get() > 1000, "too little work to mean anything: " + t.acquired.get());
        assertEquals(m.created(), m.disposed(), "manager: created != disposed after close");
        assertEquals(closed.created(), closed.disposed(), "pool stats: created != disposed after close: " + closed);
        assertEquals(m.created(), closed.created(), "pool and manager disagree on created");
        assertEquals(0, closed.pending());
        assertEquals(0, size);
        assertEquals(0, m.live());
        assertEquals(0, m.disposedWhileInUse(), "a connection disposed while its holder used it");
    }

    /**
     * One worker step: acquire a random endpoint with a random timeout, check and hold the
     * connection, then discard it ({@code discardPercent} of the time) or release it; every
     * outcome is counted in {@code tally}, anything unexpected recorded there.
     *
     * @param interruptsExpected whether an InterruptedException is an expected outcome (counted
     *                           as abandoned) rather than an unexpected one
     */
    private static void acquireHoldAndGiveBack(org.genericpool.tests.support.TestPool pool, Tally tally,
                                               ThreadLocalRandom r, int discardPercent, boolean interruptsExpected) {
        int ep = r.nextInt(ENDPOINTS);
        TestConnection c;
        try {
            c = tally.acquire(pool, ep, randomTimeout(r));
        } catch (InterruptedException e) {
            if (interruptsExpected) {
                tally.abandoned.incrementAndGet();
            } else {
                tally.unexpected.add(e);
            }
            return;
        } catch (org.genericpool.ConnectionPoolClosedException e) {
            tally.unexpected.add(e);
            return;
        }
        if (c == null) {
            return;
        }
        tally.got(ep, c);
        hold(r);
        c.inUse.set(false);
        try {
            if (r.nextInt(100) < discardPercent) {
                pool.discard(ep, c);
                tally.discarded.incrementAndGet();
            } else {
                pool.release(ep, c);
                tally.released.incrementAndGet();
            }
        } catch (Throwable e) {
            tally.unexpected.add(e);
        }
    }

}
