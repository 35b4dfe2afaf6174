package org.genericpool.impl.flavour;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Helpers that let the async flavour go on inline, without allocating, when a manager returns a
 * stage that is already complete. Stateless.
 */
final class Stages {

    private Stages() {
    }

    /**
     * @param what names the callback for the failure of a null stage, e.g. {@code "AsyncConnectionManager.dispose"}
     * @return the stage the callback returned, or a failed one if the call itself threw or returned null
     */
    static <T> CompletionStage<T> call(String what, Supplier<? extends CompletionStage<T>> call) {
        try {
            return nonNull(call.get(), what);
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }

    /**
     * @param what names the callback for the failure, e.g. {@code "AsyncConnectionManager.create"}
     * @return {@code s}, or if it is null a stage failed with a {@code NullPointerException}: a
     *         null stage is a failure of the callback like a thrown one
     */
    static <T> CompletionStage<T> nonNull(CompletionStage<T> s, String what) {
        return s != null ? s : CompletableFuture.failedFuture(new NullPointerException(what + " returned a null stage"));
    }

    /**
     * @return {@code s} as a completed future if it is one, else null. A JDK minimal stage
     *         ({@code CompletableFuture.completedStage}, {@code failedStage},
     *         {@code minimalCompletionStage()}) is a {@code CompletableFuture} whose {@code isDone}
     *         throws {@code UnsupportedOperationException}: it is read through
     *         {@code toCompletableFuture()}, which is the future itself for any other one and a
     *         copy (complete if it is) for a minimal stage
     */
    static <T> CompletableFuture<T> doneOrNull(CompletionStage<T> s) {
        if (s instanceof CompletableFuture) {
            CompletableFuture<T> f = s.toCompletableFuture();
            if (f.isDone()) {
                return f;
            }
        }
        return null;
    }

    /** @return the failure of a completed future, or null if it succeeded */
    static Throwable failure(CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally()) {
            return null;
        }
        try {
            f.join();
            return null;
        } catch (Throwable t) {
            return Failures.unwrap(t);
        }
    }
}
