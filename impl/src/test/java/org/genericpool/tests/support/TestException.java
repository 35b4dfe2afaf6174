package org.genericpool.tests.support;

/** A checked failure scripted into a manager: the pool must wrap it in {@code ConnectionManagerException}. */
public class TestException extends Exception {
    private static final long serialVersionUID = 1L;

    public TestException(String message) {
        super(message);
    }
}
