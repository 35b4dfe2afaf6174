package org.genericpool.bench;

import java.time.Duration;
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

/**
 * genericpool alone, with and without a configured acquire timeout: what a deadline costs an
 * acquire. A timed acquire reads the clock to fix its deadline and again before it hands a
 * connection out (an acquire never succeeds after its deadline); the release reads it once in
 * both cases. {@code hot}: one endpoint, the idle connection reused (as {@code hot_1t});
 * {@code evicting}: the {@code crossKey} limits on one thread, so that about half the acquires
 * evict another endpoint's connection and create one.
 *
 * <p>Not one of issue 4's scenarios and not compared with the peers, whose timeouts differ in
 * meaning; a reader compares the {@code timeout} rows of one method within one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {KeyedPoolBenchmark.HEAP_MIN, KeyedPoolBenchmark.HEAP_MAX})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class TimedAcquireBenchmark {

    /** The pool, configured with or without an acquire timeout, and the endpoints of one method. */
    @State(Scope.Thread)
    public static class TimedState {
        @Param({"genericpool", "genericpool-async"})
        public String pool;

        /** {@code none}, or the configured acquire timeout in seconds (long enough never to pass). */
        @Param({"none", "10"})
        public String timeout;

        Endpoint[] endpoints;
        int endpointMask;
        Connections connections;
        PoolAdapter<BenchConnection> adapter;
        private int random = 0x9E3779B9;

        @Setup(Level.Trial)
        public void setUp(org.openjdk.jmh.infra.BenchmarkParams params) {
            PoolSpec spec = params.getBenchmark().endsWith(".evicting")
                    ? Scenario.CROSS_KEY.spec() : Scenario.HOT_1T.spec();
            Duration acquireTimeout = timeout.equals("none") ? null : Duration.ofSeconds(Long.parseLong(timeout));
            endpoints = Endpoint.range(spec.endpoints());
            endpointMask = spec.endpoints() - 1;
            connections = new Connections();
            adapter = pool.equals("genericpool")
                    ? new GenericPoolAdapter(spec, connections, acquireTimeout)
                    : new GenericPoolAsyncAdapter(spec, connections, acquireTimeout);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            adapter.close();
            if (connections.created() != connections.disposed() || connections.doubleDisposals() != 0) {
                throw new IllegalStateException(pool + " timeout=" + timeout + ": created " + connections.created()
                        + ", disposed " + connections.disposed() + ", disposed twice " + connections.doubleDisposals());
            }
        }

        /** @return the next pseudo-random endpoint index */
        int nextIndex() {
            random = KeyedPoolBenchmark.xorshift(random);
            return random & endpointMask;
        }
    }

    @Benchmark
    public Object hot(TimedState s) throws Exception {
        return cycle(s.adapter, s.endpoints[0]);
    }

    @Benchmark
    public Object evicting(TimedState s) throws Exception {
        return cycle(s.adapter, s.endpoints[s.nextIndex()]);
    }

    private static Object cycle(PoolAdapter<BenchConnection> adapter, Endpoint endpoint) throws Exception {
        BenchConnection connection = adapter.acquire(endpoint);
        adapter.release(endpoint, connection);
        return connection;
    }
}
