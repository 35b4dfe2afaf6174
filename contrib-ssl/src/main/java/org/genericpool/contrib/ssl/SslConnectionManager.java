package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.spi.Sockets;

/**
 * Pools TLS connections: {@link InetSocketAddress} endpoints (their host name is kept for SNI
 * and host name verification), {@link SSLSocket} connections, handshake done.
 *
 * <ul>
 *   <li>{@link #create} resolves an unresolved endpoint first (a DNS lookup, not bounded by the
 *       timeouts), then connects and completes the handshake within the pool's remaining
 *       budget (and {@link org.genericpool.contrib.tcp.TcpOptions#connectTimeout()},
 *       {@link SslOptions#handshakeTimeout()}); on expiry it throws
 *       {@link SocketTimeoutException}. The server's certificate is verified, its host name
 *       too unless {@link SslOptions#hostnameVerification()} is off; the endpoint's host name is
 *       sent as SNI (also {@code localhost}). A rejected handshake throws the JDK's
 *       {@link javax.net.ssl.SSLException}; a refused connect a {@link java.net.ConnectException}.
 *       On any failure the socket is closed.</li>
 *   <li>{@link #checkAliveness} never blocks and costs microseconds: it reads what the socket
 *       has waiting without blocking; nothing waiting means alive; end of stream or an error
 *       means dead; waiting TLS records are decoded by the {@code SSLSocket} itself, so TLS 1.3
 *       session tickets (post-handshake messages) are consumed and the connection stays alive,
 *       while application data or a {@code close_notify} makes it dead; so do bytes that cannot
 *       be TLS records, even a single stray one ({@code TlsRecords}). See {@code ChannelSocket}.</li>
 *   <li>{@link #dispose} sends {@code close_notify} if the socket buffer takes it at once (the
 *       write never waits for buffer space) and closes the socket; any wait of the close for the
 *       peer is bounded by the pool's dispose timeout, or {@link SslOptions#closeTimeout()} when
 *       that is null, zero or negative (set as the socket's read timeout). It never throws.</li>
 * </ul>
 *
 * <p>Thread-safe. Holds a map from each open connection to its underlying socket; an entry is
 * removed when the connection is disposed.
 */
public class SslConnectionManager implements ConnectionManager<InetSocketAddress, SSLSocket> {

    private final SslOptions options;
    private final Map<SSLSocket, ChannelSocket> sockets = new ConcurrentHashMap<>();

    /**
     * A manager with {@link SslOptions#defaults()} ({@link SSLContext#getDefault()}).
     *
     * @throws IllegalStateException if the JDK's default {@code SSLContext} cannot be made
     */
    public SslConnectionManager() {
        this(SslOptions.defaults());
    }

    /** A manager with default options and the given context. */
    public SslConnectionManager(SSLContext context) {
        this(SslOptions.builder().sslContext(Objects.requireNonNull(context, "context")).build());
    }

    /** @param options the options, never null */
    public SslConnectionManager(SslOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the options */
    public SslOptions options() {
        return options;
    }

    /**
     * Connects and completes the TLS handshake.
     *
     * @throws SocketTimeoutException        if the connect or handshake does not finish in time
     * @throws java.net.ConnectException     if refused
     * @throws javax.net.ssl.SSLException    if the handshake is rejected (certificate, host name, protocol)
     * @throws IOException                   for other failures
     */
    @Override
    public SSLSocket create(InetSocketAddress endpoint, Duration timeout) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        long start = System.nanoTime();
        InetSocketAddress address = Sockets.resolve(endpoint);
        String host = endpoint.getHostString();
        SocketChannel channel = SocketChannel.open();
        SSLSocket ssl = null;
        ChannelSocket plain = null;
        try {
            options.tcp().applyTo(channel);
            Sockets.connect(channel, address, Sockets.budgetNanos(options.tcp().connectTimeout(), timeout));
            plain = new ChannelSocket(channel);
            ssl = (SSLSocket) options.sslContext().getSocketFactory().createSocket(plain, host, address.getPort(), true);
            ssl.setUseClientMode(true);
            ssl.setSSLParameters(options.parameters(ssl.getSSLParameters(), host));
            Duration left = timeout == null ? null : timeout.minusNanos(System.nanoTime() - start);
            long budget = Sockets.budgetNanos(options.handshakeTimeout(), left);
            long deadline = System.nanoTime() + budget;
            ssl.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(budget))));
            try {
                ssl.startHandshake();
            } catch (IOException e) {
                if (System.nanoTime() - deadline >= 0 || e instanceof SocketTimeoutException
                        || e.getCause() instanceof SocketTimeoutException) {
                    SocketTimeoutException t = new SocketTimeoutException("TLS handshake with " + endpoint
                            + " did not finish within " + TimeUnit.NANOSECONDS.toMillis(budget) + " ms");
                    t.initCause(e);
                    throw t;
                }
                throw e;
            }
            ssl.setSoTimeout(0);
            sockets.put(ssl, plain);
            return ssl;
        } catch (IOException | RuntimeException | Error e) {
            if (plain != null) {
                plain.writeWithoutWaiting(); // a closing alert must not wait for a peer that does not read
            }
            Sockets.closeQuietly(ssl);
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    /** Non-blocking; see the class comment. */
    @Override
    public boolean checkAliveness(InetSocketAddress endpoint, SSLSocket connection, Duration timeout) {
        if (connection.isClosed() || connection.isInputShutdown()) {
            return false;
        }
        ChannelSocket plain = sockets.get(connection);
        if (plain == null) {
            return true;
        }
        try {
            ChannelSocket.Fill fill = plain.fill();
            if (fill.buffered() == 0) {
                return !fill.ended();
            }
            int complete = plain.completeRecordBytes();
            if (complete < 0) {
                return false;
            }
            if (complete == 0) {
                return !fill.ended();
            }
            plain.allowCheckRead(complete);
            try {
                connection.getInputStream().read(new byte[1]);
                return false; // application data nobody asked for, or close_notify
            } catch (SocketTimeoutException onlyHandshakeMessages) {
                return !fill.ended();
            } finally {
                plain.allowCheckRead(-1);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** For tests: reads what is waiting into the look-ahead buffer and returns its size. */
    int unreadTransportBytes(SSLSocket connection) throws IOException {
        return sockets.get(connection).fill().buffered();
    }

    /**
     * Sends {@code close_notify} if the socket takes it at once, then closes; any wait for the
     * peer is bounded by {@code timeout}, or {@link SslOptions#closeTimeout()} when it is null,
     * zero or negative. Never throws.
     */
    @Override
    public void dispose(InetSocketAddress endpoint, SSLSocket connection, Duration timeout) {
        ChannelSocket plain = sockets.remove(connection);
        if (plain != null) {
            plain.writeWithoutWaiting();
            try {
                Duration bound = timeout == null || timeout.isZero() || timeout.isNegative()
                        ? options.closeTimeout() : timeout;
                connection.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, bound.toMillis())));
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        Sockets.closeQuietly(connection);
        if (plain != null) {
            Sockets.closeQuietly(plain.channel());
        }
    }

    @Override
    public String toString() {
        return "SslConnectionManager" + options;
    }
}
