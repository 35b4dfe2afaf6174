package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.unix.UnixConnectionManager;
import org.osgi.service.component.annotations.Component;

/** The default blocking Unix-socket manager service, {@code genericpool.manager=unix}. */
@Component(service = ConnectionManager.class, property = "genericpool.manager=unix")
public class DefaultUnixManager extends UnixConnectionManager {
    /** Default options. */
    public DefaultUnixManager() {
        super();
    }
}
