package org.genericpool.tests.support;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fake connection made by {@link ScriptedManager}. Told apart by identity, as the pool does;
 * {@link #toString()} reads {@code endpoint:sequence}, like the Python suite's {@code MockConnection}.
 */
public class TestConnection {
    private final Integer endpoint;
    private final long id;
    /** Read by the manager's aliveness check; a test sets it to {@code false} to make the connection dead. */
    public volatile boolean alive = true;
    /** Set by tests (and the stress harness) while they hold the connection: two holders at once is a bug. */
    public final AtomicBoolean inUse = new AtomicBoolean();
    private final AtomicBoolean disposed = new AtomicBoolean();
    /** Manager callbacks (aliveness, hooks) in progress on this connection; dispose must not overlap them. */
    final java.util.concurrent.atomic.AtomicInteger inCallback = new java.util.concurrent.atomic.AtomicInteger();

    TestConnection(Integer endpoint, long id) {
        this.endpoint = endpoint;
        this.id = id;
    }

    /**
     * A connection equal to every other {@code Equal} one (same hash code): the pool must still
     * tell them apart, by identity.
     */
    static final class Equal extends TestConnection {
        Equal(Integer endpoint, long id) {
            super(endpoint, id);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Equal;
        }

        @Override
        public int hashCode() {
            return 42;
        }
    }

    /** Not created by any manager: for "foreign connection" tests. */
    public static TestConnection foreign(Integer endpoint) {
        return new TestConnection(endpoint, -1);
    }

    public Integer endpoint() {
        return endpoint;
    }

    public long id() {
        return id;
    }

    /** @return how many manager callbacks (aliveness, hooks) run on this connection now */
    public int callbacksInProgress() {
        return inCallback.get();
    }

    /** @return whether the manager's {@code dispose} has been called for this connection */
    public boolean isDisposed() {
        return disposed.get();
    }

    /** @return true the first time, false if the connection was disposed already */
    boolean markDisposed() {
        return disposed.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return endpoint + ":" + id;
    }
}
