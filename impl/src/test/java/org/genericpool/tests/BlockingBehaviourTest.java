package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link BehaviourContract} against the blocking pool, plus the cases only the blocking manager
 * has: the timeouts passed to {@code create} and {@code dispose} (the async manager takes none).
 */
class BlockingBehaviourTest extends BehaviourContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }

    @Test
    @DisplayName("the manager's create gets the remaining budget, or null without a deadline (blocking)")
    void createGetsTheRemainingBudget() throws Exception {
        TestPool pool = open(config());
        TestConnection a = pool.acquire(1, Duration.ofSeconds(5));
        TestConnection b = pool.acquire(2);
        Duration budget = manager.createTimeouts().get(0);
        assertTrue(budget != null && !budget.isNegative() && !budget.isZero()
                && budget.compareTo(Duration.ofSeconds(5)) <= 0, "budget " + budget);
        assertNull(manager.createTimeouts().get(1));
        pool.release(1, a);
        pool.release(2, b);
    }

    @Test
    @DisplayName("the manager's dispose gets the configured disposeTimeout, or null (blocking)")
    void disposeGetsTheDisposeTimeout() throws Exception {
        TestPool plain = open(config());
        plain.discard(1, plain.acquire(1));
        assertEquals(java.util.Collections.singletonList(null), manager.disposeTimeouts());

        TestPool bounded = open(config().disposeTimeout(Duration.ofSeconds(2)));
        bounded.discard(1, bounded.acquire(1));
        assertEquals(Duration.ofSeconds(2), manager.disposeTimeouts().get(1));
    }
}
