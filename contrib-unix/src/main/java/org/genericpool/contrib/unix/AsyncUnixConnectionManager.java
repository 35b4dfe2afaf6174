package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.spi.IoLoopGroup;
import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;
import org.genericpool.contrib.tcp.spi.Sockets;

/**
 * Pools Unix-domain-socket connections asynchronously: {@link Path} endpoints,
 * {@link AsynchronousByteChannel} connections. The JDK has no asynchronous Unix channel; the
 * connections are {@link NioAsynchronousSocketChannel}s (cast to it for options, addresses and
 * shutdown) over non-blocking Unix {@link SocketChannel}s, driven by
 * {@link UnixOptions#ioThreads()} selector threads shared by all connections of this manager.
 *
 * <ul>
 *   <li>{@link #create} never blocks; fails with {@link java.net.SocketTimeoutException} after
 *       {@link UnixOptions#connectTimeout()}, with {@link java.net.ConnectException} if nobody
 *       listens, and closes the socket on any failure.</li>
 *   <li>{@link #checkAliveness} returns a completed stage after one non-blocking read.</li>
 *   <li>{@link #dispose} closes the channel; its stage never fails.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections still open.
 */
public class AsyncUnixConnectionManager implements AsyncConnectionManager<Path, AsynchronousByteChannel>, AutoCloseable {

    private final UnixOptions options;
    private final IoLoopGroup loops;

    /** A manager with {@link UnixOptions#defaults()}. */
    public AsyncUnixConnectionManager() {
        this(UnixOptions.defaults());
    }

    /** @param options the socket options, never null */
    public AsyncUnixConnectionManager(UnixOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.loops = new IoLoopGroup("genericpool-unix-io", options.ioThreads());
    }

    /** @return the socket options */
    public UnixOptions options() {
        return options;
    }

    /**
     * Opens a connection without blocking the caller.
     *
     * @return a stage completed with the connected channel (a {@link NioAsynchronousSocketChannel}),
     *         or exceptionally with {@link java.net.SocketTimeoutException},
     *         {@link java.net.ConnectException} or another {@link IOException}
     */
    @Override
    public CompletionStage<AsynchronousByteChannel> create(Path endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        NioAsynchronousSocketChannel channel;
        try {
            SocketChannel sc = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                options.applyTo(sc);
                channel = new NioAsynchronousSocketChannel(loops.next(), sc);
            } catch (IOException | RuntimeException e) {
                Sockets.closeQuietly(sc);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<AsynchronousByteChannel> result = new CompletableFuture<>();
        channel.connect(UnixDomainSocketAddress.of(endpoint), options.connectTimeout()).whenComplete((ok, failure) -> {
            if (failure == null) {
                result.complete(channel);
            } else {
                channel.closeQuietly();
                Throwable t = UnixSockets.translate(endpoint, failure);
                result.completeExceptionally(t instanceof java.net.ConnectException && t == failure
                        ? Sockets.connectFailure(UnixDomainSocketAddress.of(endpoint), failure) : t);
            }
        });
        return result;
    }

    /** Completed at once; see the class comment. */
    @Override
    public CompletionStage<Boolean> checkAliveness(Path endpoint, AsynchronousByteChannel connection) {
        boolean alive = connection instanceof NioAsynchronousSocketChannel n ? n.isAlive() : connection.isOpen();
        return CompletableFuture.completedFuture(alive);
    }

    /** Closes the channel; the stage is completed at once and never fails. */
    @Override
    public CompletionStage<Void> dispose(Path endpoint, AsynchronousByteChannel connection) {
        Sockets.closeQuietly(connection);
        return CompletableFuture.completedFuture(null);
    }

    /** Stops the I/O threads and closes the connections still open. Idempotent. */
    @Override
    public void close() {
        loops.close();
    }

    @Override
    public String toString() {
        return "AsyncUnixConnectionManager" + options;
    }
}
