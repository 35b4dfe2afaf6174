package org.genericpool.impl.flavour;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread that fires the deadlines of asynchronous acquires and close timeouts,
 * shared by every async pool of the JVM. Its tasks only withdraw waiters and complete futures;
 * nothing blocks on it. Thread-safe.
 */
final class AsyncTimer {

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private AsyncTimer() {
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "genericpool-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
}
