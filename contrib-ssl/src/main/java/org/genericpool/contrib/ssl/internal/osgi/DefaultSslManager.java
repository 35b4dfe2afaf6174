package org.genericpool.contrib.ssl.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.ssl.SslConnectionManager;
import org.osgi.service.component.annotations.Component;

/** The default blocking TLS manager service, {@code genericpool.manager=ssl}: the JDK's default context. */
@Component(service = ConnectionManager.class, property = "genericpool.manager=ssl")
public class DefaultSslManager extends SslConnectionManager {
    /** Default options, {@code SSLContext.getDefault()}. */
    public DefaultSslManager() {
        super();
    }
}
