package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Set;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md "Empty endpoints are forgotten": 100,000 distinct endpoints, each acquired and released
 * once (idle timeout 0 and minIdle 0, so each release disposes its connection).
 *
 * <p>How memory is measured: used heap after {@code System.gc()} (the lowest of three
 * gc-and-read rounds, through {@link MemoryMXBean}), once after a warm-up of 1,000 endpoints (so
 * class loading and JIT are in the baseline) and once after the 100,000. The manager records
 * nothing, so the test itself retains nothing per endpoint. The bound, 8 MiB, is about 80 bytes
 * per endpoint: generous against GC noise, but a pool that kept any per-endpoint object (a map
 * entry, a key, a lock and an idle list are several hundred bytes together) would exceed it
 * several times over.
 */
@Timeout(60)
public abstract class ManyEndpointsContract extends PoolTestBase {
    private static final int ENDPOINTS = 100_000;
    private static final long BOUND = 8L * 1024 * 1024;

    @Test
    @DisplayName("100,000 endpoints acquired and released once: endpoints() empty, retained heap bounded")
    void hundredThousandEndpoints() throws Exception {
        manager.recording(false);
        TestPool pool = open(config().minIdle(0).idleTimeout(Duration.ZERO).maxSize(1).totalMaxSize(10));
        for (int i = 0; i < 1000; i++) {
            TestConnection c = pool.acquire(-1 - i);
            pool.release(-1 - i, c);
        }
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        for (int i = 0; i < ENDPOINTS; i++) {
            TestConnection c = pool.acquire(i);
            pool.release(i, c);
        }
        long millis = millisSince(start);
        assertEquals(Set.of(), pool.endpoints());
        assertEquals(0, pool.size());
        assertEquals(0, pool.stats().endpoints());
        assertEquals(ENDPOINTS + 1000, pool.stats().created());
        assertEquals(ENDPOINTS + 1000, pool.stats().disposed());
        assertEquals(0, manager.live());

        long after = usedHeapAfterGc();
        long retained = after - before;
        System.out.printf("%s: %,d endpoints in %,d ms; used heap after GC %,d -> %,d bytes, retained %,d bytes "
                + "(%.1f bytes/endpoint, bound %,d)%n", flavour(), ENDPOINTS, millis, before, after, retained,
                (double) retained / ENDPOINTS, BOUND);
        assertTrue(retained < BOUND, "retained " + retained + " bytes for " + ENDPOINTS + " forgotten endpoints");
        Reference.reachabilityFence(pool);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            min = Math.min(min, memory.getHeapMemoryUsage().getUsed());
        }
        return min;
    }
}
