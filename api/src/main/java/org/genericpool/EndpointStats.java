package org.genericpool;

/**
 * A snapshot of one endpoint's statistics, read without stopping the pool.
 *
 * @param total    all of the endpoint's connections, including ones being created
 * @param acquired connections leased now
 * @param idle     idle connections
 * @param pending  callers waiting now
 * @param created  connections created since the endpoint was last seen empty
 * @param disposed connections disposed since then
 * @param dead     connections an aliveness check found dead
 * @param acquires successful hand-outs
 * @param timeouts acquires that failed at their deadline
 */
public record EndpointStats(int total, int acquired, int idle, int pending,
                            long created, long disposed, long dead, long acquires, long timeouts) {

    /** The statistics of an endpoint the pool holds nothing for. */
    public static final EndpointStats EMPTY = new EndpointStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
