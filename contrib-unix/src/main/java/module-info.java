/** genericpool Unix-socket contrib: blocking and asynchronous Unix-domain-socket connection managers. */
module org.genericpool.contrib.unix {
    requires transitive org.genericpool;
    requires org.genericpool.contrib.tcp;
    requires static osgi.annotation;
    requires static org.osgi.service.component.annotations;
    requires static org.osgi.service.metatype.annotations;

    exports org.genericpool.contrib.unix;
}
