package org.genericpool.impl.expiry;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The background collector: one daemon thread per pool that runs a collection whenever the
 * pool's next expiry is due. It parks until then (at most {@link #MAX_PARK_NANOS} at a time, so
 * a missed wake-up costs at most that delay) and is woken early when an earlier expiry is
 * scheduled. A collection that throws is logged and the thread goes on.
 */
public final class Collector {

    /** The longest single park: bounds the delay of a lost wake-up and of noticing stop. */
    static final long MAX_PARK_NANOS = 1_000_000_000L;

    /** The pause after a collection that did not move the next due time, so the thread never spins. */
    static final long NO_PROGRESS_PARK_NANOS = 10_000_000L;

    private static final System.Logger LOG = System.getLogger(Collector.class.getName());

    private final LongSupplier nextDue;
    private final Runnable collect;
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param name    the thread's name
     * @param nextDue the {@code nanoTime} at which the next collection is due ({@link Long#MAX_VALUE}: none)
     * @param collect disposes what is due; called on the collector thread only
     */
    public Collector(String name, LongSupplier nextDue, Runnable collect) {
        this.nextDue = nextDue;
        this.collect = collect;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts the thread. */
    public void start() {
        thread.start();
    }

    /** Makes the collector look at the next due time now. Cheap; safe from any thread. */
    public void wakeUp() {
        LockSupport.unpark(thread);
    }

    /** Stops the thread without waiting for it. */
    public void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    /** @return the collector's thread, for tests */
    public Thread thread() {
        return thread;
    }

    private void run() {
        while (!stopped) {
            long due = nextDue.getAsLong();
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                try {
                    collect.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(System.Logger.Level.ERROR, "collector " + thread.getName() + " failed", e);
                }
                if (nextDue.getAsLong() == due) {
                    // No progress (a failure, or a collection that could not finish): never spin.
                    LockSupport.parkNanos(this, NO_PROGRESS_PARK_NANOS);
                }
            } else {
                LockSupport.parkNanos(this, Math.min(wait, MAX_PARK_NANOS));
            }
        }
    }
}
