package org.genericpool.contrib.tcp;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.spi.BlockingSocketManager;
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
 * ({@code onAcquire} etc.) of {@link ConnectionManager}. The machinery is
 * {@link BlockingSocketManager}'s, shared with the Unix-socket manager.
 */
public class TcpConnectionManager extends BlockingSocketManager<InetSocketAddress> {

    private final TcpOptions options;

    /** A manager with {@link TcpOptions#defaults()}. */
    public TcpConnectionManager() {
        this(TcpOptions.defaults());
    }

    /**
     * @param options the socket options, never null
     * @throws NullPointerException if {@code options} is null
     */
    public TcpConnectionManager(TcpOptions options) {
        super(options, null);
        this.options = options;
    }

    /** @return the socket options */
    public TcpOptions options() {
        return options;
    }

    /**
     * Resolves an unresolved endpoint (a DNS lookup, not bounded by the connect timeout).
     *
     * @throws UnknownHostException if the endpoint's host does not resolve
     */
    @Override
    protected InetSocketAddress address(InetSocketAddress endpoint) throws UnknownHostException {
        return Sockets.resolve(endpoint);
    }

    @Override
    public String toString() {
        return "TcpConnectionManager" + options;
    }
}
