package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The default asynchronous Unix-socket manager service, {@code genericpool.manager=unix}. */
@Component(service = AsyncConnectionManager.class, property = "genericpool.manager=unix")
public class DefaultAsyncUnixManager extends AsyncUnixConnectionManager {
    /** Default options. */
    public DefaultAsyncUnixManager() {
        super();
    }

    /** Stops the I/O threads and closes the connections they are watching; see {@link #close()}. */
    @Deactivate
    public void deactivate() {
        close();
    }
}
