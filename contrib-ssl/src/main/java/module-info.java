/** genericpool TLS contrib: blocking and asynchronous TLS connection managers. */
module org.genericpool.contrib.ssl {
    requires transitive org.genericpool;
    requires transitive org.genericpool.contrib.tcp;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.service.metatype.annotations;
    requires static osgi.core;

    exports org.genericpool.contrib.ssl;
}
