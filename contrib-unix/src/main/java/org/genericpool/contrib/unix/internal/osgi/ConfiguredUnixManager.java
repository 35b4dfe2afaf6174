package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.unix.UnixConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** A blocking Unix-socket manager per factory configuration {@code org.genericpool.contrib.unix}. */
@Component(service = ConnectionManager.class, configurationPid = UnixManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = UnixManagerConfig.class, factory = true)
public class ConfiguredUnixManager extends UnixConnectionManager {
    /** @param config the factory configuration */
    @Activate
    public ConfiguredUnixManager(UnixManagerConfig config) {
        super(UnixConfigs.optionsOrLog(config));
    }
}
