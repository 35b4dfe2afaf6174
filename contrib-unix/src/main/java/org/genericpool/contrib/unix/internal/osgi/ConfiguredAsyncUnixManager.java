package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/** The asynchronous Unix-socket manager of each factory configuration {@code org.genericpool.contrib.unix}. */
@Component(service = AsyncConnectionManager.class, configurationPid = UnixManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredAsyncUnixManager extends AsyncUnixConnectionManager {
    /** @param config the factory configuration */
    @Activate
    public ConfiguredAsyncUnixManager(UnixManagerConfig config) {
        super(UnixConfigs.optionsOrLog(config));
    }

    /** Stops the I/O threads and closes connections still open. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
