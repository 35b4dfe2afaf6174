package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A blocking TCP manager per factory configuration {@code org.genericpool.contrib.tcp}; its
 * service carries the configuration's {@code genericpool.manager}. A change of configuration
 * replaces the component (options are identity). An invalid configuration is logged and
 * nothing is registered.
 */
@Component(service = ConnectionManager.class, configurationPid = TcpManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TcpManagerConfig.class, factory = true)
public class ConfiguredTcpManager extends TcpConnectionManager {

    /** @param config the factory configuration */
    @Activate
    public ConfiguredTcpManager(TcpManagerConfig config) {
        super(TcpConfigs.optionsOrLog(config));
    }
}
