package org.genericpool.contrib.unix.internal.osgi;

import java.util.Map;

import org.genericpool.contrib.unix.UnixConnectionManager;
import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.genericpool.contrib.unix.UnixOptions;
import org.genericpool.contrib.tcp.spi.ManagerServices;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The managers of one factory configuration {@code org.genericpool.contrib.unix}: a blocking {@link UnixConnectionManager}
 * and an {@link AsyncUnixConnectionManager} with the configured options, registered as
 * {@code ConnectionManager} and {@code AsyncConnectionManager} with the configuration's
 * {@code genericpool.manager} and other public properties. A change of configuration replaces
 * both (options are identity; there is no {@code @Modified}). An invalid configuration is logged
 * with the property at fault and registers nothing ({@link ManagerServices} says why the
 * component registers by hand).
 */
@Component(configurationPid = UnixManagerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = UnixManagerConfig.class, factory = true)
public final class ConfiguredUnixManagers {

    private final ManagerServices services;

    /**
     * Maps the configuration, then registers its managers.
     *
     * @param context       this bundle's context, to register the managers with
     * @param config        the typed configuration
     * @param properties    the configuration as a map, for the service properties
     * @throws IllegalArgumentException naming the property at fault; nothing is registered
     */
    @Activate
    public ConfiguredUnixManagers(BundleContext context, UnixManagerConfig config, Map<String, Object> properties) {
        UnixOptions options = UnixConfigs.optionsOrLog(config);
        services = ManagerServices.register(context, properties, new UnixConnectionManager(options),
                new AsyncUnixConnectionManager(options));
    }

    /** Unregisters both managers and closes the asynchronous one. */
    @Deactivate
    void deactivate() {
        services.close();
    }
}
