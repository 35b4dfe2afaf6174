package org.genericpool;

/**
 * The base of every exception the pool throws itself.
 */
public class PoolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without a message. */
    public PoolException() {
        super();
    }

    /** @param message what happened */
    public PoolException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
