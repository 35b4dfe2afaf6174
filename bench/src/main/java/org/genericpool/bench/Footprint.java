package org.genericpool.bench;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Retained heap of every pool, measured as the used heap after full collections:
 * <ul>
 *   <li>per endpoint: a pool holding one idle connection on each of {@code N} endpoints, less
 *       an empty pool, over {@code N};</li>
 *   <li>per idle connection: one endpoint with {@code M} idle connections, less one endpoint with
 *       one, over {@code M - 1}.</li>
 * </ul>
 * Both figures leave out the 40 bytes of the trivial connection object itself
 * ({@link BenchConnection} and its flag), so they are the pool's own bookkeeping. Run with a
 * fixed heap, e.g. {@code java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar
 * org.genericpool.bench.Footprint [endpoints [connections [pool...]]]}.
 */
public final class Footprint {

    /** {@link BenchConnection} (header, two references) and its {@code AtomicBoolean}, compressed references. */
    static final long CONNECTION_BYTES = 40;

    private Footprint() {
    }

    /** The two figures for one pool, in bytes. */
    public record Result(String pool, double perEndpoint, double perIdleConnection) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %s | %.0f | %.0f |", pool, perEndpoint, perIdleConnection);
        }
    }

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> pools = args.length > 2 ? List.of(args).subList(2, args.length) : Pools.ALL;
        System.out.printf(Locale.ROOT, "retained heap, bytes (%d endpoints with one idle connection each; "
                + "one endpoint with %d idle connections; the 40 B connection object left out)%n%n",
                endpoints, connections);
        System.out.println("| pool | per endpoint (with its one idle connection) | per idle connection |");
        System.out.println("|---|---:|---:|");
        for (String pool : pools) {
            System.out.println(measure(pool, endpoints, connections));
        }
    }

    /** @return the figures for {@code pool} */
    public static Result measure(String pool, int endpointCount, int connectionCount) throws Exception {
        // Warm the classes and code paths once, so that class metadata and lazily built statics do not count.
        idleOnEach(pool, Endpoint.range(16), 1);
        idleOnEach(pool, Endpoint.range(1), 4);

        Endpoint[] many = Endpoint.range(endpointCount);
        long emptyPool = idleOnEach(pool, many, 0);
        long full = idleOnEach(pool, many, 1);
        double perEndpoint = (double) (full - emptyPool) / endpointCount - CONNECTION_BYTES;

        Endpoint[] one = Endpoint.range(1);
        long single = idleOnEach(pool, one, 1);
        long crowd = idleOnEach(pool, one, connectionCount);
        double perConnection = (double) (crowd - single) / (connectionCount - 1) - CONNECTION_BYTES;
        return new Result(pool, perEndpoint, perConnection);
    }

    /**
     * Builds a pool, leaves {@code perEndpoint} idle connections on each endpoint (acquiring them all, then
     * releasing them all), and measures the heap it retains, the pool object included.
     *
     * @return bytes retained
     */
    @SuppressWarnings("unchecked")
    static long idleOnEach(String pool, Endpoint[] endpoints, int perEndpoint) throws Exception {
        PoolSpec spec = PoolSpec.unbound(endpoints.length, Math.max(1, perEndpoint));
        Connections connections = new Connections();
        long before = ManyEndpointsBenchmark.usedHeapAfterGc();
        PoolAdapter<Object> adapter = (PoolAdapter<Object>) Pools.create(pool, spec, perEndpoint == 0 ? new Endpoint[0] : endpoints, connections);
        try {
            if (perEndpoint > 0) {
                List<Object> held = new ArrayList<>(perEndpoint);
                for (Endpoint endpoint : endpoints) {
                    for (int i = 0; i < perEndpoint; i++) {
                        held.add(adapter.acquire(endpoint));
                    }
                    for (Object connection : held) {
                        adapter.release(endpoint, connection);
                    }
                    held.clear();
                }
            }
            long after = ManyEndpointsBenchmark.usedHeapAfterGc();
            Reference.reachabilityFence(adapter);
            return after - before;
        } finally {
            adapter.close();
        }
    }
}
