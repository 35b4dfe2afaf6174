package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.osgi.service.component.annotations.Component;

/** The default blocking TCP manager service, {@code genericpool.manager=tcp}, with default options. */
@Component(service = ConnectionManager.class, property = "genericpool.manager=tcp")
public class DefaultTcpManager extends TcpConnectionManager {
    /** Default options. */
    public DefaultTcpManager() {
        super();
    }
}
