package org.genericpool.contrib.tcp.internal.osgi;

import java.util.Map;

import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.ConfiguredManagersComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The blocking and asynchronous managers of one factory configuration {@code org.genericpool.contrib.tcp},
 * registered with its {@code genericpool.manager} and other public properties, or nothing if it
 * is invalid ({@link ConfiguredManagersComponent}). A changed configuration replaces both.
 */
@Component(configurationPid = TcpManagerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = TcpManagerConfig.class, factory = true)
public final class ConfiguredTcpManagers extends ConfiguredManagersComponent {

    /**
     * @param context    this bundle's context
     * @param config     the typed configuration
     * @param properties the configuration as a map
     * @throws IllegalArgumentException naming the property at fault; nothing is registered
     */
    @Activate
    public ConfiguredTcpManagers(BundleContext context, TcpManagerConfig config, Map<String, Object> properties) {
        this(context, properties, TcpConfigs.optionsOrLog(config));
    }

    private ConfiguredTcpManagers(BundleContext context, Map<String, Object> properties, TcpOptions options) {
        super(context, properties, new TcpConnectionManager(options), new AsyncTcpConnectionManager(options));
    }
}
