package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.genericpool.contrib.tcp.spi.AsyncSocketManager;
import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;

/**
 * Pools TCP connections asynchronously: {@link InetSocketAddress} endpoints,
 * {@link AsynchronousSocketChannel} connections. The channels are
 * {@link NioAsynchronousSocketChannel}s, driven by {@link TcpOptions#ioThreads()} selector
 * threads that this manager starts on first use and shares among all its connections (not a
 * thread per connection).
 *
 * <ul>
 *   <li>{@link #create} never blocks (an unresolved endpoint is resolved on the common
 *       fork-join pool); the connect fails with {@link java.net.SocketTimeoutException} after
 *       {@link TcpOptions#connectTimeout()}, with a {@link ConnectException} (JDK exception as
 *       cause) if refused, and closes the socket on any failure.</li>
 *   <li>{@link #checkAliveness} returns a completed stage after one non-blocking read: a
 *       connection whose peer closed or reset it, or that has bytes waiting, is dead.</li>
 *   <li>{@link #dispose} closes the channel; its stage never fails.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections those threads
 * are watching; connections still pooled should be disposed through their pool, so close the
 * pools first. After {@code close()}, {@link #create} fails with
 * {@link java.util.concurrent.RejectedExecutionException}; the manager cannot be reopened. The
 * machinery is {@link AsyncSocketManager}'s, shared with the TLS and Unix-socket managers.
 */
public class AsyncTcpConnectionManager extends AsyncSocketManager<InetSocketAddress, AsynchronousSocketChannel> {

    private final TcpOptions options;

    /** A manager with {@link TcpOptions#defaults()}. */
    public AsyncTcpConnectionManager() {
        this(TcpOptions.defaults());
    }

    /**
     * @param options the socket options, never null
     * @throws NullPointerException if {@code options} is null
     */
    public AsyncTcpConnectionManager(TcpOptions options) {
        super("genericpool-tcp-io", options, null);
        this.options = options;
    }

    /** @return the socket options */
    public TcpOptions options() {
        return options;
    }

    /**
     * Opens a connection without blocking the caller.
     *
     * @return a stage completed with the connected channel, or exceptionally with
     *         {@link java.net.SocketTimeoutException}, {@link ConnectException},
     *         {@link UnknownHostException} or another {@link IOException}; for an unresolved
     *         endpoint the failure arrives wrapped in a
     *         {@link java.util.concurrent.CompletionException}
     */
    @Override
    public CompletionStage<AsynchronousSocketChannel> create(InetSocketAddress endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return resolveThen(endpoint, address -> connect(endpoint, address,
                (NioAsynchronousSocketChannel channel, CompletableFuture<AsynchronousSocketChannel> result)
                        -> result.complete(channel)));
    }

    @Override
    public String toString() {
        return "AsyncTcpConnectionManager" + options;
    }
}
