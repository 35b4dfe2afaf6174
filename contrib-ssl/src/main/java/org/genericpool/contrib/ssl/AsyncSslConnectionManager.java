package org.genericpool.contrib.ssl;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.AsynchronousByteChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.genericpool.contrib.tcp.spi.AsyncSocketManager;
import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;
import org.genericpool.contrib.tcp.spi.Sockets;

/**
 * Pools TLS connections asynchronously: {@link InetSocketAddress} endpoints (host name kept for
 * SNI and verification), {@link AsynchronousByteChannel} connections that are
 * {@link TlsChannel}s (an {@link SSLEngine} over a non-blocking socket; cast to reach the
 * session). All connections of a manager share {@code tcp().ioThreads()} selector threads.
 *
 * <ul>
 *   <li>{@link #create} never blocks: connect within the connect timeout, then the handshake
 *       within {@link SslOptions#handshakeTimeout()}, else {@link SocketTimeoutException}; a
 *       rejected handshake fails with the JDK's {@link javax.net.ssl.SSLException}; a refused
 *       connect with {@link ConnectException}. The socket is closed on any failure.</li>
 *   <li>{@link #checkAliveness} returns a completed stage: see {@link TlsChannel#isAlive()}.</li>
 *   <li>{@link #dispose} sends {@code close_notify}, bounded by {@link SslOptions#closeTimeout()},
 *       and closes; its stage never fails.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections those threads
 * are watching; connections still pooled should be disposed through their pool, so close the
 * pools first. After {@code close()}, {@link #create} fails with
 * {@link java.util.concurrent.RejectedExecutionException}; the manager cannot be reopened.
 * The connect machinery is {@link AsyncSocketManager}'s, shared with the TCP and Unix-socket
 * managers; this class adds the handshake.
 */
public class AsyncSslConnectionManager extends AsyncSocketManager<InetSocketAddress, AsynchronousByteChannel> {

    private final SslOptions options;

    /**
     * A manager with {@link SslOptions#defaults()} ({@link SSLContext#getDefault()}).
     *
     * @throws IllegalStateException if the JDK's default {@code SSLContext} cannot be made
     */
    public AsyncSslConnectionManager() {
        this(SslOptions.defaults());
    }

    /** A manager with default options and the given context. */
    public AsyncSslConnectionManager(SSLContext context) {
        this(SslOptions.builder().sslContext(Objects.requireNonNull(context, "context")).build());
    }

    /**
     * @param options the options, never null
     * @throws NullPointerException if {@code options} is null
     */
    public AsyncSslConnectionManager(SslOptions options) {
        super("genericpool-ssl-io", Objects.requireNonNull(options, "options").tcp(), null);
        this.options = options;
    }

    /** @return the options */
    public SslOptions options() {
        return options;
    }

    /**
     * Connects and runs the handshake without blocking the caller.
     *
     * @return a stage completed with a {@link TlsChannel}, or exceptionally (see the class
     *         comment); for an unresolved endpoint the failure arrives wrapped in a
     *         {@link java.util.concurrent.CompletionException}
     */
    @Override
    public CompletionStage<AsynchronousByteChannel> create(InetSocketAddress endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return resolveThen(endpoint, address -> connect(endpoint, address,
                (NioAsynchronousSocketChannel channel, CompletableFuture<AsynchronousByteChannel> result)
                        -> handshake(endpoint, channel, result)));
    }

    private void handshake(InetSocketAddress endpoint, NioAsynchronousSocketChannel channel,
                           CompletableFuture<AsynchronousByteChannel> result) {
        TlsChannel tls;
        try {
            String host = endpoint.getHostString();
            SSLEngine engine = options.sslContext().createSSLEngine(host, endpoint.getPort());
            engine.setUseClientMode(true);
            engine.setSSLParameters(options.parameters(engine.getSSLParameters(), host));
            tls = new TlsChannel(channel, engine);
        } catch (RuntimeException e) {
            channel.closeQuietly();
            result.completeExceptionally(e);
            return;
        }
        long timeoutMillis = options.handshakeTimeout().toMillis();
        var timer = channel.loop().schedule(options.handshakeTimeout().toNanos(), () -> {
            if (result.completeExceptionally(new SocketTimeoutException("TLS handshake with " + endpoint
                    + " did not finish within " + timeoutMillis + " ms"))) {
                channel.closeQuietly();
            }
        });
        tls.handshake().whenComplete((ok, failure) -> {
            timer.cancel();
            if (failure != null) {
                channel.closeQuietly();
                result.completeExceptionally(failure);
            } else if (!result.complete(tls)) {
                channel.closeQuietly();
            }
        });
    }

    /** Completed at once; see {@link TlsChannel#isAlive()}. */
    @Override
    public CompletionStage<Boolean> checkAliveness(InetSocketAddress endpoint, AsynchronousByteChannel connection) {
        boolean alive = connection instanceof TlsChannel t ? t.isAlive() : connection.isOpen();
        return CompletableFuture.completedFuture(alive);
    }

    /** Sends close_notify (bounded by {@link SslOptions#closeTimeout()}) and closes; never fails. */
    @Override
    public CompletionStage<Void> dispose(InetSocketAddress endpoint, AsynchronousByteChannel connection) {
        if (connection instanceof TlsChannel t) {
            return t.closeGracefully(options.closeTimeout());
        }
        Sockets.closeQuietly(connection);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String toString() {
        return "AsyncSslConnectionManager" + options;
    }
}
