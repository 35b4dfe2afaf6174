/**
 * A plain JPMS application using genericpool: it requires only the API module; the engine
 * ({@code org.genericpool.impl}) is found through {@link java.util.ServiceLoader}.
 */
module org.genericpool.jpmstest {
    requires org.genericpool;
}
