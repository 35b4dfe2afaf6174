package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.spi.IoLoopGroup;
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
 * <p>Thread-safe. {@link #close()} stops the I/O threads and closes the connections still open.
 */
public class AsyncSslConnectionManager implements AsyncConnectionManager<InetSocketAddress, AsynchronousByteChannel>,
        AutoCloseable {

    private final SslOptions options;
    private final IoLoopGroup loops;

    /** A manager with {@link SslOptions#defaults()} ({@link SSLContext#getDefault()}). */
    public AsyncSslConnectionManager() {
        this(SslOptions.defaults());
    }

    /** A manager with default options and the given context. */
    public AsyncSslConnectionManager(SSLContext context) {
        this(SslOptions.builder().sslContext(Objects.requireNonNull(context, "context")).build());
    }

    /** @param options the options, never null */
    public AsyncSslConnectionManager(SslOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.loops = new IoLoopGroup("genericpool-ssl-io", options.tcp().ioThreads());
    }

    /** @return the options */
    public SslOptions options() {
        return options;
    }

    /**
     * Connects and runs the handshake without blocking the caller.
     *
     * @return a stage completed with a {@link TlsChannel}, or exceptionally (see the class comment)
     */
    @Override
    public CompletionStage<AsynchronousByteChannel> create(InetSocketAddress endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.isUnresolved()) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return Sockets.resolve(endpoint);
                } catch (UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }).thenCompose(a -> connect(endpoint, a));
        }
        return connect(endpoint, endpoint);
    }

    private CompletableFuture<AsynchronousByteChannel> connect(InetSocketAddress endpoint, InetSocketAddress address) {
        NioAsynchronousSocketChannel channel;
        try {
            SocketChannel sc = SocketChannel.open();
            try {
                options.tcp().applyTo(sc);
                channel = new NioAsynchronousSocketChannel(loops.next(), sc);
            } catch (IOException | RuntimeException e) {
                Sockets.closeQuietly(sc);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<AsynchronousByteChannel> result = new CompletableFuture<>();
        channel.connect(address, options.tcp().connectTimeout()).whenComplete((ok, failure) -> {
            if (failure != null) {
                channel.closeQuietly();
                result.completeExceptionally(failure instanceof ConnectException
                        ? Sockets.connectFailure(address, failure) : failure);
                return;
            }
            handshake(endpoint, channel, result);
        });
        return result;
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

    /** Stops the I/O threads and closes the connections still open. Idempotent. */
    @Override
    public void close() {
        loops.close();
    }

    @Override
    public String toString() {
        return "AsyncSslConnectionManager" + options;
    }
}
