package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers of the Unix-socket tests. */
final class UnixTransports {

    static final UnixOptions FAST = UnixOptions.builder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private UnixTransports() {
    }

    /** @return a fresh socket path in a short temporary directory */
    static Path freshPath() throws IOException {
        Path dir = Files.createTempDirectory("gp");
        dir.toFile().deleteOnExit();
        Path p = dir.resolve("s" + SEQ.incrementAndGet() + ".sock");
        p.toFile().deleteOnExit();
        return p;
    }

    /** @return a socket file nobody listens on any more (bound, then closed, file kept) */
    static Path refused() throws IOException {
        Path p = freshPath();
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(p));
        }
        return p;
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
