package org.genericpool.impl.osgi;

import org.genericpool.ConnectionPoolFactory;
import org.genericpool.impl.DefaultConnectionPoolFactory;

/** The engine's factory that every component of this package creates pools with. */
final class Engine {

    /** Shared and stateless: pools register and unregister their own MXBeans. */
    static final ConnectionPoolFactory FACTORY = new DefaultConnectionPoolFactory();

    private Engine() {
    }
}
