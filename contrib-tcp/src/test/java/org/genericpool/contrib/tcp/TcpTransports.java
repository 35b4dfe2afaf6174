package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
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

    /** A blocking echo round trip. */
    static String roundTrip(SocketChannel c, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            c.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(bytes.length);
        while (in.hasRemaining()) {
            if (c.read(in) < 0) {
                break;
            }
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }
}
