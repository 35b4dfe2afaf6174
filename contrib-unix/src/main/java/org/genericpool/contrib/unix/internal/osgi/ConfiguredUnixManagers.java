package org.genericpool.contrib.unix.internal.osgi;

import java.util.Map;

import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.genericpool.contrib.unix.UnixConnectionManager;
import org.genericpool.contrib.unix.UnixOptions;
import org.genericpool.contrib.tcp.spi.ConfiguredManagersComponent;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The blocking and asynchronous managers of one factory configuration {@code org.genericpool.contrib.unix},
 * registered with its {@code genericpool.manager} and other public properties, or nothing if it
 * is invalid ({@link ConfiguredManagersComponent}). A changed configuration replaces both.
 */
@Component(configurationPid = UnixManagerConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {}, immediate = true)
@Designate(ocd = UnixManagerConfig.class, factory = true)
public final class ConfiguredUnixManagers extends ConfiguredManagersComponent {

    /**
     * @param context    this bundle's context
     * @param config     the typed configuration
     * @param properties the configuration as a map
     * @throws IllegalArgumentException naming the property at fault; nothing is registered
     */
    @Activate
    public ConfiguredUnixManagers(BundleContext context, UnixManagerConfig config, Map<String, Object> properties) {
        this(context, properties, UnixConfigs.optionsOrLog(config));
    }

    private ConfiguredUnixManagers(BundleContext context, Map<String, Object> properties, UnixOptions options) {
        super(context, properties, new UnixConnectionManager(options), new AsyncUnixConnectionManager(options));
    }
}
