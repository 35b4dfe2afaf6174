package org.genericpool.contrib.tcp.spi;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The service registrations of one manager factory configuration: its blocking
 * {@link ConnectionManager} and its {@link AsyncConnectionManager}, both carrying the
 * configuration's public properties: those without a leading dot, so {@code genericpool.manager}
 * among them, and {@code service.pid} / {@code service.factoryPid} as DS would give them (both
 * registrations share them). Unlike a DS-registered service they do not carry the component's
 * {@code component.name} / {@code component.id}: the services are the managers', and
 * {@code scr:info} shows the component with no service of its own.
 *
 * <p>Why the contribs' configured-manager components register by hand instead of letting
 * Declarative Services do it: SCR registers a delayed component's service before it constructs
 * the component, so a configuration whose options are invalid would leave a registered manager
 * service whose {@code getService} returns null, and a pool whose {@code manager.target} matches
 * it would fail instead of waiting. A component that first maps (and so validates) its
 * configuration and only then calls {@link #register} registers nothing for an invalid one, as
 * DESIGN.md asks ("nothing is registered for a new one").
 *
 * <p>The managers are registered themselves (no proxy, no service factory), so every consumer
 * shares one instance, as with a DS singleton component. Not thread-safe: SCR activates and
 * deactivates a component one call at a time; {@link #close()} is idempotent.
 */
public final class ManagerServices implements AutoCloseable {

    /** Component and framework properties that a configuration has but its managers' services do not repeat. */
    private static final Set<String> NOT_PROPAGATED = Set.of("component.name", "component.id",
            "objectClass", "service.id", "service.bundleid", "service.scope");

    private final ServiceRegistration<?> blocking;
    private final ServiceRegistration<?> async;
    private final AutoCloseable asyncManager;
    private boolean closed;

    private ManagerServices(ServiceRegistration<?> blocking, ServiceRegistration<?> async, AutoCloseable asyncManager) {
        this.blocking = blocking;
        this.async = async;
        this.asyncManager = asyncManager;
    }

    /**
     * Registers both managers of a configuration.
     *
     * @param context       the registering bundle's context, never null
     * @param configuration the component's properties (its configuration and SCR's), never null
     * @param blocking      the blocking manager, never null
     * @param async         the asynchronous manager, never null; closed by {@link #close()}
     * @param <A>           the asynchronous manager's type
     * @return the registrations, to close on deactivation
     * @throws IllegalStateException if the context is no longer valid (nothing stays registered)
     */
    public static <A extends AsyncConnectionManager<?, ?> & AutoCloseable> ManagerServices register(
            BundleContext context, Map<String, ?> configuration, ConnectionManager<?, ?> blocking, A async) {
        Dictionary<String, Object> properties = serviceProperties(configuration);
        ServiceRegistration<?> b = context.registerService(ConnectionManager.class.getName(), blocking, properties);
        try {
            ServiceRegistration<?> a = context.registerService(AsyncConnectionManager.class.getName(), async, properties);
            return new ManagerServices(b, a, async);
        } catch (RuntimeException e) {
            unregister(b);
            throw e;
        }
    }

    /**
     * @param configuration a component's properties
     * @return the public ones (no leading dot, not SCR's or the framework's), for the managers' services
     */
    static Dictionary<String, Object> serviceProperties(Map<String, ?> configuration) {
        Hashtable<String, Object> out = new Hashtable<>();
        configuration.forEach((key, value) -> {
            if (!key.startsWith(".") && !NOT_PROPAGATED.contains(key) && value != null) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Unregisters both services, then closes the asynchronous manager (its I/O threads and the
     * connections they are watching). Pools that used the managers see them go first and are
     * deactivated by SCR. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        unregister(async);
        unregister(blocking);
        try {
            asyncManager.close();
        } catch (Exception e) {
            System.getLogger(ManagerServices.class.getName()).log(System.Logger.Level.WARNING,
                    "closing an asynchronous manager failed", e);
        }
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
