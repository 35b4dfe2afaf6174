package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The default asynchronous TCP manager service, {@code genericpool.manager=tcp}; stops its I/O thread on deactivation. */
@Component(service = AsyncConnectionManager.class, property = "genericpool.manager=tcp")
public class DefaultAsyncTcpManager extends AsyncTcpConnectionManager {
    /** Default options. */
    public DefaultAsyncTcpManager() {
        super();
    }

    /** Stops the I/O threads and closes the connections they are watching; see {@link #close()}. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
