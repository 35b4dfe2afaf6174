package org.genericpool.impl.osgi;

import java.util.Map;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
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
 * gone, bundle stopping) unregisters the service and closes the pool within {@code close.timeout}
 * (the machinery is {@link PoolComponent}'s, shared with the async component).
 */
@Component(name = ConnectionPoolComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = PoolConfiguration.class, factory = true)
public final class ConnectionPoolComponent extends PoolComponent<ConnectionPool<?, ?>> {

    /** The factory PID of blocking pools. */
    public static final String FACTORY_PID = "org.genericpool.pool";

    private static final String[] SERVICES = {ConnectionPool.class.getName(), BaseConnectionPool.class.getName()};

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
        super(context, configuration, properties, SERVICES, config -> Engine.FACTORY.create(manager, config),
                (pool, timeout, log) -> pool.close(timeout));
    }
}
