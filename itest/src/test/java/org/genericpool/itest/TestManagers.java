package org.genericpool.itest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;

/**
 * Small plain-java.nio TCP managers that the tests register as services (with their own
 * {@code genericpool.manager} values), so the itests do not depend on the contrib bundles.
 */
public final class TestManagers {

    private TestManagers() {
    }

    /** A blocking TCP manager: a connected blocking {@link SocketChannel} per connection. */
    public static final class Tcp implements ConnectionManager<InetSocketAddress, SocketChannel> {
        @Override
        public SocketChannel create(InetSocketAddress endpoint, Duration timeout) throws IOException {
            return SocketChannel.open(endpoint);
        }

        @Override
        public void dispose(InetSocketAddress endpoint, SocketChannel connection, Duration timeout)
                throws IOException {
            connection.close();
        }

        @Override
        public boolean checkAliveness(InetSocketAddress endpoint, SocketChannel connection, Duration timeout) {
            return connection.isOpen();
        }
    }

    /** An async TCP manager over the same channels; its stages complete on the calling thread. */
    public static final class AsyncTcp implements AsyncConnectionManager<InetSocketAddress, SocketChannel> {
        @Override
        public CompletionStage<SocketChannel> create(InetSocketAddress endpoint) {
            try {
                return CompletableFuture.completedFuture(SocketChannel.open(endpoint));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public CompletionStage<Void> dispose(InetSocketAddress endpoint, SocketChannel connection) {
            try {
                connection.close();
                return CompletableFuture.completedFuture(null);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    /**
     * Writes {@code text} and reads the echo back.
     *
     * @return what the echo server sent back
     */
    public static String echo(SocketChannel channel, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(bytes.length);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("echo server closed the connection");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }
}
