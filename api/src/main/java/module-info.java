/**
 * The public API of genericpool: a keyed connection pool for many endpoints and any kind of
 * connection. Implementations are found with {@link java.util.ServiceLoader} through
 * {@link org.genericpool.ConnectionPoolFactory}.
 */
module org.genericpool {
    requires static osgi.annotation;
    requires transitive java.management;

    exports org.genericpool;
    exports org.genericpool.async;
    exports org.genericpool.management;

    uses org.genericpool.ConnectionPoolFactory;
}
