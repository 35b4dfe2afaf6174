package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.genericpool.async.AsyncConnectionManager;

/**
 * The machinery the asynchronous TCP, TLS and Unix-socket managers share: a group of selector
 * threads ({@link IoLoopGroup}, started on first use, shared by all connections of the manager),
 * a non-blocking connect of a {@link NioAsynchronousSocketChannel} within
 * {@link SocketOptions#connectTimeout()}, the aliveness probe, closing, and stopping the threads.
 *
 * <ul>
 *   <li>{@link #connect} never blocks; its stage fails with {@link java.net.SocketTimeoutException}
 *       after the connect timeout, with a {@link ConnectException} naming the address (the JDK's
 *       exception as cause) if refused ({@link #translate} may replace a failure), and the
 *       socket is closed on any failure.</li>
 *   <li>{@link #checkAliveness} returns a completed stage after one non-blocking read of a
 *       {@link NioAsynchronousSocketChannel} ({@link NioAsynchronousSocketChannel#isAlive()});
 *       another channel is alive while open.</li>
 *   <li>{@link #dispose} closes the channel; its stage is completed at once and never fails.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections those threads
 * are watching; connections still pooled should be disposed through their pool, so close the
 * pools first. After {@code close()}, {@link #connect} (and so {@code create}) fails with
 * {@link java.util.concurrent.RejectedExecutionException}; the manager cannot be reopened.
 *
 * @param <E> the endpoint type
 * @param <C> the connection type
 */
public abstract class AsyncSocketManager<E, C extends AsynchronousByteChannel>
        implements AsyncConnectionManager<E, C>, AutoCloseable {

    private final SocketOptions socketOptions;
    private final ProtocolFamily family;
    private final IoLoopGroup loops;

    /**
     * @param threadName    the name of the I/O threads, e.g. {@code genericpool-tcp-io}
     * @param socketOptions the options applied to every channel (their {@code ioThreads} is the
     *                      number of I/O threads), never null
     * @param family        the channels' protocol family; null for the JDK's default (TCP)
     * @throws NullPointerException naming {@code options} if {@code socketOptions} is null
     */
    protected AsyncSocketManager(String threadName, SocketOptions socketOptions, ProtocolFamily family) {
        this.socketOptions = Objects.requireNonNull(socketOptions, "options");
        this.family = family;
        this.loops = new IoLoopGroup(threadName, socketOptions.ioThreads());
    }

    /** @return the I/O threads of this manager */
    protected IoLoopGroup loops() {
        return loops;
    }

    /**
     * Resolves {@code endpoint} if it is unresolved, on the common fork-join pool (a DNS lookup
     * may block), then calls {@code connect} with the resolved address; calls it at once with a
     * resolved endpoint. Never blocks the caller.
     *
     * @param endpoint the endpoint, never null
     * @param connect  what to do with the resolved address
     * @param <T>      the result type
     * @return {@code connect}'s stage, or one failed with {@link UnknownHostException} if the
     *         host does not resolve; for an unresolved endpoint every failure, that one or
     *         {@code connect}'s, arrives wrapped in a {@link CompletionException}
     */
    protected static <T> CompletableFuture<T> resolveThen(InetSocketAddress endpoint,
            Function<InetSocketAddress, CompletableFuture<T>> connect) {
        if (endpoint.isUnresolved()) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return Sockets.resolve(endpoint);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }).thenCompose(connect);
        }
        return connect.apply(endpoint);
    }

    /**
     * Opens a non-blocking channel, applies the options and connects it to {@code address}
     * without blocking the caller. Once connected, {@code connected} gets the channel and the
     * result to complete (it owns the channel from then on, and closes it if it fails the result);
     * if the connect fails, the channel is closed and the result fails with
     * {@link #translate}'s exception.
     *
     * @param endpoint  the endpoint, for {@link #translate}
     * @param address   where to connect
     * @param connected completes the result with the connected channel, or what it makes of it
     * @param <T>       the result type
     * @return the result; failed at once if the channel cannot be opened or configured, or with
     *         {@link java.util.concurrent.RejectedExecutionException} once {@link #close()} was called
     */
    protected final <T> CompletableFuture<T> connect(E endpoint, SocketAddress address,
            BiConsumer<NioAsynchronousSocketChannel, CompletableFuture<T>> connected) {
        NioAsynchronousSocketChannel channel;
        try {
            SocketChannel sc = Sockets.open(family);
            try {
                socketOptions.applyTo(sc);
                channel = new NioAsynchronousSocketChannel(loops.next(), sc);
            } catch (IOException | RuntimeException e) {
                Sockets.closeQuietly(sc);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        channel.connect(address, socketOptions.connectTimeout()).whenComplete((ok, failure) -> {
            if (failure != null) {
                channel.closeQuietly();
                result.completeExceptionally(translate(endpoint, address, failure));
                return;
            }
            connected.accept(channel, result);
        });
        return result;
    }

    /**
     * The exception a failed connect completes the result with. The default replaces a
     * {@link ConnectException} by one naming {@code address} (the JDK's exception as cause) and
     * keeps any other failure.
     *
     * @param endpoint the endpoint
     * @param address  the address the connect went to
     * @param failure  the failure
     * @return the exception, never null
     */
    protected Throwable translate(E endpoint, SocketAddress address, Throwable failure) {
        return failure instanceof ConnectException ? Sockets.connectFailure(address, failure) : failure;
    }

    /** Completed at once; see the class comment. */
    @Override
    public CompletionStage<Boolean> checkAliveness(E endpoint, C connection) {
        boolean alive = connection instanceof NioAsynchronousSocketChannel n ? n.isAlive() : connection.isOpen();
        return CompletableFuture.completedFuture(alive);
    }

    /** Closes the channel; the stage is completed at once and never fails. */
    @Override
    public CompletionStage<Void> dispose(E endpoint, C connection) {
        Sockets.closeQuietly(connection);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Stops the I/O threads and closes the connections they are watching (those registered with
     * their selectors, which need not be every open one: dispose pooled connections through their
     * pool first). Idempotent; the manager cannot be reopened.
     */
    @Override
    public void close() {
        loops.close();
    }
}
