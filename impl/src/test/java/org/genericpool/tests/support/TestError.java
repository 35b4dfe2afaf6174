package org.genericpool.tests.support;

/** An {@link Error} scripted into a manager: the pool must pass it on unchanged and clean up as for any failure. */
public class TestError extends Error {
    private static final long serialVersionUID = 1L;

    public TestError(String message) {
        super(message);
    }
}
