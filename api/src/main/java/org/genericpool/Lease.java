package org.genericpool;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One leased connection, for try-with-resources. Not thread-safe: it belongs to the thread that
 * acquired it (it may be handed to another thread with proper publication).
 *
 * @param <E> the endpoint type
 * @param <C> the connection type
 */
@ProviderType
public interface Lease<E, C> extends AutoCloseable {

    /** @return the endpoint the connection belongs to */
    E endpoint();

    /** @return the leased connection */
    C connection();

    /** Marks the connection broken: {@link #close()} will dispose it instead of returning it. */
    void discard();

    /**
     * Returns the connection to the pool (or disposes it after {@link #discard()}). A second call
     * does nothing. Failures of the manager's hooks propagate as described on
     * {@link ConnectionPool#release}; after {@link #discard()}, a failing dispose is thrown as by
     * {@link ConnectionPool#discard}.
     */
    @Override
    void close();
}
