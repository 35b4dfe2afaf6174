package org.genericpool.bench;

import java.util.List;

/** Creates the adapter for a pool by its name in the benchmark tables. */
public final class Pools {

    /** Every pool, in the order of the tables. */
    public static final List<String> ALL = List.of(
            "genericpool", "genericpool-async", "commons-pool2", "httpcore5-strict", "httpcore5-lax",
            "stormpot", "hikari-bag");

    /** The peers that are keyed natively: genericpool's targets are ratios to the fastest of these. */
    public static final List<String> KEYED_PEERS = List.of("commons-pool2", "httpcore5-strict", "httpcore5-lax");

    private Pools() {
    }

    /**
     * @param name        one of {@link #ALL}
     * @param spec        the scenario's limits
     * @param endpoints   the scenario's endpoints (pools that are filled up front use them)
     * @param connections the counting factory
     * @return the pool, ready to use
     */
    public static PoolAdapter<?> create(String name, PoolSpec spec, Endpoint[] endpoints, Connections connections) {
        switch (name) {
            case "genericpool":
                return new GenericPoolAdapter(spec, connections);
            case "genericpool-async":
                return new GenericPoolAsyncAdapter(spec, connections);
            case "commons-pool2":
                return new CommonsPool2Adapter(spec, connections);
            case "httpcore5-strict":
                return HttpCoreAdapter.strict(spec, connections);
            case "httpcore5-lax":
                return HttpCoreAdapter.lax(spec, connections);
            case "stormpot":
                return new StormpotAdapter(spec, connections);
            case "hikari-bag":
                return new HikariBagAdapter(spec, endpoints, connections);
            default:
                throw new IllegalArgumentException("unknown pool: " + name + ", expected one of " + ALL);
        }
    }
}
