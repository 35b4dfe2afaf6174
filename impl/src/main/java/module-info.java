/**
 * The genericpool engine: blocking and asynchronous pools on one shared core, and their JMX
 * view. Exports nothing; provides {@link org.genericpool.ConnectionPoolFactory}.
 */
module org.genericpool.impl {
    requires transitive org.genericpool;
    requires java.management;
    requires static osgi.annotation;
    // OSGi components (package org.genericpool.impl.osgi): compile-time only, never loaded on the module path
    requires static osgi.core;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.service.metatype.annotations;

    provides org.genericpool.ConnectionPoolFactory with org.genericpool.impl.DefaultConnectionPoolFactory;
}
