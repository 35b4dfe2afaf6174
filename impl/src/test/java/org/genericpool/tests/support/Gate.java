package org.genericpool.tests.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds manager calls until the test opens it: a blocking call parks on a latch, an async call
 * gets a stage completed by {@link #open()}. Lets a test prove that a call is in progress
 * ({@link #awaitEntered(int)}) without sleeping. A call still held after {@link Waits#LONG}
 * fails, so a forgotten gate ends the test instead of hanging it.
 */
public final class Gate {
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final List<CompletableFuture<Void>> asyncWaiters = new CopyOnWriteArrayList<>();

    /** Called by a blocking manager method: waits until the gate is opened. */
    public void passBlocking() throws InterruptedException {
        entered.incrementAndGet();
        if (!open.await(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("test bug: gate never opened");
        }
    }

    /** Called by an async manager method: a stage that completes when the gate is opened. */
    public CompletableFuture<Void> passAsync() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (this) {
            entered.incrementAndGet();
            if (open.getCount() == 0) {
                f.complete(null);
            } else {
                asyncWaiters.add(f);
            }
        }
        return f;
    }

    /** Opens the gate: held blocking calls go on, held async stages complete on this thread. */
    public void open() {
        List<CompletableFuture<Void>> toComplete;
        synchronized (this) {
            open.countDown();
            toComplete = List.copyOf(asyncWaiters);
            asyncWaiters.clear();
        }
        toComplete.forEach(f -> f.complete(null));
    }

    public boolean isOpen() {
        return open.getCount() == 0;
    }

    /** @return how many calls reached the gate so far */
    public int entered() {
        return entered.get();
    }

    /** Waits (bounded) until at least {@code n} calls have reached the gate. */
    public void awaitEntered(int n) {
        Waits.until(() -> entered.get() >= n, () -> "calls entered the gate: " + entered.get() + ", expected " + n);
    }
}
