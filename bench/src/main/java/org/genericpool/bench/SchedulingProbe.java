package org.genericpool.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A diagnostic, not a benchmark: runs one keyed scenario outside JMH and reports what JMH's
 * scores do not show: how busy the cores were (the process's CPU time over wall time), and how
 * often the scenario's threads left their core, per 1,000 operations: <em>voluntary</em> context
 * switches (a thread parked: a lock or a pool wait) and <em>involuntary</em> ones (preempted, or
 * a {@code Thread.yield()} that gave the core away), and how much of the threads' time they were
 * runnable but waiting for a core (the scheduler's run-queue delay). Cores left idle while threads
 * wait to run mean the scheduler did not place a woken thread on the idle core at once. With
 * {@code --disjoint} each thread draws its endpoints from its own share of them, so no endpoint is
 * used by two threads: the difference against a shared run is what sharing endpoints between
 * cores costs.
 *
 * <p>Usage (Linux: it reads {@code /proc/thread-self/status} and {@code /proc/thread-self/schedstat}):
 * <pre>
 * java -cp bench/target/benchmarks.jar org.genericpool.bench.SchedulingProbe POOL SCENARIO [SECONDS] [--disjoint]
 * </pre>
 * e.g. {@code genericpool crossKey 2}. It runs three rounds on one pool (the first doubles as
 * warm-up) and prints one line per round. Its times are for comparisons within one machine and
 * one sitting; the recorded figures are JMH's.
 */
public final class SchedulingProbe implements AutoCloseable {

    private static final int ROUNDS = 3;
    /** Operations between two looks at the stop flag. */
    private static final int BATCH = 256;

    private final Scenario scenario;
    private final PoolAdapter<Object> adapter;
    private final Endpoint[] endpoints;
    private final Connections connections = new Connections();
    private final boolean disjoint;

    /** What one round measured. */
    record Round(long ops, long leastOps, long mostOps, long wallNanos, long cpuNanos,
                 long voluntary, long involuntary, long runQueueNanos, int threads, long created) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "%,.0f ns/op per thread, %,.0f kops/s, cpu %.0f%%, switches per 1000 ops: voluntary %.2f, "
                            + "involuntary %.2f; waiting for a core %.0f%% of thread time; least/most thread ops %.2f; "
                            + "connections created per op %.3f",
                    (double) wallNanos * threads / ops, ops * 1e6 / wallNanos, 100.0 * cpuNanos / wallNanos,
                    voluntary * 1000.0 / ops, involuntary * 1000.0 / ops,
                    100.0 * runQueueNanos / ((double) wallNanos * threads), (double) leastOps / mostOps,
                    (double) created / ops);
        }
    }

    @SuppressWarnings("unchecked")
    SchedulingProbe(String pool, Scenario scenario, boolean disjoint) {
        PoolSpec spec = scenario.spec();
        if (disjoint && spec.endpoints() % scenario.threads() != 0) {
            throw new IllegalArgumentException("--disjoint needs endpoints (" + spec.endpoints()
                    + ") divisible by threads (" + scenario.threads() + ")");
        }
        this.scenario = scenario;
        this.endpoints = Endpoint.range(spec.endpoints());
        this.adapter = (PoolAdapter<Object>) Pools.create(pool, spec, endpoints, connections);
        this.disjoint = disjoint;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SchedulingProbe POOL SCENARIO [SECONDS] [--disjoint]  (pools: " + Pools.ALL
                    + "; scenarios: hot_1t hot_4t spread_1t spread_4t contended crossKey)");
            System.exit(2);
        }
        Scenario scenario = Scenario.ofBenchmark(args[1]);
        long millis = args.length > 2 && !args[2].startsWith("--") ? Math.round(Double.parseDouble(args[2]) * 1000) : 2000;
        boolean disjoint = List.of(args).contains("--disjoint");
        try (SchedulingProbe probe = new SchedulingProbe(args[0], scenario, disjoint)) {
            for (int r = 0; r < ROUNDS; r++) {
                System.out.println(args[0] + " " + args[1] + (disjoint ? " disjoint" : "") + " round " + r + ": "
                        + probe.round(millis));
            }
        }
    }

    /** @return the connection factory's counts */
    Connections connections() {
        return connections;
    }

    /** Closes the pool. */
    @Override
    public void close() {
        adapter.close();
    }

    /** Runs the scenario's threads for {@code millis} and measures them. */
    Round round(long millis) throws InterruptedException {
        int threads = scenario.threads();
        long[][] perThread = new long[threads][];
        Throwable[] failure = new Throwable[1];
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            int index = i;
            workers[i] = new Thread(() -> {
                try {
                    perThread[index] = work(index, stop);
                } catch (Throwable t) {
                    synchronized (failure) {
                        failure[0] = t;
                    }
                    stop.set(true);
                }
            }, "probe-" + i);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long created = connections.created();
        long start = System.nanoTime();
        for (Thread t : workers) {
            t.start();
        }
        Thread.sleep(millis);
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        long wall = System.nanoTime() - start;
        cpu = os.getProcessCpuTime() - cpu;
        created = connections.created() - created;
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("a probe thread failed", failure[0]);
            }
        }
        long ops = 0;
        long least = Long.MAX_VALUE;
        long most = 0;
        long voluntary = 0;
        long involuntary = 0;
        long runQueue = 0;
        for (long[] t : perThread) {
            ops += t[0];
            least = Math.min(least, t[0]);
            most = Math.max(most, t[0]);
            voluntary += t[1];
            involuntary += t[2];
            runQueue += t[3];
        }
        return new Round(ops, least, most, wall, cpu, voluntary, involuntary, runQueue, threads, created);
    }

    /** @return this thread's operations, its voluntary and involuntary context switches, and its run-queue delay */
    private long[] work(int index, AtomicBoolean stop) throws Exception {
        long[] before = contextSwitches();
        long waitedBefore = schedStat()[1];
        int share = disjoint ? endpoints.length / scenario.threads() : endpoints.length;
        int offset = disjoint ? index * share : 0;
        boolean holdAcrossYield = scenario == Scenario.CONTENDED;
        int random = 0x9E3779B9 * (index + 1);
        long ops = 0;
        while (!stop.get()) {
            for (int k = 0; k < BATCH; k++) {
                random = KeyedPoolBenchmark.xorshift(random);
                Endpoint endpoint = endpoints[offset + Math.floorMod(random, share)];
                Object connection = adapter.acquire(endpoint);
                if (holdAcrossYield) {
                    Thread.yield();
                }
                adapter.release(endpoint, connection);
            }
            ops += BATCH;
        }
        long[] after = contextSwitches();
        long waited = schedStat()[1] - waitedBefore;
        return new long[] {ops, after[0] - before[0], after[1] - before[1], waited};
    }

    /**
     * @return the calling thread's CPU time and its time runnable but waiting for a core (run-queue
     *         delay), both in nanoseconds, from the first two fields of {@code /proc/thread-self/schedstat}
     */
    static long[] schedStat() {
        try {
            String[] fields = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this thread's scheduler statistics (Linux only)", e);
        }
    }

    /** @return the calling thread's voluntary and involuntary context switches so far */
    static long[] contextSwitches() {
        long[] counts = new long[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("voluntary_ctxt_switches:")) {
                    counts[0] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                    counts[1] = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read this thread's context switches (Linux only)", e);
        }
        return counts;
    }
}
