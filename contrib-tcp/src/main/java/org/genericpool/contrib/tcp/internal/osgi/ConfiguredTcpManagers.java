package org.genericpool.contrib.tcp.internal.osgi;

import java.util.Map;

import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.ManagerServices;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The managers of one factory configuration {@code org.genericpool.contrib.tcp}: a blocking {@link TcpConnectionManager}
 * and an {@link AsyncTcpConnectionManager} with the configured options, registered as
 * {@code ConnectionManager} and {@code AsyncConnectionManager} with the configuration's
 * {@code genericpool.manager} and other public properties. A change of configuration replaces
 * both (options are identity; there is no {@code @Modified}). An invalid configuration is logged
 * with the property at fault and registers nothing ({@link ManagerServices} says why the
 * component registers by hand).
 */
@Component(configurationPid = TcpManagerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = TcpManagerConfig.class, factory = true)
public final class ConfiguredTcpManagers {

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
    public ConfiguredTcpManagers(BundleContext context, TcpManagerConfig config, Map<String, Object> properties) {
        TcpOptions options = TcpConfigs.optionsOrLog(config);
        services = ManagerServices.register(context, properties, new TcpConnectionManager(options),
                new AsyncTcpConnectionManager(options));
    }

    /** Unregisters both managers and closes the asynchronous one. */
    @Deactivate
    void deactivate() {
        services.close();
    }
}
