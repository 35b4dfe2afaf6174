package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Map;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.PoolConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One blocking pool per factory configuration of {@value #FACTORY_PID}, using the
 * {@link ConnectionManager} service that {@code manager.target} selects.
 *
 * <p>The component provides no service itself: it registers the engine's pool object directly
 * (as {@link ConnectionPool} and {@link BaseConnectionPool}, with {@code pool.name} and the
 * configuration's other public properties), so a consumer calls the engine with no proxy in
 * between, and an invalid first configuration registers nothing. {@link PoolLifecycle} decides
 * between reconfiguring and replacing on updates; deactivation (configuration deleted, manager
 * gone, bundle stopping) unregisters the service and closes the pool within {@code close.timeout}.
 */
@Component(name = ConnectionPoolComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = PoolConfiguration.class, factory = true)
public final class ConnectionPoolComponent {

    /** The factory PID of blocking pools. */
    public static final String FACTORY_PID = "org.genericpool.pool";

    private static final String[] SERVICES = {ConnectionPool.class.getName(), BaseConnectionPool.class.getName()};

    private final PoolLifecycle<ConnectionPool<?, ?>> lifecycle;

    /**
     * Creates and registers the pool, or logs why not.
     *
     * @param context       this bundle's context, to register the pool with
     * @param configuration the typed configuration
     * @param properties    the configuration as a map, for the service properties
     * @param manager       the manager service that {@code manager.target} selects
     */
    @Activate
    public ConnectionPoolComponent(BundleContext context, PoolConfiguration configuration,
                                   Map<String, Object> properties,
                                   @Reference(name = "manager") ConnectionManager<?, ?> manager) {
        ComponentLog log = new ComponentLog(context);
        this.lifecycle = new PoolLifecycle<>(describe(properties), new PoolLifecycle.Host<>() {
            @Override
            public ConnectionPool<?, ?> create(PoolConfig config) {
                return Engine.FACTORY.create(manager, config);
            }

            @Override
            public PoolLifecycle.Registration register(ConnectionPool<?, ?> pool, Map<String, Object> props) {
                return Services.register(context, SERVICES, pool, props);
            }

            @Override
            public void close(ConnectionPool<?, ?> pool, Duration timeout) {
                pool.close(timeout);
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
