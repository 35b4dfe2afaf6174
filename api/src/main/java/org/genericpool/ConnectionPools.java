package org.genericpool;

import java.util.Objects;
import java.util.ServiceLoader;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;

/**
 * The plain-Java entry point: finds a {@link ConnectionPoolFactory} with {@link ServiceLoader}
 * (on the class path or the module path) and creates pools with it. Thread-safe.
 */
public final class ConnectionPools {

    /** The factory found by the first successful {@link #factory()}; null before. */
    private static volatile ConnectionPoolFactory factory;

    private ConnectionPools() {
    }

    /**
     * Creates a blocking pool with the default configuration (and so a fresh name).
     *
     * @throws NullPointerException  if {@code manager} is null
     * @throws IllegalStateException if no implementation is on the class or module path
     */
    public static <E, C> ConnectionPool<E, C> create(ConnectionManager<E, C> manager) {
        return create(manager, PoolConfig.defaults());
    }

    /**
     * Creates a blocking pool.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if no implementation is on the class or module path
     * @throws IllegalArgumentException if an open pool already has the config's name
     */
    public static <E, C> ConnectionPool<E, C> create(ConnectionManager<E, C> manager, PoolConfig config) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(config, "config");
        return factory().create(manager, config);
    }

    /**
     * Creates an asynchronous pool.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if no implementation is on the class or module path
     * @throws IllegalArgumentException if an open pool already has the config's name
     */
    public static <E, C> AsyncConnectionPool<E, C> createAsync(AsyncConnectionManager<E, C> manager, PoolConfig config) {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(config, "config");
        return factory().createAsync(manager, config);
    }

    /**
     * @return the first {@link ConnectionPoolFactory} that {@link ServiceLoader} finds, looked up
     *         on first use and kept
     * @throws IllegalStateException if there is none; every call looks again, so a factory that
     *         turns up later (an implementation added to a running class loader) is still found
     */
    public static ConnectionPoolFactory factory() {
        ConnectionPoolFactory f = factory;
        if (f != null) {
            return f;
        }
        synchronized (ConnectionPools.class) {
            if (factory == null) {
                factory = load(); // kept only once found: a failed lookup is no lasting error
            }
            return factory;
        }
    }

    private static ConnectionPoolFactory load() {
        ServiceLoader<ConnectionPoolFactory> loader =
                ServiceLoader.load(ConnectionPoolFactory.class, ConnectionPools.class.getClassLoader());
        for (ConnectionPoolFactory f : loader) {
            return f;
        }
        throw new IllegalStateException("no ConnectionPoolFactory found: put genericpool-impl "
                + "(module org.genericpool.impl) on the class path or module path");
    }
}
