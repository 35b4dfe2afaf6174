package org.genericpool.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.genericpool.PoolConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolCore#countTimeout} and {@link PoolCore#uncountTimeout}: the async flavour counts a
 * timeout before it fails the future, and takes the count back if a cancel won the completion.
 */
class TimeoutCountTest {
    private final PoolCore<String, Object> core = new PoolCore<>(PoolConfig.builder().build());

    @Test
    @DisplayName("a timeout of a live endpoint is counted there, and taken back there")
    void liveEndpoint() {
        assertSame(PoolCore.PERMIT, core.poll("a", false, false)); // a create slot keeps the endpoint live
        core.countTimeout("a");
        assertEquals(1, core.stats("a").timeouts());
        assertEquals(1, core.stats().timeouts());
        core.uncountTimeout("a");
        assertEquals(0, core.stats("a").timeouts());
        assertEquals(0, core.stats().timeouts());
    }

    @Test
    @DisplayName("a timeout of an endpoint that holds nothing is counted for the pool, and taken back there")
    void emptyEndpoint() {
        core.countTimeout("b");
        assertEquals(0, core.stats("b").timeouts());
        assertEquals(1, core.stats().timeouts());
        core.uncountTimeout("b");
        assertEquals(0, core.stats().timeouts());
    }

    @Test
    @DisplayName("a count folded into the pool's when its endpoint was forgotten is taken back from the pool's")
    void countFoldedByForgetting() {
        assertSame(PoolCore.PERMIT, core.poll("c", false, false));
        core.countTimeout("c");
        core.createFailed("c"); // frees the slot: the endpoint is forgotten, its count folded
        assertEquals(0, core.stats("c").timeouts());
        assertEquals(1, core.stats().timeouts());
        assertSame(PoolCore.PERMIT, core.poll("c", false, false)); // revived, counters from zero
        core.uncountTimeout("c");
        assertEquals(0, core.stats("c").timeouts());
        assertEquals(0, core.stats().timeouts());
    }
}
