package org.genericpool.tests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waiting for conditions that another thread makes true. Every loop here ends after
 * {@link #LONG}; the poll interval is short, so a condition that is already true costs nothing.
 * Used where the pool offers no event to wait for (a thread parking, a collector disposing).
 */
public final class Waits {
    /** The bound on any wait for something that should happen "now": generous for a busy machine. */
    public static final Duration LONG = Duration.ofSeconds(10);

    private Waits() {
    }

    /** Polls {@code condition} until it is true; fails the test after {@link #LONG}. */
    public static void until(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not met within " + LONG + ": " + what.get());
            }
            pause();
        }
    }

    /** Polls {@code condition} until it is true or {@link #LONG} passed; @return whether it became true. */
    public static boolean tryUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            pause();
        }
        return true;
    }

    /** Polls {@code condition} until it is true; fails after {@link #LONG}. */
    public static void until(BooleanSupplier condition, String what) {
        until(condition, () -> what);
    }

    /**
     * Waits until {@code thread} is parked (WAITING or TIMED_WAITING) or has terminated; fails after
     * {@link #LONG}. The state alone does not tell why it parks: callers combine it with a pool
     * statistic (pending count) that says the thread is queued.
     */
    public static void untilParked(Thread thread) {
        until(() -> {
            Thread.State s = thread.getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED;
        }, () -> thread.getName() + " did not park; state " + thread.getState());
    }

    /** Sleeps to let wall-clock time pass (expiry tests), never to synchronise with another thread. */
    public static void letTimePass(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
