/**
 * A plain JPMS application using genericpool: it requires the API and the TCP contrib; the engine
 * ({@code org.genericpool.impl}) is found through {@link java.util.ServiceLoader}.
 */
module org.genericpool.jpmstest {
    requires org.genericpool;
    requires org.genericpool.contrib.tcp;
}
