package org.genericpool.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code manyEndpoints}: a fresh pool per iteration, then one acquire and release on each of
 * 100,000 endpoints (max 1 per endpoint), timed as a single shot and reported per operation.
 * After each iteration the heap the pool retains is measured (full GCs, then the used heap
 * against the same figure taken before the run): each endpoint then holds one idle connection,
 * so the figure per endpoint is the endpoint's bookkeeping plus one idle pooled connection,
 * plus the trivial connection object itself ({@link BenchConnection} and its flag, 40 bytes with
 * compressed references). genericpool only: the peers are compared in {@link Footprint}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(ManyEndpointsBenchmark.ENDPOINTS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Threads(1)
@State(Scope.Benchmark)
public class ManyEndpointsBenchmark {

    static final int ENDPOINTS = 100_000;

    @Param({"genericpool", "genericpool-async"})
    public String pool;

    private Endpoint[] endpoints;
    private Connections connections;
    private PoolAdapter<Object> adapter;
    private long usedBefore;
    private long retained = -1;
    private long created;
    private long disposed;
    private long doubleDisposals;
    private int maxLive;

    @Setup(Level.Trial)
    public void setUpTrial() {
        endpoints = Endpoint.range(ENDPOINTS);
    }

    @Setup(Level.Iteration)
    @SuppressWarnings("unchecked")
    public void setUpIteration() {
        connections = new Connections();
        adapter = (PoolAdapter<Object>) Pools.create(pool, Scenario.MANY_ENDPOINTS.spec(), endpoints, connections);
        usedBefore = usedHeapAfterGc();
    }

    @Benchmark
    public void manyEndpoints(Blackhole blackhole) throws Exception {
        PoolAdapter<Object> a = adapter;
        for (Endpoint endpoint : endpoints) {
            Object connection = a.acquire(endpoint);
            a.release(endpoint, connection);
            blackhole.consume(connection);
        }
    }

    @TearDown(Level.Iteration)
    public void tearDownIteration(IterationParams params) {
        if (params.getType() == IterationType.MEASUREMENT) {
            retained = usedHeapAfterGc() - usedBefore;
            System.out.printf(java.util.Locale.ROOT, "%n%s: retained %,d bytes, %d bytes per endpoint%n",
                    pool, retained, retained / ENDPOINTS);
        }
        maxLive = connections.maxLive();
        adapter.close();
        created = connections.created();
        disposed = connections.disposed();
        doubleDisposals = connections.doubleDisposals();
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() {
        new TrialReport(Scenario.MANY_ENDPOINTS, pool, created, disposed, maxLive, -1, adapter.enforcesTotal(),
                doubleDisposals, new long[0], 0, retained).publish();
    }

    /** Full collections per heap measurement: the second catches what the first freed only references to. */
    private static final int GC_ROUNDS = Integer.getInteger("genericpool.bench.gcRounds", 2);

    /** @return the used heap after full collections, the least of {@link #GC_ROUNDS} readings */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
