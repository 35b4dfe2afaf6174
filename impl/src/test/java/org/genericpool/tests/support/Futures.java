package org.genericpool.tests.support;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waiting on futures with the failure unwrapped, so tests see the pool's own exception types. */
public final class Futures {
    private Futures() {
    }

    /** Waits at most {@link Waits#LONG}; rethrows the failure the future completed with. */
    public static <T> T get(Future<T> future) throws Exception {
        try {
            return future.get(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new AssertionError("future not completed within " + Waits.LONG + ": " + future);
        }
    }

    /** @return the innermost cause below any {@code ExecutionException}/{@code CompletionException}; rethrows an Error */
    public static Exception unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return (Exception) t;
    }
}
