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

    /** @return what a caller should see for a failure of the manager's {@code what} callback */
    static RuntimeException of(Throwable t, String what, Object endpoint) {
        t = unwrap(t);
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t instanceof RuntimeException) {
            return (RuntimeException) t;
        }
        return new ConnectionManagerException(what + " of endpoint " + endpoint + " failed: " + t, t);
    }

    /** Like {@link #of} for {@code create}, whose timeouts become {@link AcquireTimeoutException}. */
    static RuntimeException ofCreate(Throwable t, Object endpoint) {
        Throwable u = unwrap(t);
        if (isTimeout(u)) {
            return new AcquireTimeoutException("creating a connection to " + endpoint + " timed out: " + u, u);
        }
        return of(u, "create", endpoint);
    }

    static boolean isTimeout(Throwable t) {
        return t instanceof SocketTimeoutException || t instanceof TimeoutException;
    }

    static AcquireTimeoutException timeout(Object endpoint, String poolName) {
        return new AcquireTimeoutException("no connection to " + endpoint + " within the acquire timeout (pool "
                + poolName + ")");
    }

}
