package org.genericpool;

/**
 * Thrown by an acquire on a closed pool, to callers that were waiting when it closed, and by
 * {@link BaseConnectionPool#reconfigure} on a closed pool.
 */
public class ConnectionPoolClosedException extends PoolException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without a message. */
    public ConnectionPoolClosedException() {
        super();
    }

    /** @param message what happened */
    public ConnectionPoolClosedException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public ConnectionPoolClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
