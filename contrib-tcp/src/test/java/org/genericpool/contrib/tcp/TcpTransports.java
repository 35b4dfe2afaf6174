package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Helpers of the TCP tests. */
final class TcpTransports {

    static final TcpOptions FAST = TcpOptions.builder().connectTimeout(Duration.ofSeconds(2)).build();

    private TcpTransports() {
    }

    /** @return an address on {@code host} where nobody listens (a port just freed) */
    static InetSocketAddress refused(String host) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(host, 0));
            return new InetSocketAddress(host, s.getLocalPort());
        }
    }
}
