package org.genericpool.contrib.ssl.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.ssl.AsyncSslConnectionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The default asynchronous TLS manager service, {@code genericpool.manager=ssl}. */
@Component(service = AsyncConnectionManager.class, property = "genericpool.manager=ssl")
public class DefaultAsyncSslManager extends AsyncSslConnectionManager {
    /** Default options, {@code SSLContext.getDefault()}. */
    public DefaultAsyncSslManager() {
        super();
    }

    /** Stops the I/O threads and closes the connections they are watching; see {@link #close()}. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
