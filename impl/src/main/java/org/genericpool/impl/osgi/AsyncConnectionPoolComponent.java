package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.genericpool.BaseConnectionPool;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
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
 * gone, bundle stopping) unregisters the service and closes the pool within {@code close.timeout}.
 */
@Component(name = AsyncConnectionPoolComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = PoolConfiguration.class, factory = true)
public final class AsyncConnectionPoolComponent {

    /** The factory PID of asynchronous pools. */
    public static final String FACTORY_PID = "org.genericpool.asyncpool";

    /** How much longer than {@code close.timeout} deactivation waits for the close to complete. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final String[] SERVICES = {AsyncConnectionPool.class.getName(), BaseConnectionPool.class.getName()};

    private final PoolLifecycle<AsyncConnectionPool<?, ?>> lifecycle;

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
        ComponentLog log = new ComponentLog(context);
        this.lifecycle = new PoolLifecycle<>(ConnectionPoolComponent.describe(properties), new PoolLifecycle.Host<>() {
            @Override
            public AsyncConnectionPool<?, ?> create(PoolConfig config) {
                return Engine.FACTORY.createAsync(manager, config);
            }

            @Override
            public PoolLifecycle.Registration register(AsyncConnectionPool<?, ?> pool, Map<String, Object> props) {
                return Services.register(context, SERVICES, pool, props);
            }

            @Override
            public void close(AsyncConnectionPool<?, ?> pool, Duration timeout) {
                awaitClose(pool, timeout, log);
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
