package org.genericpool.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark once, in this JVM and for a moment, to prove the harness works: every
 * pool and scenario produces a score, connections are created and all disposed on close, no
 * connection is disposed twice, and no pool that has a total limit ever exceeds it. Asserts
 * nothing about timing.
 */
class BenchmarkSmokeTest {

    /** Long enough for every thread to run some operations, short enough for the whole suite to take seconds. */
    private static final TimeValue MOMENT = TimeValue.milliseconds(25);

    @BeforeAll
    static void allowConcurrentJmh() {
        // A full benchmark run elsewhere on the machine holds JMH's lock file; a smoke run need not wait for it.
        System.setProperty("jmh.ignoreLock", "true");
    }

    @Test
    void everyPoolRunsEveryKeyedScenario() throws Exception {
        List<String> pools = Pools.ALL;
        Options options = new OptionsBuilder()
                .include(Pattern.quote(KeyedPoolBenchmark.class.getName()) + "\\.")
                .param("pool", pools.toArray(new String[0]))
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(MOMENT)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        List<Scenario> scenarios = List.of(Scenario.HOT_1T, Scenario.HOT_4T, Scenario.SPREAD_1T, Scenario.SPREAD_4T,
                Scenario.CONTENDED, Scenario.CROSS_KEY);
        assertEquals(scenarios.size() * pools.size(), results.size(), "one result per scenario and pool");
        Set<String> seen = new HashSet<>();
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            String name = result.getParams().getBenchmark() + " " + result.getParams().getParam("pool");
            assertTrue(score > 0 && !Double.isInfinite(score), name + " has a score: " + score);
            seen.add(name);
        }
        assertEquals(results.size(), seen.size(), "no benchmark ran twice");

        for (Scenario scenario : scenarios) {
            for (String pool : pools) {
                TrialReport report = report(scenario, pool);
                PoolSpec spec = scenario.spec();
                assertTrue(report.created() >= 1, report + ": created a connection");
                assertEquals(report.created(), report.disposed(), report + ": close disposed every connection");
                assertEquals(0, report.doubleDisposals(), report + ": no connection disposed twice");
                assertTrue(report.totalLimitHeld(), report + ": the total limit held");
                assertTrue(report.maxLive() <= (long) spec.endpoints() * spec.maxPerEndpoint(),
                        report + ": no more live connections than the per-endpoint limits allow");
                if (!spec.totalBinds() && pool.startsWith("genericpool")) {
                    // genericpool disposes only what expires or must make room: here it reuses, never churns.
                    // (commons-pool2, for one, destroys and recreates under contention.)
                    assertTrue(report.created() <= (long) spec.endpoints() * spec.maxPerEndpoint(),
                            report + ": created no more than the limits allow");
                }
                if (scenario == Scenario.CONTENDED) {
                    assertEquals(scenario.threads(), report.opsPerThread().length, report + ": per-thread counts");
                    assertTrue(java.util.Arrays.stream(report.opsPerThread()).sum() > 0, report + ": threads did work");
                } else {
                    assertEquals(0, report.opsPerThread().length, report + ": per-thread counts only in contended");
                }
            }
        }
    }

    @Test
    void manyEndpointsRunsAndReportsRetainedHeap() throws Exception {
        Options options = new OptionsBuilder()
                .include(Pattern.quote(ManyEndpointsBenchmark.class.getName()) + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertEquals(2, results.size(), "genericpool, blocking and async");
        for (String pool : List.of("genericpool", "genericpool-async")) {
            TrialReport report = report(Scenario.MANY_ENDPOINTS, pool);
            assertEquals(ManyEndpointsBenchmark.ENDPOINTS, report.created(), report + ": one connection per endpoint");
            assertEquals(report.created(), report.disposed(), report + ": close disposed every connection");
            assertEquals(0, report.doubleDisposals(), report + ": no connection disposed twice");
            assertTrue(report.maxLive() <= ManyEndpointsBenchmark.ENDPOINTS, report + ": at most one per endpoint");
            assertTrue(report.retainedBytes() >= 0, report + ": retained heap measured");
        }
    }

    @Test
    void clockBenchmarkRuns() throws Exception {
        assertEquals(2, new Runner(forAMoment(ClockBenchmark.class)).run().size(), "nanoTime and currentTimeMillis");
    }

    @Test
    void timedAcquireBenchmarkRunsEveryFlavourAndTimeout() throws Exception {
        // Its tear-down fails the run if close did not dispose every connection exactly once.
        Collection<RunResult> results = new Runner(forAMoment(TimedAcquireBenchmark.class)).run();
        Set<String> seen = new HashSet<>();
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark() + " has a score");
            seen.add(result.getParams().getBenchmark() + " " + result.getParams().getParam("pool")
                    + " " + result.getParams().getParam("timeout"));
        }
        assertEquals(2 * 2 * 2, seen.size(), "hot and evicting, each flavour, with and without a timeout: " + seen);
    }

    @Test
    void transportBenchmarksRun() throws Exception {
        // Aliveness of each contrib transport (set-up and tear-down fail the run if a healthy idle
        // connection reads as dead) and a loopback round trip, pooled and fresh.
        Collection<RunResult> results = new Runner(forAMoment(AlivenessBenchmark.class, RoundTripBenchmark.class)).run();
        assertEquals(6 + 2, results.size(), "six transports' aliveness, pooled and fresh round trips");
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark() + " has a score");
        }
    }

    /** @return options that run every benchmark of {@code benchmarks} in this JVM, once, for a {@link #MOMENT} */
    private static Options forAMoment(Class<?>... benchmarks) {
        OptionsBuilder options = new OptionsBuilder();
        for (Class<?> benchmark : benchmarks) {
            options.include(Pattern.quote(benchmark.getName()) + "\\.");
        }
        return options.forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(MOMENT)
                .shouldFailOnError(true)
                .build();
    }

    private static TrialReport report(Scenario scenario, String pool) {
        List<TrialReport> matching = new ArrayList<>();
        for (TrialReport r : TrialReport.all()) {
            if (r.scenario() == scenario && r.pool().equals(pool)) {
                matching.add(r);
            }
        }
        assertFalse(matching.isEmpty(), "a report for " + scenario.methodName() + " " + pool);
        return matching.get(matching.size() - 1);
    }
}
