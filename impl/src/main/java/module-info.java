/**
 * The genericpool engine: blocking and asynchronous pools on one shared core, and their JMX
 * view. Exports nothing; provides {@link org.genericpool.ConnectionPoolFactory}.
 */
module org.genericpool.impl {
    requires transitive org.genericpool;
    requires java.management;
    requires static osgi.annotation;

    provides org.genericpool.ConnectionPoolFactory with org.genericpool.impl.DefaultConnectionPoolFactory;
}
