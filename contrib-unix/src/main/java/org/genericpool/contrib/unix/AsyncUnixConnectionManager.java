package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.genericpool.contrib.tcp.spi.AsyncSocketManager;
import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;

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
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections those threads
 * are watching; connections still pooled should be disposed through their pool, so close the
 * pools first. After {@code close()}, {@link #create} fails with
 * {@link java.util.concurrent.RejectedExecutionException}; the manager cannot be reopened. The
 * machinery is {@link AsyncSocketManager}'s, shared with the TCP and TLS managers.
 */
public class AsyncUnixConnectionManager extends AsyncSocketManager<Path, AsynchronousByteChannel> {

    private final UnixOptions options;

    /** A manager with {@link UnixOptions#defaults()}. */
    public AsyncUnixConnectionManager() {
        this(UnixOptions.defaults());
    }

    /**
     * @param options the socket options, never null
     * @throws NullPointerException if {@code options} is null
     */
    public AsyncUnixConnectionManager(UnixOptions options) {
        super("genericpool-unix-io", options, StandardProtocolFamily.UNIX);
        this.options = options;
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
        return connect(endpoint, UnixDomainSocketAddress.of(endpoint),
                (NioAsynchronousSocketChannel channel, CompletableFuture<AsynchronousByteChannel> result)
                        -> result.complete(channel));
    }

    /** A missing socket file is reported as the refusal it is, a {@link java.net.ConnectException}. */
    @Override
    protected Throwable translate(Path endpoint, SocketAddress address, Throwable failure) {
        Throwable t = UnixSockets.translate(endpoint, failure);
        return t != failure ? t : super.translate(endpoint, address, failure);
    }

    @Override
    public String toString() {
        return "AsyncUnixConnectionManager" + options;
    }
}
