package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.genericpool.BaseConnectionPool;
import org.genericpool.PoolConfig;

/**
 * The life of the one pool that a factory configuration makes, without any OSGi type, so that it
 * is tested without a framework. A DS component feeds it each configuration it receives and
 * closes it on deactivation.
 *
 * <ul>
 *   <li>A valid first configuration creates the pool and registers it.</li>
 *   <li>A valid update with the same {@code pool.name} and {@code manager.target} reconfigures
 *       the same pool live ({@link BaseConnectionPool#reconfigure}) and updates the service
 *       properties; connections stay.</li>
 *   <li>A valid update that changes {@code pool.name}, {@code manager.target} or
 *       {@code background.collector} (fixed for an engine pool's life) unregisters and
 *       closes the old pool (within its {@code close.timeout}) and creates and registers a new one.</li>
 *   <li>An invalid configuration is logged with the property, value and range; a running pool
 *       keeps its configuration; without a running pool nothing is registered.</li>
 * </ul>
 *
 * <p>Thread-safe: every method is {@code synchronized}; none is on a pool's acquire/release path.
 *
 * @param <P> the pool type, blocking or async
 */
final class PoolLifecycle<P extends BaseConnectionPool<?>> {

    /**
     * What the lifecycle needs from its surroundings.
     *
     * @param <P> the pool type
     */
    interface Host<P> {
        /** @return a new open pool with this configuration (the engine's pool itself) */
        P create(PoolConfig config);

        /** @return the registration of {@code pool} as a service with these properties */
        Registration register(P pool, Map<String, Object> properties);

        /** Closes {@code pool}, waiting at most {@code timeout} for leased connections. */
        void close(P pool, Duration timeout);

        /** Logs a refused configuration or a failure, once. */
        void log(String message, Throwable cause);
    }

    /** A service registration. */
    interface Registration {
        /** Replaces the service properties. */
        void update(Map<String, Object> properties);

        /** Unregisters the service; a second call does nothing. */
        void unregister();
    }

    private final String description;
    private final Host<P> host;
    private P pool;
    private Registration registration;
    private PoolSettings settings;

    /**
     * @param description names the configuration in log lines, e.g. its PID
     * @param host        creates, registers and closes pools and logs
     */
    PoolLifecycle(String description, Host<P> host) {
        this.description = Objects.requireNonNull(description, "description");
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Applies a configuration: creates, reconfigures or replaces the pool, or refuses it.
     *
     * @param configuration the typed configuration
     * @param properties    the service properties for the pool
     * @return whether the configuration is now in force
     */
    synchronized boolean configure(PoolConfiguration configuration, Map<String, Object> properties) {
        PoolSettings next;
        try {
            next = PoolConfigMapper.map(configuration);
        } catch (InvalidConfigurationException e) {
            refuse(e.getMessage(), null);
            return false;
        }
        if (pool != null && next.replaces(settings)) {
            closePool();
        }
        if (pool == null) {
            P created;
            try {
                created = host.create(next.config());
            } catch (RuntimeException e) {
                refuse("cannot create the pool: " + e.getMessage(), e);
                return false;
            }
            try {
                registration = host.register(created, properties);
            } catch (RuntimeException e) { // e.g. the bundle is stopping
                host.close(created, next.closeTimeout());
                refuse("cannot register the pool: " + e.getMessage(), e);
                return false;
            }
            pool = created;
        } else {
            try {
                pool.reconfigure(next.config());
            } catch (RuntimeException e) {
                refuse("the pool refused it: " + e.getMessage(), e);
                return false;
            }
            registration.update(properties);
        }
        settings = next;
        return true;
    }

    /** @return the pool now registered, or null */
    synchronized P pool() {
        return pool;
    }

    /** @return the settings in force, or null when no pool runs */
    synchronized PoolSettings settings() {
        return settings;
    }

    /** Unregisters and closes the pool, if any, within its {@code close.timeout}. */
    synchronized void close() {
        if (pool != null) {
            closePool();
        }
    }

    private void closePool() {
        P old = pool;
        Duration timeout = settings.closeTimeout();
        pool = null;
        settings = null;
        try {
            registration.unregister();
        } catch (RuntimeException e) { // the framework may already have unregistered it (bundle stopping)
            host.log(description + ": unregistering pool " + old + " failed: " + e, e);
        } finally {
            registration = null;
        }
        try {
            host.close(old, timeout);
        } catch (RuntimeException e) {
            host.log(description + ": closing the pool failed: " + e, e);
        }
    }

    private void refuse(String reason, Throwable cause) {
        String outcome = pool != null
                ? "the pool keeps its configuration " + settings.config()
                : "no pool is registered";
        host.log("genericpool configuration " + description + " refused, " + reason + "; " + outcome, cause);
    }
}
