package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.TestServer;
import org.genericpool.contrib.tcp.testkit.TransportFixture;

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

    /** @return echo servers on fresh socket paths; the object remembers the path of the server it started */
    static TransportFixture.Servers<Path> servers() {
        return new TransportFixture.Servers<>() {
            private Path path;

            @Override
            public TestServer start() throws Exception {
                path = freshPath();
                return ChannelServer.unix(path, ChannelServer.Mode.ECHO);
            }

            @Override
            public Path endpointOf(TestServer server) {
                return path;
            }

            @Override
            public Path refused() throws IOException {
                return UnixTransports.refused();
            }
        };
    }
}
