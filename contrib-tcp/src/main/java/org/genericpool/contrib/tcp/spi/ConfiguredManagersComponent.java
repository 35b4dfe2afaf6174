package org.genericpool.contrib.tcp.spi;

import java.util.Map;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Deactivate;

/**
 * What the contribs' configured-manager components share: a subclass is an immediate DS
 * component without a service of its own, one per manager factory configuration, whose
 * {@code @Activate} constructor maps (and so validates) the configuration and passes the two
 * managers made from it here; they are registered through {@link ManagerServices}, which says
 * why by hand. An invalid configuration throws from the constructor, before anything is
 * registered; SCR logs the failure with its cause and tries again when the configuration
 * changes. Deactivation (the configuration deleted or changed, the bundle stopping) unregisters
 * both managers and closes the asynchronous one; bnd reads the {@code @Deactivate} method from
 * this class ({@code -dsannotations-options: inherit}).
 *
 * <p>Not thread-safe, and need not be: SCR activates and deactivates a component one call at a time.
 */
public abstract class ConfiguredManagersComponent {

    private final ManagerServices services;

    /**
     * Registers both managers of a configuration.
     *
     * @param context    the component's bundle context
     * @param properties the component's properties, for the services' properties
     * @param blocking   the blocking manager made from the configuration
     * @param async      the asynchronous manager made from it
     * @param <A>        the asynchronous manager's type
     * @throws IllegalStateException if the bundle context is no longer valid (nothing stays registered)
     */
    protected <A extends AsyncConnectionManager<?, ?> & AutoCloseable> ConfiguredManagersComponent(
            BundleContext context, Map<String, ?> properties, ConnectionManager<?, ?> blocking, A async) {
        this.services = ManagerServices.register(context, properties, blocking, async);
    }

    /** Unregisters both managers and closes the asynchronous one. */
    @Deactivate
    public void deactivate() {
        services.close();
    }
}
