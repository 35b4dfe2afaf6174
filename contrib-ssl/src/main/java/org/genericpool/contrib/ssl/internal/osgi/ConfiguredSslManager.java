package org.genericpool.contrib.ssl.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.ssl.SslConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** A blocking TLS manager per factory configuration {@code org.genericpool.contrib.ssl}. */
@Component(service = ConnectionManager.class, configurationPid = SslManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SslManagerConfig.class, factory = true)
public class ConfiguredSslManager extends SslConnectionManager {
    /** @param config the factory configuration */
    @Activate
    public ConfiguredSslManager(SslManagerConfig config) {
        super(SslConfigs.optionsOrLog(config));
    }
}
