/**
 * genericpool TCP contrib: blocking and asynchronous TCP connection managers, and the
 * non-blocking channel machinery the TLS and Unix-socket contribs reuse.
 */
module org.genericpool.contrib.tcp {
    requires transitive org.genericpool;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.service.metatype.annotations;
    requires static osgi.core;

    exports org.genericpool.contrib.tcp;
    exports org.genericpool.contrib.tcp.spi;
    // org.genericpool.contrib.tcp.internal.osgi holds the OSGi components and their config mapping; not exported.
}
