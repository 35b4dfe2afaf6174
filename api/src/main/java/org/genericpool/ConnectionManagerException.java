package org.genericpool;

/**
 * Wraps a checked exception thrown by a connection manager; the original is the cause.
 */
public class ConnectionManagerException extends PoolException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without a message. */
    public ConnectionManagerException() {
        super();
    }

    /** @param message what happened */
    public ConnectionManagerException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public ConnectionManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
