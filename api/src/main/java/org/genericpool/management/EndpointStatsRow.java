package org.genericpool.management;

import javax.management.openmbean.CompositeData;

import org.genericpool.EndpointStats;

/**
 * One row of {@link ConnectionPoolMXBean#getEndpointStats()}: an endpoint's statistics with the
 * endpoint's {@code toString()}. Immutable; the MXBean machinery maps it to {@code CompositeData}
 * with the items {@code endpoint, total, acquired, idle, pending, created, disposed, dead,
 * acquires, timeouts}.
 */
public final class EndpointStatsRow {
    private final String endpoint;
    private final int total;
    private final int acquired;
    private final int idle;
    private final int pending;
    private final long created;
    private final long disposed;
    private final long dead;
    private final long acquires;
    private final long timeouts;

    /** Creates a row; the parameter names are the item names JMX clients see. */
    public EndpointStatsRow(String endpoint, int total, int acquired, int idle, int pending,
                            long created, long disposed, long dead, long acquires, long timeouts) {
        this.endpoint = endpoint;
        this.total = total;
        this.acquired = acquired;
        this.idle = idle;
        this.pending = pending;
        this.created = created;
        this.disposed = disposed;
        this.dead = dead;
        this.acquires = acquires;
        this.timeouts = timeouts;
    }

    /**
     * Rebuilds a row from its JMX form, so that MXBean proxies can return rows.
     *
     * @param data a {@code CompositeData} with the items this row type has
     * @return the row
     * @throws NullPointerException if {@code data} is null, or a numeric item is null
     * @throws javax.management.openmbean.InvalidKeyException if an item is missing
     * @throws ClassCastException   if an item has another type
     */
    public static EndpointStatsRow from(CompositeData data) {
        return new EndpointStatsRow((String) data.get("endpoint"), (Integer) data.get("total"),
                (Integer) data.get("acquired"), (Integer) data.get("idle"), (Integer) data.get("pending"),
                (Long) data.get("created"), (Long) data.get("disposed"), (Long) data.get("dead"),
                (Long) data.get("acquires"), (Long) data.get("timeouts"));
    }

    /**
     * @param endpoint the endpoint; its {@code toString()} names the row ({@code "null"} for null)
     * @param stats    the endpoint's statistics, not null
     * @return a row of {@code stats} for {@code endpoint}
     * @throws NullPointerException if {@code stats} is null
     */
    public static EndpointStatsRow of(Object endpoint, EndpointStats stats) {
        return new EndpointStatsRow(String.valueOf(endpoint), stats.total(), stats.acquired(), stats.idle(),
                stats.pending(), stats.created(), stats.disposed(), stats.dead(), stats.acquires(), stats.timeouts());
    }

    /** @return the endpoint's {@code toString()} */
    public String getEndpoint() { return endpoint; }
    /** @return all connections, including ones being created */
    public int getTotal() { return total; }
    /** @return leased connections */
    public int getAcquired() { return acquired; }
    /** @return idle connections */
    public int getIdle() { return idle; }
    /** @return waiting callers */
    public int getPending() { return pending; }
    /** @return connections created */
    public long getCreated() { return created; }
    /** @return connections disposed */
    public long getDisposed() { return disposed; }
    /** @return connections found dead */
    public long getDead() { return dead; }
    /** @return successful hand-outs */
    public long getAcquires() { return acquires; }
    /** @return acquires that timed out */
    public long getTimeouts() { return timeouts; }

    @Override
    public String toString() {
        return endpoint + "[total=" + total + ", acquired=" + acquired + ", idle=" + idle + ", pending=" + pending
                + ", created=" + created + ", disposed=" + disposed + ", dead=" + dead
                + ", acquires=" + acquires + ", timeouts=" + timeouts + "]";
    }
}
