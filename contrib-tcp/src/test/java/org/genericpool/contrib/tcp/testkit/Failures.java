package org.genericpool.contrib.tcp.testkit;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Cause-chain helpers for assertions. */
public final class Failures {

    private Failures() {
    }

    /** @return the first throwable in the cause chain of {@code t} that is a {@code type}, or null */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    /** @return {@code t} without {@link CompletionException} / {@link ExecutionException} wrappers */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
