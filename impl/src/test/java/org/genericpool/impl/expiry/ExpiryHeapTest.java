package org.genericpool.impl.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The heap against a plain map of node to due time, over random operations (seeded, bounded). */
class ExpiryHeapTest {

    private static final class N extends ExpiryHeap.Node {
        final int id;

        N(int id) {
            this.id = id;
        }
    }

    @Test
    @DisplayName("peek is always a node due first; every operation keeps the nodes' times and indexes right")
    void randomOperationsMatchAModel() {
        Random random = new Random(42);
        ExpiryHeap<N> heap = new ExpiryHeap<>();
        N[] nodes = new N[200];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = new N(i);
        }
        Map<N, Long> model = new HashMap<>();
        long base = Long.MAX_VALUE - 1_000; // times wrap around: compared as nanoTime values are
        for (int step = 0; step < 50_000; step++) {
            N n = nodes[random.nextInt(nodes.length)];
            long time = base + random.nextInt(5_000);
            switch (random.nextInt(4)) {
                case 0 -> {
                    boolean changed = heap.scheduleNoLaterThan(n, time);
                    Long old = model.get(n);
                    boolean expected = old == null || time - old < 0;
                    assertEquals(expected, changed, "scheduleNoLaterThan's result");
                    if (expected) {
                        model.put(n, time);
                    }
                }
                case 1 -> {
                    heap.reschedule(n, time);
                    model.put(n, time);
                }
                case 2 -> {
                    heap.remove(n);
                    model.remove(n);
                }
                default -> {
                    N top = heap.peek();
                    if (top != null) {
                        heap.remove(top);
                        model.remove(top);
                    }
                }
            }
            check(heap, model);
        }
        heap.clear();
        model.clear();
        check(heap, model);
        for (N n : nodes) {
            assertFalse(n.isScheduled());
        }
    }

    private static void check(ExpiryHeap<N> heap, Map<N, Long> model) {
        assertEquals(model.size(), heap.size());
        assertEquals(model.isEmpty(), heap.isEmpty());
        assertEquals(secondEarliest(model), heap.secondScheduledAt(), "the second earliest time");
        N top = heap.peek();
        if (model.isEmpty()) {
            assertNull(top);
            return;
        }
        N[] slots = heap.snapshot(new N[0]);
        for (Map.Entry<N, Long> e : model.entrySet()) {
            N n = e.getKey();
            assertTrue(n.isScheduled(), "node " + n.id + " should be scheduled");
            assertEquals(e.getValue().longValue(), n.scheduledAt(), "time of node " + n.id);
            assertSame(n, slots[n.heapIndex], "index of node " + n.id);
            assertTrue(top.scheduledAt() - n.scheduledAt() <= 0, "peek " + top.id + " is due after " + n.id);
        }
    }

    /** The model's second earliest time (a tie counts twice), compared as nanoTime values are; MAX_VALUE if fewer than two. */
    private static long secondEarliest(Map<N, Long> model) {
        return model.values().stream()
                .sorted((a, b) -> Long.signum(a - b))
                .skip(1)
                .findFirst()
                .orElse(Long.MAX_VALUE);
    }
}
