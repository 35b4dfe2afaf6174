package org.genericpool.impl.engine;

/**
 * A caller waiting for a connection of one endpoint: a parked thread in the blocking flavour, a
 * pending future in the asynchronous one.
 *
 * <p>A waiter is granted exactly once, under its endpoint's lock, and signalled by the granting
 * thread after that lock is released. The grant is one of: a connection ({@link #ENTRY}), a
 * reserved slot to create one ({@link #PERMIT}), a turn to evict another endpoint's idle
 * connection ({@link #RETRY}), or {@link #CLOSED}. A waiter that gives up withdraws with
 * {@link PoolCore#cancel}; if that fails, a grant raced it and the waiter owns the grant and must
 * use it or give it back ({@link PoolCore#giveBack}): a grant always ends in exactly one place.
 */
public abstract class Waiter<E, C> {
    /** Not granted yet. */
    public static final int WAITING = 0;
    /** Granted a connection: {@link #entry()}. */
    public static final int ENTRY = 1;
    /** Granted an endpoint slot and a total slot: create a connection. */
    public static final int PERMIT = 2;
    /** Granted a turn to evict an idle connection elsewhere and try again, ahead of the queue. */
    public static final int RETRY = 3;
    /** The pool closed. */
    public static final int CLOSED = 4;
    /** Withdrawn by the waiter. */
    public static final int CANCELLED = 5;

    private volatile int state;
    private Entry<E, C> entry;
    Endpoint<E, C> endpoint;
    Waiter<E, C> prev;
    Waiter<E, C> next;
    boolean queued;

    /** @return the grant, or {@link #WAITING} */
    public final int state() {
        return state;
    }

    /** @return the granted connection when {@link #state()} is {@link #ENTRY} */
    public final Entry<E, C> entry() {
        return entry;
    }

    /** Called once after the grant, without any pool lock held. Must not block for long. */
    protected abstract void signal();

    final void grant(int grant, Entry<E, C> e) {
        this.entry = e;
        this.state = grant; // volatile write publishes entry
    }
}
