package org.genericpool.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Every pool in every keyed scenario of issue 4. One operation is one acquire and one release;
 * JMH reports the average time per operation, and {@code -prof gc} the bytes allocated per
 * operation. Each trial also prints a {@link TrialReport} (connections created, the most live at
 * once, per-thread operations in {@code contended}).
 *
 * <p>The defaults (1 fork, 3 warm-up and 5 measured iterations of 1 s) are short on purpose:
 * the reference machine has 2 cores shared with other work, so ratios are only quoted within
 * one run. The 4-thread scenarios run in {@value #FORKS_4T} forks: with 4 threads on 2 cores a
 * pool's time depends on how the scheduler places the threads, which is settled per JVM
 * (httpcore5-lax measured ~600 ns in one fork and ~1,400 ns in the next, on one quiet machine),
 * so one fork can make a ratio by chance; the median over the forks' iterations does not.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {KeyedPoolBenchmark.HEAP_MIN, KeyedPoolBenchmark.HEAP_MAX})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeyedPoolBenchmark {

    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";
    /** Forks of each 4-thread scenario (see the class comment). */
    static final int FORKS_4T = 3;

    /** Longs between two threads' counters: 128 bytes, so no two counters share a cache line (or a prefetched pair). */
    private static final int PAD = 16;

    /** The pool under test and the scenario's endpoints, shared by the trial's threads. */
    @State(Scope.Benchmark)
    public static class PoolState {

        @Param({"genericpool", "genericpool-async", "commons-pool2", "httpcore5-strict", "httpcore5-lax",
                "stormpot", "hikari-bag"})
        public String pool;

        Scenario scenario;
        Endpoint[] endpoints;
        int endpointMask;
        Connections connections;
        PoolAdapter<Object> adapter;
        long[] ops;
        long[] opsBeforeMeasurement;
        long iterationStart;
        long measuredNanos;

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void setUp(BenchmarkParams params) {
            scenario = Scenario.ofBenchmark(params.getBenchmark());
            PoolSpec spec = scenario.spec();
            if (Integer.bitCount(spec.endpoints()) != 1) {
                throw new IllegalStateException("endpoint count must be a power of two: " + spec.endpoints());
            }
            endpoints = Endpoint.range(spec.endpoints());
            endpointMask = spec.endpoints() - 1;
            connections = new Connections();
            adapter = (PoolAdapter<Object>) Pools.create(pool, spec, endpoints, connections);
            ops = new long[params.getThreads() * PAD];
            opsBeforeMeasurement = null;
            measuredNanos = 0;
        }

        @Setup(Level.Iteration)
        public void beforeIteration(IterationParams params) {
            if (params.getType() == IterationType.MEASUREMENT) {
                if (opsBeforeMeasurement == null) {
                    opsBeforeMeasurement = ops.clone();
                }
                iterationStart = System.nanoTime();
            }
        }

        @TearDown(Level.Iteration)
        public void afterIteration(IterationParams params) {
            if (params.getType() == IterationType.MEASUREMENT) {
                measuredNanos += System.nanoTime() - iterationStart;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            int maxLive = connections.maxLive();
            adapter.close();
            long[] perThread = new long[0];
            if (scenario == Scenario.CONTENDED) {
                long[] base = opsBeforeMeasurement == null ? new long[ops.length] : opsBeforeMeasurement;
                perThread = new long[ops.length / PAD];
                for (int i = 0; i < perThread.length; i++) {
                    perThread[i] = ops[i * PAD] - base[i * PAD];
                }
            }
            PoolSpec spec = scenario.spec();
            new TrialReport(scenario, pool, connections.created(), connections.disposed(), maxLive,
                    spec.totalBinds() ? spec.totalMax() : -1, adapter.enforcesTotal(), connections.doubleDisposals(),
                    perThread, measuredNanos, -1).publish();
        }
    }

    /** Each thread's random endpoint picker and its slot in the per-thread counters. */
    @State(Scope.Thread)
    public static class ThreadState {
        int counter;
        private int random;

        @Setup(Level.Trial)
        public void setUp(ThreadParams params) {
            counter = params.getThreadIndex() * PAD;
            random = 0x9E3779B9 * (params.getThreadIndex() + 1);
        }

        /** @return the next xorshift pseudo-random number: cheap, allocation-free, never 0 */
        int next() {
            random = xorshift(random);
            return random;
        }
    }

    /** @return the xorshift step after {@code x} (never 0 for a non-zero {@code x}) */
    static int xorshift(int x) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }

    private static Object cycle(PoolAdapter<Object> adapter, Endpoint endpoint) throws Exception {
        Object connection = adapter.acquire(endpoint);
        adapter.release(endpoint, connection);
        return connection;
    }

    @Benchmark
    @Threads(1)
    public Object hot_1t(PoolState p) throws Exception {
        return cycle(p.adapter, p.endpoints[0]);
    }

    @Benchmark
    @Threads(4)
    @Fork(value = FORKS_4T, jvmArgsAppend = {HEAP_MIN, HEAP_MAX})
    public Object hot_4t(PoolState p) throws Exception {
        return cycle(p.adapter, p.endpoints[0]);
    }

    @Benchmark
    @Threads(1)
    public Object spread_1t(PoolState p, ThreadState t) throws Exception {
        return cycle(p.adapter, p.endpoints[t.next() & p.endpointMask]);
    }

    @Benchmark
    @Threads(4)
    @Fork(value = FORKS_4T, jvmArgsAppend = {HEAP_MIN, HEAP_MAX})
    public Object spread_4t(PoolState p, ThreadState t) throws Exception {
        return cycle(p.adapter, p.endpoints[t.next() & p.endpointMask]);
    }

    /** Holds the connection across a yield, so that the other threads really wait for one of the two. */
    @Benchmark
    @Threads(4)
    @Fork(value = FORKS_4T, jvmArgsAppend = {HEAP_MIN, HEAP_MAX})
    public Object contended(PoolState p, ThreadState t) throws Exception {
        Endpoint endpoint = p.endpoints[0];
        Object connection = p.adapter.acquire(endpoint);
        Thread.yield();
        p.adapter.release(endpoint, connection);
        p.ops[t.counter]++;
        return connection;
    }

    @Benchmark
    @Threads(4)
    @Fork(value = FORKS_4T, jvmArgsAppend = {HEAP_MIN, HEAP_MAX})
    public Object crossKey(PoolState p, ThreadState t) throws Exception {
        return cycle(p.adapter, p.endpoints[t.next() & p.endpointMask]);
    }
}
