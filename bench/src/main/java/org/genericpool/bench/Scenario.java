package org.genericpool.bench;

/** The scenarios of issue 4; each benchmark method is named after one. */
public enum Scenario {
    /** One endpoint, 8 per endpoint, 1 thread: the uncontended fast path. */
    HOT_1T(1, PoolSpec.unbound(1, 8)),
    /** The same with 4 threads. */
    HOT_4T(4, PoolSpec.unbound(1, 8)),
    /** 64 endpoints picked at random per operation, 4 per endpoint, 1 thread: the cost of many keys. */
    SPREAD_1T(1, PoolSpec.unbound(64, 4)),
    /** The same with 4 threads. */
    SPREAD_4T(4, PoolSpec.unbound(64, 4)),
    /** 4 threads, one endpoint of 2 connections held across a {@code Thread.yield()}: waiting and fairness. */
    CONTENDED(4, PoolSpec.unbound(1, 2)),
    /** 4 threads, 16 endpoints at random, 8 per endpoint, 8 in total: evicting another endpoint's idle connection. */
    CROSS_KEY(4, new PoolSpec(16, 8, 8)),
    /** 1 thread, 100,000 endpoints each used once, 1 per endpoint: endpoint bookkeeping (genericpool only). */
    MANY_ENDPOINTS(1, PoolSpec.unbound(100_000, 1));

    private final int threads;
    private final PoolSpec spec;

    Scenario(int threads, PoolSpec spec) {
        this.threads = threads;
        this.spec = spec;
    }

    /** @return the benchmark method's name, e.g. {@code hot_1t}, {@code crossKey} */
    public String methodName() {
        switch (this) {
            case CROSS_KEY:
                return "crossKey";
            case MANY_ENDPOINTS:
                return "manyEndpoints";
            default:
                return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @return how many threads run the scenario */
    public int threads() {
        return threads;
    }

    /** @return the scenario's limits */
    public PoolSpec spec() {
        return spec;
    }

    /** @return the scenario of a JMH benchmark name, e.g. {@code org.genericpool.bench.KeyedPoolBenchmark.hot_1t} */
    public static Scenario ofBenchmark(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        for (Scenario s : values()) {
            if (s.methodName().equals(method)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no scenario for benchmark " + benchmark);
    }
}
