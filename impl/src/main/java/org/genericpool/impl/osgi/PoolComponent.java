package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.genericpool.BaseConnectionPool;
import org.genericpool.PoolConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;

/**
 * What the blocking and the asynchronous pool components share: one {@link PoolLifecycle} fed
 * with each configuration the component receives, registering the engine's pool object itself
 * under the component's service names, logging through {@link ComponentLog}, and closed on
 * deactivation. A subclass is a DS component that says how to create and how to close its kind
 * of pool; its {@code @Modified} and {@code @Deactivate} methods are the ones below (bnd reads
 * them from this class: {@code -dsannotations-options: inherit}).
 *
 * <p>Thread-safe: SCR calls activation, modification and deactivation one at a time, and
 * {@link PoolLifecycle} is synchronized anyway.
 *
 * @param <P> the pool type, blocking or async
 */
abstract class PoolComponent<P extends BaseConnectionPool<?>> {

    /**
     * How a component closes its kind of pool.
     *
     * @param <P> the pool type
     */
    @FunctionalInterface
    interface Closer<P> {
        /** Closes {@code pool}, waiting at most about {@code timeout}; logs what goes wrong to {@code log}. */
        void close(P pool, Duration timeout, ComponentLog log);
    }

    private final PoolLifecycle<P> lifecycle;

    /**
     * Creates and registers the pool, or logs why not.
     *
     * @param context       the bundle's context, to register the pool with
     * @param configuration the typed configuration
     * @param properties    the configuration as a map, for the service properties
     * @param services      the names the pool is registered under
     * @param create        creates an open pool with a configuration, using the component's manager
     * @param closer        closes a pool
     */
    PoolComponent(BundleContext context, PoolConfiguration configuration, Map<String, Object> properties,
                  String[] services, Function<PoolConfig, P> create, Closer<P> closer) {
        ComponentLog log = new ComponentLog(context);
        this.lifecycle = new PoolLifecycle<>(describe(properties), new PoolLifecycle.Host<>() {
            @Override
            public P create(PoolConfig config) {
                return create.apply(config);
            }

            @Override
            public PoolLifecycle.Registration register(P pool, Map<String, Object> props) {
                return Services.register(context, services, pool, props);
            }

            @Override
            public void close(P pool, Duration timeout) {
                closer.close(pool, timeout, log);
            }

            @Override
            public void log(String message, Throwable cause) {
                log.error(message, cause);
            }
        });
        lifecycle.configure(configuration, Services.poolServiceProperties(properties));
    }

    /**
     * Applies an updated configuration to the running pool, or replaces the pool when
     * {@code pool.name}, {@code manager.target} or {@code background.collector} changed.
     *
     * @param configuration the typed configuration
     * @param properties    the configuration as a map
     */
    @Modified
    void modified(PoolConfiguration configuration, Map<String, Object> properties) {
        lifecycle.configure(configuration, Services.poolServiceProperties(properties));
    }

    /** Unregisters the pool and closes it within {@code close.timeout}. */
    @Deactivate
    void deactivate() {
        lifecycle.close();
    }

    /** @return the configuration's PID for log lines */
    static String describe(Map<String, ?> properties) {
        Object pid = properties.get("service.pid");
        return pid != null ? String.valueOf(pid) : String.valueOf(properties.get("component.name"));
    }
}
