package org.genericpool.demo.osgi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The demo's TCP managers, registered as services with {@code genericpool.manager=demo-tcp}
 * (blocking and async): plain {@code java.nio} channels that count what they create and dispose,
 * so the demo can check that closing the pools disposed every connection.
 */
final class DemoTcpManagers {

    /** The {@code genericpool.manager} value of the demo's managers. */
    static final String MANAGER = "demo-tcp";

    private DemoTcpManagers() {
    }

    /** Counts shared by both managers: connections created and disposed. */
    static final AtomicLong CREATED = new AtomicLong();
    /** See {@link #CREATED}. */
    static final AtomicLong DISPOSED = new AtomicLong();

    /** The blocking manager. */
    @Component(service = ConnectionManager.class, property = "genericpool.manager=" + MANAGER)
    public static final class Blocking implements ConnectionManager<InetSocketAddress, SocketChannel> {

        /** Creates the manager. */
        public Blocking() {
        }

        @Override
        public SocketChannel create(InetSocketAddress endpoint, Duration timeout) throws IOException {
            SocketChannel channel = SocketChannel.open(endpoint);
            CREATED.incrementAndGet();
            return channel;
        }

        @Override
        public void dispose(InetSocketAddress endpoint, SocketChannel connection, Duration timeout) throws IOException {
            DISPOSED.incrementAndGet();
            connection.close();
        }

        @Override
        public boolean checkAliveness(InetSocketAddress endpoint, SocketChannel connection, Duration timeout) {
            return connection.isOpen();
        }
    }

    /** The async manager: connects on its own small executor. */
    @Component(service = AsyncConnectionManager.class, property = "genericpool.manager=" + MANAGER)
    public static final class Async implements AsyncConnectionManager<InetSocketAddress, SocketChannel> {

        private final ExecutorService connector = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "genericpool-demo-connect");
            t.setDaemon(true);
            return t;
        });

        /** Creates the manager. */
        public Async() {
        }

        @Override
        public CompletionStage<SocketChannel> create(InetSocketAddress endpoint) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    SocketChannel channel = SocketChannel.open(endpoint);
                    CREATED.incrementAndGet();
                    return channel;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, connector);
        }

        @Override
        public CompletionStage<Void> dispose(InetSocketAddress endpoint, SocketChannel connection) {
            DISPOSED.incrementAndGet();
            try {
                connection.close();
                return CompletableFuture.completedFuture(null);
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        /** Stops the connector threads. */
        @Deactivate
        void deactivate() {
            connector.shutdown();
        }
    }

    /**
     * Writes {@code text} and reads the echo back.
     *
     * @return the echo
     */
    static String echo(SocketChannel channel, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("echo server closed the connection");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }
}
