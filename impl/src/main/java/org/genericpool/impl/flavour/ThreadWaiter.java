package org.genericpool.impl.flavour;

import java.util.concurrent.locks.LockSupport;

import org.genericpool.impl.engine.Waiter;

/** A blocking acquirer: a parked thread, unparked by its grant. */
final class ThreadWaiter<E, C> extends Waiter<E, C> {
    private final Thread thread = Thread.currentThread();

    @Override
    protected void signal() {
        LockSupport.unpark(thread);
    }
}
