package org.genericpool.impl.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of one pool made through ConfigAdmin: the factory PIDs
 * {@value ConnectionPoolComponent#FACTORY_PID} (blocking) and
 * {@value AsyncConnectionPoolComponent#FACTORY_PID} (async) share it. Element {@code a_b()} is the
 * property {@code a.b}. Durations are in seconds, decimals allowed; {@value #NONE} means "none"
 * where the description says so. Defaults are the constants below, which {@code PoolConfig}
 * also uses. {@link PoolConfigMapper} turns it into a validated {@code PoolConfig}.
 */
@ObjectClassDefinition(id = "org.genericpool.pool", name = "genericpool connection pool",
        description = "One keyed connection pool, registered as an OSGi service with the property pool.name "
                + "and as the MXBean org.genericpool:type=ConnectionPool,name=<pool.name>.")
@interface PoolConfiguration {

    /** The value meaning "no limit" for {@code acquire.timeout} and "none" for {@code dispose.timeout}. */
    double NONE = -1;
    /** Default manager filter: the default TCP manager of genericpool-contrib-tcp. */
    String DEFAULT_MANAGER_TARGET = "(genericpool.manager=tcp)";
    /** Default {@code idle.timeout}, seconds. */
    double DEFAULT_IDLE_TIMEOUT = 60;
    /** Default {@code max.lifetime}, seconds. */
    double DEFAULT_MAX_LIFETIME = 3600;
    /** Default {@code min.idle}. */
    int DEFAULT_MIN_IDLE = 1;
    /** Default {@code max.size}. */
    int DEFAULT_MAX_SIZE = 10;
    /** Default {@code total.max.size}. */
    int DEFAULT_TOTAL_MAX_SIZE = 100;
    /** Default {@code close.timeout}, seconds: bounded, since deactivation blocks ConfigAdmin's thread. */
    double DEFAULT_CLOSE_TIMEOUT = 10;

    /** @return {@code pool.name}: the pool's name, service property and JMX name; required */
    @AttributeDefinition(name = "Pool name", description = "Required. The pool's name: service property "
            + "pool.name, JMX name and thread names. Unique among the open pools of the JVM.")
    String pool_name();

    /** @return {@code manager.target}: LDAP filter choosing the ConnectionManager service */
    @AttributeDefinition(name = "Connection manager filter", description = "LDAP filter choosing the "
            + "ConnectionManager (AsyncConnectionManager for an async pool) service, e.g. "
            + "(genericpool.manager=tcp), (genericpool.manager=ssl), (genericpool.manager=unix). "
            + "Changing it replaces the pool.")
    String manager_target() default DEFAULT_MANAGER_TARGET;

    /** @return {@code idle.timeout} in seconds */
    @AttributeDefinition(name = "Idle timeout (s)", min = "0", description = "Seconds an extra (non-core) "
            + "connection may stay idle before it is disposed. 0 .. max.lifetime, decimals allowed.")
    double idle_timeout() default DEFAULT_IDLE_TIMEOUT;

    /** @return {@code max.lifetime} in seconds */
    @AttributeDefinition(name = "Maximum lifetime (s)", min = "0", description = "Seconds any connection may "
            + "live; a leased one is disposed when it comes back. At least idle.timeout, decimals allowed.")
    double max_lifetime() default DEFAULT_MAX_LIFETIME;

    /** @return {@code min.idle} */
    @AttributeDefinition(name = "Core idle connections per endpoint", min = "0", description = "Idle "
            + "connections per endpoint kept until their lifetime ends. 0 .. max.size.")
    int min_idle() default DEFAULT_MIN_IDLE;

    /** @return {@code max.size} */
    @AttributeDefinition(name = "Maximum connections per endpoint", min = "1", description = "Most "
            + "connections per endpoint, counting ones being created. 1 .. total.max.size.")
    int max_size() default DEFAULT_MAX_SIZE;

    /** @return {@code total.max.size} */
    @AttributeDefinition(name = "Maximum connections in the pool", min = "1", description = "Most "
            + "connections of all endpoints together. At least max.size.")
    int total_max_size() default DEFAULT_TOTAL_MAX_SIZE;

    /** @return {@code acquire.timeout} in seconds, or {@value #NONE} */
    @AttributeDefinition(name = "Acquire timeout (s)", min = "-1", description = "Seconds an acquire waits "
            + "at most; -1 waits without limit, 0 does not wait. Decimals allowed.")
    double acquire_timeout() default NONE;

    /** @return {@code background.collector} */
    @AttributeDefinition(name = "Background collector", description = "Whether a background thread "
            + "disposes expired connections at their deadline (otherwise each release disposes some). "
            + "Changing it replaces the pool.")
    boolean background_collector() default false;

    /** @return {@code dispose.batch.size} */
    @AttributeDefinition(name = "Dispose batch size", min = "0", description = "Expired connections a "
            + "release disposes at most; 0 = automatic, floor(log2(pool size + 1)) + 1.")
    int dispose_batch_size() default 0;

    /** @return {@code dispose.timeout} in seconds, or {@value #NONE} */
    @AttributeDefinition(name = "Dispose timeout (s)", min = "-1", description = "Seconds passed to the "
            + "manager's dispose as its timeout; -1 = none. Decimals allowed.")
    double dispose_timeout() default NONE;

    /** @return {@code close.timeout} in seconds */
    @AttributeDefinition(name = "Close timeout (s)", min = "0", description = "When the configuration is "
            + "deleted or the pool replaced: seconds to wait for leased connections to come back before "
            + "they are disposed too. Decimals allowed.")
    double close_timeout() default DEFAULT_CLOSE_TIMEOUT;
}
