package org.genericpool.impl.flavour;

import java.util.concurrent.CompletableFuture;

/**
 * A future completed with {@code null} that no caller can complete again: one instance serves
 * every release that finishes at once, so such a release allocates nothing.
 */
final class DoneFuture extends CompletableFuture<Void> {

    static final DoneFuture INSTANCE = new DoneFuture();

    private DoneFuture() {
        super.complete(null);
    }

    @Override
    public boolean complete(Void value) {
        return false;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        return false;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public void obtrudeValue(Void value) {
        throw new UnsupportedOperationException("a shared completed future");
    }

    @Override
    public void obtrudeException(Throwable ex) {
        throw new UnsupportedOperationException("a shared completed future");
    }
}
