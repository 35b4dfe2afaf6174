package org.genericpool.impl.flavour;

import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManagerException;

/**
 * How failures of a connection manager reach callers: unchecked exceptions unchanged, checked
 * ones wrapped in {@link ConnectionManagerException} with the cause kept, and a timeout of
 * {@code create} as {@link AcquireTimeoutException}. Stateless.
 */
final class Failures {

    private Failures() {
    }

    /** @return {@code t} without the wrappers a {@code CompletableFuture} adds */
    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** @return {@link #unwrap}ped {@code t}, or null for null */
    static Throwable unwrapOrNull(Throwable t) {
        return t == null ? null : unwrap(t);
    }

    /**
     * @return what a caller should see for a failure of the manager's {@code what} callback: an
     *         {@link Error} or an unchecked exception unchanged, a checked one wrapped. Never
     *         throws, so that a caller's clean-up after it always runs; throw the result with
     *         {@link #unchecked}
     */
    static Throwable of(Throwable t, String what, Object endpoint) {
        t = unwrap(t);
        if (t instanceof Error || t instanceof RuntimeException) {
            return t;
        }
        return new ConnectionManagerException(what + " of endpoint " + endpoint + " failed: " + t, t);
    }

    /** Like {@link #of} for {@code create}, whose timeouts become {@link AcquireTimeoutException}. */
    static Throwable ofCreate(Throwable t, Object endpoint) {
        Throwable u = unwrap(t);
        if (isTimeout(u)) {
            return new AcquireTimeoutException("creating a connection to " + endpoint + " timed out: " + u, u);
        }
        return of(u, "create", endpoint);
    }

    /**
     * Like {@link #of}, for a callback that ran on the caller's own thread (the blocking
     * flavour): an {@link InterruptedException} cleared the thread's interrupt status, so it is
     * set again before the failure is wrapped, and the caller can still see it.
     */
    static Throwable onCaller(Throwable t, String what, Object endpoint) {
        restoreInterrupt(t);
        return of(t, what, endpoint);
    }

    /** {@link #onCaller} for {@code create}. */
    static Throwable onCallerCreate(Throwable t, Object endpoint) {
        restoreInterrupt(t);
        return ofCreate(t, endpoint);
    }

    /**
     * For {@code throw Failures.unchecked(f)} with an {@link #of} result: throws an {@link Error}
     * itself, returns an unchecked exception.
     */
    static RuntimeException unchecked(Throwable f) {
        if (f instanceof Error) {
            throw (Error) f;
        }
        return (RuntimeException) f;
    }

    private static void restoreInterrupt(Throwable t) {
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof SocketTimeoutException || t instanceof TimeoutException;
    }

    static AcquireTimeoutException timeout(Object endpoint, String poolName) {
        return new AcquireTimeoutException("no connection to " + endpoint + " within the acquire timeout (pool "
                + poolName + ")");
    }

}
