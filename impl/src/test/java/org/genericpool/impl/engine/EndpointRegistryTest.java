package org.genericpool.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link EndpointRegistry}: making, forgetting, keeping dormant (bounded) and reviving endpoints. */
class EndpointRegistryTest {
    private final EndpointRegistry<String, Object> registry = new EndpointRegistry<>();

    private Endpoint<String, Object> use(String key) {
        Endpoint<String, Object> ep = registry.lockLive(key);
        ep.unlock();
        return ep;
    }

    private void forget(Endpoint<String, Object> ep, boolean mayKeep) {
        ep.lock();
        try {
            ep.retired = true;
            registry.forgetLocked(ep, mayKeep);
        } finally {
            ep.unlock();
        }
    }

    @Test
    @DisplayName("a forgotten endpoint stays dormant: hidden, and revived (the same object) by its next use")
    void dormantEndpointIsRevived() {
        Endpoint<String, Object> a = use("a");
        use("b");
        assertEquals(Set.of("a", "b"), registry.liveKeys());

        forget(a, true);
        assertEquals(Set.of("b"), registry.liveKeys());
        assertEquals(1, registry.liveCount());
        assertSame(a, registry.get("a"), "kept in the map");

        Endpoint<String, Object> again = use("a");
        assertSame(a, again);
        assertFalse(again.retired);
        assertFalse(again.dormant);
        assertEquals(Set.of("a", "b"), registry.liveKeys());
        assertEquals(2, registry.liveCount());
    }

    @Test
    @DisplayName("an endpoint forgotten without room (or on close) leaves the map; its key gets a new endpoint")
    void endpointForgottenForGood() {
        Endpoint<String, Object> a = use("a");
        forget(a, false);
        assertNull(registry.get("a"));
        assertEquals(0, registry.liveCount());
        Endpoint<String, Object> fresh = use("a");
        assertNotSame(a, fresh);
        assertFalse(fresh.retired);
    }

    @Test
    @DisplayName("forgotten endpoints stay dormant only while the map holds at most MAX_HELD endpoints")
    void dormantEndpointsAreBounded() {
        int n = EndpointRegistry.MAX_HELD * 4;
        for (int i = 0; i < n; i++) {
            forget(use("k" + i), true);
        }
        assertEquals(0, registry.liveCount());
        assertEquals(Set.of(), registry.liveKeys());
        assertEquals(EndpointRegistry.MAX_HELD, registry.all().size());
        int dormant = 0;
        for (Endpoint<String, Object> ep : registry.all()) {
            assertTrue(ep.retired && ep.dormant);
            dormant++;
        }
        assertEquals(EndpointRegistry.MAX_HELD, dormant);

        // A revived endpoint keeps its place: the map is full, so the next one forgotten goes for good.
        Endpoint<String, Object> revived = use("k0");
        assertFalse(revived.retired);
        assertEquals(1, registry.liveCount());
        forget(use("extra"), true);
        assertNull(registry.get("extra"));
        assertEquals(EndpointRegistry.MAX_HELD, registry.all().size());
        forget(revived, true);
        assertTrue(revived.dormant, "its place is still there");
        assertEquals(0, registry.liveCount());
    }

    @Test
    @DisplayName("the per-thread memo never answers with an endpoint forgotten for good")
    void memoForgetsRetiredEndpoints() {
        Endpoint<String, Object> a = use("a"); // now this thread's last endpoint
        assertSame(a, registry.get("a"));
        forget(a, false);
        assertNull(registry.get("a"), "retired and out of the map, though still in the memo");
        Endpoint<String, Object> fresh = use("a");
        assertNotSame(a, fresh);
        assertSame(fresh, registry.get("a"));
    }

    @Test
    @DisplayName("an equal key that is another object finds the same endpoint (through the map)")
    void equalKeyOfAnotherObject() {
        String k1 = new String("k");
        String k2 = new String("k");
        Endpoint<String, Object> ep = use(k1);
        assertSame(ep, registry.get(k2));
        assertSame(ep, use(k2));
        assertSame(ep, registry.get(k1));
    }

    @Test
    @DisplayName("threads sharing keys always find the live endpoint, while endpoints are forgotten and made anew")
    void concurrentLookupsFindTheLiveEndpoint() throws Exception {
        String[] keys = {"a", "b", "c"};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        String key = keys[(i + seed) % keys.length];
                        Endpoint<String, Object> ep = registry.lockLive(key);
                        try {
                            assertEquals(key, ep.key);
                            assertFalse(ep.retired);
                            // Held locked, it stays live: every lookup of its key must find it.
                            assertSame(ep, registry.get(key));
                            assertSame(ep, registry.get(new String(key)));
                            if (i % 3 == 0) {
                                ep.retired = true;
                                registry.forgetLocked(ep, i % 2 == 0); // dormant or gone for good
                            }
                        } finally {
                            ep.unlock();
                        }
                    }
                }));
            }
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS); // rethrows a failed assertion of that thread
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(registry.all().size() <= keys.length, "one endpoint per key at most in the map");
    }
}
