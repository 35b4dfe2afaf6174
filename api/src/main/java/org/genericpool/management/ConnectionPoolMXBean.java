package org.genericpool.management;

import java.util.List;

/**
 * The JMX view of one pool, registered as
 * {@code org.genericpool:type=ConnectionPool,name=<pool name>} on the platform MBeanServer while
 * the pool is open, unless the registration failed (the failure is logged and the pool works on
 * without JMX).
 *
 * <p>Thread-safe. Attributes are read-only and read without stopping the pool, so they may be a
 * moment apart. The one way to change a pool is its configuration.
 */
public interface ConnectionPoolMXBean {

    /** @return the pool's name */
    String getName();

    /** @return all connections, including ones being created */
    int getSize();

    /** @return connections leased now */
    int getAcquired();

    /** @return idle connections */
    int getIdle();

    /** @return callers waiting now */
    int getPending();

    /** @return endpoints holding connections or waiters */
    int getEndpointCount();

    /** @return the configured core connections per endpoint */
    int getMinIdle();

    /** @return the configured limit per endpoint */
    int getMaxSize();

    /** @return the configured limit for the whole pool */
    int getTotalMaxSize();

    /** @return the configured idle timeout of extra connections, in seconds */
    double getIdleTimeoutSeconds();

    /** @return the configured lifetime of connections, in seconds */
    double getMaxLifetimeSeconds();

    /** @return the configured acquire timeout in seconds, or -1 for none */
    double getAcquireTimeoutSeconds();

    /** @return whether a background collector disposes expired connections */
    boolean isBackgroundCollector();

    /** @return connections created since the pool opened */
    long getCreated();

    /** @return connections disposed since the pool opened */
    long getDisposed();

    /** @return connections found dead by an aliveness check */
    long getDead();

    /** @return successful hand-outs */
    long getAcquires();

    /** @return acquires that failed with an {@code AcquireTimeoutException} */
    long getTimeouts();

    /**
     * @return one row per endpoint, at most {@value #MAX_ENDPOINT_ROWS}: those of the endpoints
     *         holding the most connections; JMX clients see a {@code CompositeData[]}
     */
    List<EndpointStatsRow> getEndpointStats();

    /**
     * Disposes every idle connection now (leased ones are untouched).
     *
     * @return how many idle connections were taken out and handed to dispose
     */
    int evictIdle();

    /** The most rows {@link #getEndpointStats()} returns. */
    int MAX_ENDPOINT_ROWS = 1000;
}
