package org.genericpool.contrib.tcp.spi;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Deactivate;

/**
 * What the contribs' configured-manager components share: a subclass is an immediate DS
 * component without a service of its own, one per manager factory configuration, whose
 * {@code @Activate} constructor maps (and so validates) the configuration and passes the two
 * managers made from it here, which registers them as {@link ConnectionManager} and
 * {@link AsyncConnectionManager}. Deactivation (the configuration deleted or changed, the bundle
 * stopping) unregisters both and closes the asynchronous one; bnd reads the {@code @Deactivate}
 * method from this class ({@code -dsannotations-options: inherit}).
 *
 * <p>Why by hand instead of letting Declarative Services register the managers: SCR registers a
 * delayed component's service before it constructs the component, so a configuration whose
 * options are invalid would leave a registered manager service whose {@code getService} returns
 * null, and a pool whose {@code manager.target} matches it would fail instead of waiting. Here an
 * invalid configuration throws from the subclass's constructor before anything is registered, as
 * DESIGN.md asks ("nothing is registered for a new one"); SCR logs the failure with its cause and
 * tries again when the configuration changes.
 *
 * <p>Service properties: the configuration's public ones, those without a leading dot, so
 * {@code genericpool.manager} among them, and {@code service.pid} / {@code service.factoryPid} as
 * DS would give them (both registrations share them). Unlike a DS-registered service they do not
 * carry the component's {@code component.name} / {@code component.id}: the services are the
 * managers', and {@code scr:info} shows the component with no service of its own. The managers
 * are registered themselves (no proxy, no service factory), so every consumer shares one instance.
 *
 * <p>Not thread-safe, and need not be: SCR activates and deactivates a component one call at a
 * time; {@link #deactivate()} is idempotent.
 */
public abstract class ConfiguredManagersComponent {

    /** Component and framework properties that a configuration has but its managers' services do not repeat. */
    private static final Set<String> NOT_PROPAGATED = Set.of("component.name", "component.id",
            "objectClass", "service.id", "service.bundleid", "service.scope");

    private final ServiceRegistration<?> blocking;
    private final ServiceRegistration<?> async;
    private final AutoCloseable asyncManager;
    private boolean deactivated;

    /**
     * Registers both managers of a configuration.
     *
     * @param context    the component's bundle context
     * @param properties the component's properties (its configuration and SCR's), for the services' properties
     * @param blocking   the blocking manager made from the configuration
     * @param async      the asynchronous manager made from it; closed on deactivation
     * @param <A>        the asynchronous manager's type
     * @throws IllegalStateException if the bundle context is no longer valid (nothing stays registered)
     */
    protected <A extends AsyncConnectionManager<?, ?> & AutoCloseable> ConfiguredManagersComponent(
            BundleContext context, Map<String, ?> properties, ConnectionManager<?, ?> blocking, A async) {
        Dictionary<String, Object> serviceProperties = serviceProperties(properties);
        this.blocking = context.registerService(ConnectionManager.class.getName(), blocking, serviceProperties);
        try {
            this.async = context.registerService(AsyncConnectionManager.class.getName(), async, serviceProperties);
        } catch (RuntimeException e) {
            unregister(this.blocking);
            throw e;
        }
        this.asyncManager = async;
    }

    /**
     * @param properties a component's properties
     * @return the public ones (no leading dot, not SCR's or the framework's), for the managers' services
     */
    static Dictionary<String, Object> serviceProperties(Map<String, ?> properties) {
        Hashtable<String, Object> out = new Hashtable<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(".") && !NOT_PROPAGATED.contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Unregisters both managers, then closes the asynchronous one (its I/O threads and the
     * connections they watch). Pools that used the managers see them go first and are deactivated
     * by SCR. Idempotent.
     */
    @Deactivate
    public void deactivate() {
        if (deactivated) {
            return;
        }
        deactivated = true;
        unregister(async);
        unregister(blocking);
        try {
            asyncManager.close();
        } catch (Exception e) {
            System.getLogger(ConfiguredManagersComponent.class.getName()).log(System.Logger.Level.WARNING,
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
