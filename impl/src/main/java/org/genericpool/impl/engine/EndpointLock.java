package org.genericpool.impl.engine;

import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The lock of one {@link Endpoint}: a plain mutual-exclusion lock, not reentrant and without an
 * owner, which is all an endpoint needs (no thread ever holds it twice, or holds two endpoint
 * locks). Compared with {@link java.util.concurrent.locks.ReentrantLock}: one object instead of
 * two per endpoint, and no owner thread written on every lock and unlock. Waiting threads park
 * (uninterruptibly), first come first served after a failed barge, as with a non-fair
 * {@code ReentrantLock}.
 *
 * <p>State: 0 free, 1 held.
 */
final class EndpointLock extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    /** @return whether the lock was free and is now held by the caller */
    boolean tryLock() {
        return compareAndSetState(0, 1);
    }

    /** Takes the lock, parking until it is free. */
    void lock() {
        if (!compareAndSetState(0, 1)) {
            acquire(1);
        }
    }

    /** Frees the lock; only its holder calls this. */
    void unlock() {
        release(1);
    }

    @Override
    protected boolean tryAcquire(int ignored) {
        return compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
        setState(0);
        return true;
    }

    @Override
    protected boolean isHeldExclusively() {
        return getState() == 1;
    }
}
