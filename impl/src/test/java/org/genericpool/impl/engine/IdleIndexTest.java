package org.genericpool.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The evictor's way into the index: {@link IdleIndex#lockFirst()} and {@link IdleIndex#unlockFirst}. */
@Timeout(30)
class IdleIndexTest {

    private final IdleIndex<String, Object> index = new IdleIndex<>();
    private final Endpoint<String, Object> a = new Endpoint<>("a");
    private final Endpoint<String, Object> b = new Endpoint<>("b");
    private final Endpoint<String, Object> c = new Endpoint<>("c");
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopOther() {
        other.shutdownNow();
    }

    private void scheduleAll() {
        index.scheduleNoLaterThan(b, 20);
        index.scheduleNoLaterThan(a, 10);
        index.scheduleNoLaterThan(c, 30);
    }

    @Test
    @DisplayName("lockFirst holds the endpoint due first and the index until unlockFirst: nobody else changes the index meanwhile")
    void lockFirstHoldsBoth() throws Exception {
        scheduleAll();
        Endpoint<String, Object> first = index.lockFirst();
        assertSame(a, first);
        assertFalse(a.tryLock(), "the endpoint's lock is held");
        Future<?> schedule = other.submit(() -> index.scheduleNoLaterThan(c, 5));
        assertThrowsTimeout(schedule);
        assertEquals(10, index.nextExpiry(), "c is not due earlier while the index is held");

        index.unlockFirst(a, true, 25);
        a.unlock();
        schedule.get(10, TimeUnit.SECONDS);
        assertEquals(5, index.nextExpiry());
        assertEquals(25, a.scheduledAt(), "a is due exactly when the evictor said");
    }

    @Test
    @DisplayName("under lockFirst, othersNotDueBefore compares with the endpoint due second only")
    void othersNotDueBefore() {
        scheduleAll();
        Endpoint<String, Object> first = index.lockFirst();
        try {
            assertTrue(index.othersNotDueBefore(15));
            assertTrue(index.othersNotDueBefore(20), "a tie with the second is not before it");
            assertFalse(index.othersNotDueBefore(21));
        } finally {
            index.unlockFirst(first, true, 10);
            first.unlock();
        }
        index.reschedule(b, false, 0);
        index.reschedule(c, false, 0);
        first = index.lockFirst();
        try {
            assertTrue(index.othersNotDueBefore(Long.MAX_VALUE - 1), "alone in the index, nothing is due before it");
        } finally {
            index.unlockFirst(first, true, 10);
            first.unlock();
        }
    }

    @Test
    @DisplayName("when the first endpoint's lock is busy, lockFirst holds nothing and claimFirst still finds it")
    void busyFirstEndpoint() throws Exception {
        scheduleAll();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            a.lock();
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                a.unlock();
            }
        });
        holder.start();
        try {
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            assertNull(index.lockFirst());
            // Another thread can take the index at once: lockFirst let it go.
            assertSame(a, other.submit(index::claimFirst).get(10, TimeUnit.SECONDS));
            assertFalse(a.isScheduled(), "claimed: out of the heap");
            assertEquals(20, index.nextExpiry());
        } finally {
            release.countDown();
            holder.join(10_000);
        }
    }

    @Test
    @DisplayName("unlockFirst removes an endpoint left without idle connections, and wakes the listener only when the first due time moves earlier")
    void unlockFirstReschedules() {
        AtomicInteger wakeUps = new AtomicInteger();
        scheduleAll();
        index.listener(wakeUps::incrementAndGet);

        Endpoint<String, Object> first = index.lockFirst();
        index.unlockFirst(first, false, 0);
        first.unlock();
        assertFalse(a.isScheduled());
        assertEquals(20, index.nextExpiry());
        assertEquals(0, wakeUps.get(), "later: no wake-up");

        first = index.lockFirst();
        assertSame(b, first);
        index.unlockFirst(first, true, 7); // a connection made idle there whose release has not scheduled it yet
        first.unlock();
        assertEquals(7, index.nextExpiry());
        assertEquals(1, wakeUps.get(), "earlier: the collector must hear of it");
    }

    @Test
    @DisplayName("lockFirst on an empty index holds nothing")
    void emptyIndex() throws Exception {
        assertNull(index.lockFirst());
        assertNull(other.submit(index::claimFirst).get(10, TimeUnit.SECONDS));
    }

    private static void assertThrowsTimeout(Future<?> f) throws Exception {
        try {
            f.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException expected) {
            return;
        }
        throw new AssertionError("the schedule went through while the evictor held the index");
    }
}
