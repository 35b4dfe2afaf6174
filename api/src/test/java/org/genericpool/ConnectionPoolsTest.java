package org.genericpool;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@link ConnectionPools} without an implementation: this module's tests run without genericpool-impl. */
class ConnectionPoolsTest {

    private static final ConnectionManager<String, Object> MANAGER = new ConnectionManager<>() {
        @Override
        public Object create(String endpoint, Duration timeout) {
            return new Object();
        }

        @Override
        public void dispose(String endpoint, Object connection, Duration timeout) {
        }
    };

    /** Every call, not only the first, is the same IllegalStateException naming what is missing (no class-initialisation error). */
    @Test
    void noImplementationIsAnIllegalStateExceptionEveryTime() {
        for (int call = 0; call < 3; call++) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConnectionPools.create(MANAGER));
            assertTrue(e.getMessage().contains("genericpool-impl"), e.getMessage());
            assertThrows(IllegalStateException.class, ConnectionPools::factory);
        }
    }

    /** Arguments are checked before the implementation is looked for. */
    @Test
    void nullArgumentsAreNamed() {
        NullPointerException m = assertThrows(NullPointerException.class, () -> ConnectionPools.create(null));
        assertTrue(m.getMessage().contains("manager"), m.getMessage());
        NullPointerException c = assertThrows(NullPointerException.class, () -> ConnectionPools.create(MANAGER, null));
        assertTrue(c.getMessage().contains("config"), c.getMessage());
    }
}
