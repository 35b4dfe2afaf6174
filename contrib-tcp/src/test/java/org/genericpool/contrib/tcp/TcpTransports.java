package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.TestServer;
import org.genericpool.contrib.tcp.testkit.TransportFixture;

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

    /** @return echo servers on {@code host}, endpoints by address */
    static TransportFixture.Servers<InetSocketAddress> loopback(String host) {
        return new TransportFixture.Servers<>() {
            @Override
            public TestServer start() throws Exception {
                return ChannelServer.tcp(host);
            }

            @Override
            public InetSocketAddress endpointOf(TestServer server) throws IOException {
                return ((ChannelServer) server).inetAddress();
            }

            @Override
            public InetSocketAddress refused() throws IOException {
                return TcpTransports.refused(host);
            }
        };
    }
}
