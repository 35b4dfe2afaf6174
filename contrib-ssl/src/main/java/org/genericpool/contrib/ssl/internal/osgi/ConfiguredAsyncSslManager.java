package org.genericpool.contrib.ssl.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.ssl.AsyncSslConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/** The asynchronous TLS manager of each factory configuration {@code org.genericpool.contrib.ssl}. */
@Component(service = AsyncConnectionManager.class, configurationPid = SslManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredAsyncSslManager extends AsyncSslConnectionManager {
    /** @param config the factory configuration */
    @Activate
    public ConfiguredAsyncSslManager(SslManagerConfig config) {
        super(SslConfigs.optionsOrLog(config));
    }

    /** Stops the I/O threads and closes connections still open. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
