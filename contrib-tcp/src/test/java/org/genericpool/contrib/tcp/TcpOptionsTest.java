package org.genericpool.contrib.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Validation of {@link TcpOptions}: every value, with messages naming property, value and range. */
class TcpOptionsTest {

    @Test
    void defaults() {
        TcpOptions o = TcpOptions.defaults();
        assertEquals(Duration.ofSeconds(10), o.connectTimeout());
        assertTrue(o.tcpNoDelay());
        assertEquals(1, o.ioThreads());
        assertEquals(o, o.toBuilder().build());
    }

    @Test
    void everyInvalidValueIsNamed() {
        assertMessage("connectTimeout = PT0S is out of range (0s, 1d]", TcpOptions.builder().connectTimeout(Duration.ZERO));
        assertMessage("connectTimeout = PT-1S", TcpOptions.builder().connectTimeout(Duration.ofSeconds(-1)));
        assertMessage("connectTimeout = PT48H", TcpOptions.builder().connectTimeout(Duration.ofDays(2)));
        assertMessage("sendBufferSize = -1 is out of range [0, 1073741824]", TcpOptions.builder().sendBufferSize(-1));
        assertMessage("receiveBufferSize = -1", TcpOptions.builder().receiveBufferSize(-1));
        assertMessage("ioThreads = 0 is out of range [1, 64]", TcpOptions.builder().ioThreads(0));
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> TcpOptions.builder().connectTimeout(null).build());
        assertEquals("connectTimeout", npe.getMessage());
    }

    private static void assertMessage(String prefix, TcpOptions.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    /** The options reach the socket. */
    @Test
    void optionsAreAppliedToTheSocket() throws Exception {
        try (var server = org.genericpool.contrib.tcp.testkit.ChannelServer.tcp("127.0.0.1")) {
            TcpConnectionManager m = new TcpConnectionManager(TcpOptions.builder().tcpNoDelay(false).keepAlive(true)
                    .receiveBufferSize(32768).build());
            var c = m.create(server.inetAddress(), Duration.ofSeconds(5));
            try {
                assertEquals(false, c.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
                assertEquals(true, c.getOption(java.net.StandardSocketOptions.SO_KEEPALIVE));
                assertTrue(c.getOption(java.net.StandardSocketOptions.SO_RCVBUF) >= 32768);
                assertTrue(c.isBlocking());
            } finally {
                m.dispose(server.inetAddress(), c, null);
            }
        }
    }
}
