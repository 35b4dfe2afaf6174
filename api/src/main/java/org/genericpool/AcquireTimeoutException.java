package org.genericpool;

/**
 * Thrown when an acquire's deadline passed before a connection could be handed out; also when the manager's {@code create} timed out (cause kept).
 */
public class AcquireTimeoutException extends PoolException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception without a message. */
    public AcquireTimeoutException() {
        super();
    }

    /** @param message what happened */
    public AcquireTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public AcquireTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
