/** genericpool Unix-socket contrib: blocking and asynchronous Unix-domain-socket connection managers. */
module org.genericpool.contrib.unix {
    requires transitive org.genericpool;
    // transitive: the managers' and options' public superclasses are in org.genericpool.contrib.tcp.spi
    requires transitive org.genericpool.contrib.tcp;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.service.metatype.annotations;
    requires static osgi.core;

    exports org.genericpool.contrib.unix;
}
