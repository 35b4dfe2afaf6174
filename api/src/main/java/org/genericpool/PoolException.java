package org.genericpool;

/**
 * Base of the pool's failure exceptions (timeout, closed, manager failure); misuse is reported
 * with the standard {@link IllegalStateException}, {@link IllegalArgumentException} and
 * {@link NullPointerException}.
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
