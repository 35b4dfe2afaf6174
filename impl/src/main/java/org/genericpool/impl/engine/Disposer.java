package org.genericpool.impl.engine;

/**
 * How the engine has a detached connection disposed: the flavour calls its manager's
 * {@code dispose} (blocking or asynchronous) and then {@link PoolCore#disposed(Entry)}.
 * Called without any pool lock held.
 */
@FunctionalInterface
public interface Disposer<E, C> {
    /** Disposes {@code entry}'s connection, then reports it with {@link PoolCore#disposed(Entry)}. */
    void dispose(Entry<E, C> entry);
}
