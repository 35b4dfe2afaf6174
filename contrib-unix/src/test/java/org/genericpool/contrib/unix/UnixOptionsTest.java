package org.genericpool.contrib.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Validation of {@link UnixOptions}. */
class UnixOptionsTest {

    @Test
    void everyInvalidValueIsNamed() {
        assertEquals(Duration.ofSeconds(10), UnixOptions.defaults().connectTimeout());
        assertEquals(UnixOptions.defaults(), UnixOptions.defaults().toBuilder().build());
        assertMessage("connectTimeout = PT0S is out of range (0s, 1d]", UnixOptions.builder().connectTimeout(Duration.ZERO));
        assertMessage("sendBufferSize = -1 is out of range", UnixOptions.builder().sendBufferSize(-1));
        assertMessage("receiveBufferSize = -1 is out of range", UnixOptions.builder().receiveBufferSize(-1));
        assertMessage("ioThreads = 65 is out of range [1, 64]", UnixOptions.builder().ioThreads(65));
    }

    private static void assertMessage(String prefix, UnixOptions.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
