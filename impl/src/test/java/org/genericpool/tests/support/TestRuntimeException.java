package org.genericpool.tests.support;

/** An unchecked failure scripted into a manager: the pool must pass it on unchanged. */
public class TestRuntimeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TestRuntimeException(String message) {
        super(message);
    }
}
