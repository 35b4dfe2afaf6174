package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.spi.IoLoopGroup;
import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;
import org.genericpool.contrib.tcp.spi.Sockets;

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
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes every connection still
 * open; call it when the pools using this manager are closed.
 */
public class AsyncTcpConnectionManager
        implements AsyncConnectionManager<InetSocketAddress, AsynchronousSocketChannel>, AutoCloseable {

    private final TcpOptions options;
    private final IoLoopGroup loops;

    /** A manager with {@link TcpOptions#defaults()}. */
    public AsyncTcpConnectionManager() {
        this(TcpOptions.defaults());
    }

    /** @param options the socket options, never null */
    public AsyncTcpConnectionManager(TcpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.loops = new IoLoopGroup("genericpool-tcp-io", options.ioThreads());
    }

    /** @return the socket options */
    public TcpOptions options() {
        return options;
    }

    /** @return the I/O threads of this manager */
    protected IoLoopGroup loops() {
        return loops;
    }

    /**
     * Opens a connection without blocking the caller.
     *
     * @return a stage completed with the connected channel, or exceptionally with
     *         {@link java.net.SocketTimeoutException}, {@link ConnectException},
     *         {@link UnknownHostException} or another {@link IOException}
     */
    @Override
    public CompletionStage<AsynchronousSocketChannel> create(InetSocketAddress endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isUnresolved()) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return Sockets.resolve(endpoint);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }).thenCompose(this::connect);
        }
        return connect(endpoint);
    }

    private CompletableFuture<AsynchronousSocketChannel> connect(InetSocketAddress address) {
        NioAsynchronousSocketChannel channel;
        try {
            SocketChannel sc = SocketChannel.open();
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
        CompletableFuture<AsynchronousSocketChannel> result = new CompletableFuture<>();
        channel.connect(address, options.connectTimeout()).whenComplete((ok, failure) -> {
            if (failure == null) {
                result.complete(channel);
            } else {
                channel.closeQuietly();
                result.completeExceptionally(failure instanceof ConnectException
                        ? Sockets.connectFailure(address, failure) : failure);
            }
        });
        return result;
    }

    /** Completed at once; see the class comment. */
    @Override
    public CompletionStage<Boolean> checkAliveness(InetSocketAddress endpoint, AsynchronousSocketChannel connection) {
        boolean alive = connection instanceof NioAsynchronousSocketChannel n ? n.isAlive() : connection.isOpen();
        return CompletableFuture.completedFuture(alive);
    }

    /** Closes the channel; the stage is completed at once and never fails. */
    @Override
    public CompletionStage<Void> dispose(InetSocketAddress endpoint, AsynchronousSocketChannel connection) {
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
        return "AsyncTcpConnectionManager" + options;
    }
}
