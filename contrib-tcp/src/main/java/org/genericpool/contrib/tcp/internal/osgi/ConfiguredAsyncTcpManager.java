package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;

/** The asynchronous TCP manager of each factory configuration {@code org.genericpool.contrib.tcp}. */
@Component(service = AsyncConnectionManager.class, configurationPid = TcpManagerConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredAsyncTcpManager extends AsyncTcpConnectionManager {

    /** @param config the factory configuration */
    @Activate
    public ConfiguredAsyncTcpManager(TcpManagerConfig config) {
        super(TcpConfigs.optionsOrLog(config));
    }

    /** Stops the I/O threads and closes connections still open. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
