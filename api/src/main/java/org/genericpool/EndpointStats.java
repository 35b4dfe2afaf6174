package org.genericpool;

/**
 * A snapshot of one endpoint's statistics, read without stopping the pool. Immutable snapshot;
 * thread-safe.
 *
 * <p>An endpoint that holds nothing (no connection, slot or waiter) is forgotten; its counters
 * ({@code created} to {@code timeouts}) then start over, while the pool's {@link PoolStats} keep them.
 *
 * @param total    all of the endpoint's connections, including ones being created
 * @param acquired connections leased now
 * @param idle     idle connections
 * @param pending  callers waiting now
 * @param created  connections created since the endpoint was last seen empty
 * @param disposed connections disposed since then
 * @param dead     connections an aliveness check found dead, since then
 * @param acquires successful hand-outs, since then
 * @param timeouts acquires that failed with {@link AcquireTimeoutException} (deadline passed, or
 *                 the manager's create timed out), since then
 */
public record EndpointStats(int total, int acquired, int idle, int pending,
                            long created, long disposed, long dead, long acquires, long timeouts) {

    /** The statistics of an endpoint the pool holds nothing for. */
    public static final EndpointStats EMPTY = new EndpointStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
