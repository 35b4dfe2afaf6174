package org.genericpool.impl.flavour;

import org.genericpool.ConnectionPool;
import org.genericpool.Lease;

/** The {@link Lease} of the blocking pool: releases (or discards) its connection once. Not thread-safe. */
final class PooledLease<E, C> implements Lease<E, C> {
    private final ConnectionPool<E, C> pool;
    private final E endpoint;
    private final C connection;
    private boolean discard;
    private boolean closed;

    PooledLease(ConnectionPool<E, C> pool, E endpoint, C connection) {
        this.pool = pool;
        this.endpoint = endpoint;
        this.connection = connection;
    }

    @Override
    public E endpoint() {
        return endpoint;
    }

    @Override
    public C connection() {
        return connection;
    }

    @Override
    public void discard() {
        discard = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (discard) {
            pool.discard(endpoint, connection);
        } else {
            pool.release(endpoint, connection);
        }
    }

    @Override
    public String toString() {
        return "Lease[" + endpoint + ", " + connection + (closed ? ", closed" : "") + "]";
    }
}
