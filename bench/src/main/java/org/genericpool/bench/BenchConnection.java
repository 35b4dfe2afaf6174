package org.genericpool.bench;

import java.util.concurrent.atomic.AtomicBoolean;

/** A trivial connection: it only knows its endpoint and whether it was disposed. */
public final class BenchConnection {

    private final Endpoint endpoint;
    private final AtomicBoolean disposed = new AtomicBoolean();

    BenchConnection(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** @return the endpoint this connection was created for */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** @return true the first time only */
    boolean markDisposed() {
        return disposed.compareAndSet(false, true);
    }

    /** @return whether {@link Connections#dispose} was called for this connection */
    public boolean isDisposed() {
        return disposed.get();
    }
}
