package org.genericpool.contrib.ssl.internal.osgi;

import java.util.Map;

import org.genericpool.contrib.ssl.AsyncSslConnectionManager;
import org.genericpool.contrib.ssl.SslConnectionManager;
import org.genericpool.contrib.ssl.SslOptions;
import org.genericpool.contrib.tcp.spi.ConfiguredManagersComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The blocking and asynchronous managers of one factory configuration {@code org.genericpool.contrib.ssl},
 * registered with its {@code genericpool.manager} and other public properties, or nothing if it
 * is invalid ({@link ConfiguredManagersComponent}). A changed configuration replaces both.
 */
@Component(configurationPid = SslManagerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = SslManagerConfig.class, factory = true)
public final class ConfiguredSslManagers extends ConfiguredManagersComponent {

    /**
     * @param context    this bundle's context
     * @param config     the typed configuration
     * @param properties the configuration as a map
     * @throws IllegalArgumentException naming the property at fault; nothing is registered
     */
    @Activate
    public ConfiguredSslManagers(BundleContext context, SslManagerConfig config, Map<String, Object> properties) {
        this(context, properties, SslConfigs.optionsOrLog(config));
    }

    private ConfiguredSslManagers(BundleContext context, Map<String, Object> properties, SslOptions options) {
        super(context, properties, new SslConnectionManager(options), new AsyncSslConnectionManager(options));
    }
}
