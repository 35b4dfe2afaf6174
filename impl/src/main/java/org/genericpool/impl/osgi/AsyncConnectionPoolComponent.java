package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.genericpool.BaseConnectionPool;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One asynchronous pool per factory configuration of {@value #FACTORY_PID}, using the
 * {@link AsyncConnectionManager} service that {@code manager.target} selects.
 *
 * <p>The component provides no service itself: it registers the engine's pool object directly
 * (as {@link AsyncConnectionPool} and {@link BaseConnectionPool}, with {@code pool.name} and the
 * configuration's other public properties), so a consumer calls the engine with no proxy in
 * between, and an invalid first configuration registers nothing. {@link PoolLifecycle} decides
 * between reconfiguring and replacing on updates; deactivation (configuration deleted, manager
 * gone, bundle stopping) unregisters the service and closes the pool within {@code close.timeout}
 * (the machinery is {@link PoolComponent}'s, shared with the blocking component).
 */
@Component(name = AsyncConnectionPoolComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = PoolConfiguration.class, factory = true)
public final class AsyncConnectionPoolComponent extends PoolComponent<AsyncConnectionPool<?, ?>> {

    /** The factory PID of asynchronous pools. */
    public static final String FACTORY_PID = "org.genericpool.asyncpool";

    /** How much longer than {@code close.timeout} deactivation waits for the close to complete. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final String[] SERVICES = {AsyncConnectionPool.class.getName(), BaseConnectionPool.class.getName()};

    /**
     * Creates and registers the pool, or logs why not.
     *
     * @param context       this bundle's context, to register the pool with
     * @param configuration the typed configuration
     * @param properties    the configuration as a map, for the service properties
     * @param manager       the manager service that {@code manager.target} selects
     */
    @Activate
    public AsyncConnectionPoolComponent(BundleContext context, PoolConfiguration configuration,
                                   Map<String, Object> properties,
                                   @Reference(name = "manager") AsyncConnectionManager<?, ?> manager) {
        super(context, configuration, properties, SERVICES, config -> Engine.FACTORY.createAsync(manager, config),
                AsyncConnectionPoolComponent::awaitClose);
    }

    /** Closes {@code pool} and waits a little longer than {@code timeout} for it, so SCR's thread is never held forever. */
    private static void awaitClose(AsyncConnectionPool<?, ?> pool, Duration timeout, ComponentLog log) {
        try {
            pool.closeAsync(timeout).get(timeout.plus(CLOSE_GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.error("closing async pool " + pool.config().name() + " did not complete: " + e, e);
        }
    }
}
