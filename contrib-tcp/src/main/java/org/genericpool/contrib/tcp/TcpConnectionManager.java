package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.spi.Sockets;

/**
 * Pools plain TCP connections: {@link InetSocketAddress} endpoints, {@link SocketChannel}
 * connections in blocking mode.
 *
 * <ul>
 *   <li>{@link #create} connects within the smaller of {@link TcpOptions#connectTimeout()} and
 *       the pool's remaining budget; on expiry it throws {@link java.net.SocketTimeoutException}
 *       (the pool reports {@code AcquireTimeoutException}); a refused connect throws a
 *       {@link java.net.ConnectException} naming the address, with the JDK's exception as cause.
 *       An unresolved endpoint is resolved first (a DNS lookup, not bounded by the timeout).
 *       On any failure the socket is closed.</li>
 *   <li>{@link #checkAliveness} costs one non-blocking read (microseconds) and never blocks: a
 *       connection whose peer closed or reset it, or that has bytes waiting, is dead.</li>
 *   <li>{@link #dispose} closes the channel and never throws.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless apart from its options. Subclasses may override the hooks
 * ({@code onAcquire} etc.) of {@link ConnectionManager}.
 */
public class TcpConnectionManager implements ConnectionManager<InetSocketAddress, SocketChannel> {

    private final TcpOptions options;

    /** A manager with {@link TcpOptions#defaults()}. */
    public TcpConnectionManager() {
        this(TcpOptions.defaults());
    }

    /** @param options the socket options, never null */
    public TcpConnectionManager(TcpOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the socket options */
    public TcpOptions options() {
        return options;
    }

    /**
     * Opens a TCP connection in blocking mode.
     *
     * @throws java.net.SocketTimeoutException if the connect does not finish in time
     * @throws java.net.ConnectException       if refused
     * @throws java.net.UnknownHostException   if the endpoint's host does not resolve
     * @throws IOException                     for other socket failures
     */
    @Override
    public SocketChannel create(InetSocketAddress endpoint, Duration timeout) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        InetSocketAddress address = Sockets.resolve(endpoint);
        SocketChannel channel = SocketChannel.open();
        try {
            options.applyTo(channel);
            Sockets.connect(channel, address, Sockets.budgetNanos(options.connectTimeout(), timeout));
            return channel;
        } catch (IOException | RuntimeException | Error e) {
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    /** Non-blocking; see the class comment. */
    @Override
    public boolean checkAliveness(InetSocketAddress endpoint, SocketChannel connection, Duration timeout) {
        return Sockets.isAlive(connection);
    }

    /** Closes the channel; never throws. */
    @Override
    public void dispose(InetSocketAddress endpoint, SocketChannel connection, Duration timeout) {
        Sockets.closeQuietly(connection);
    }

    @Override
    public String toString() {
        return "TcpConnectionManager" + options;
    }
}
