package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.spi.Sockets;

/**
 * Pools Unix-domain-socket connections: {@link Path} endpoints (the socket file),
 * {@link SocketChannel} connections ({@link StandardProtocolFamily#UNIX}) in blocking mode.
 *
 * <ul>
 *   <li>{@link #create} connects within the smaller of {@link UnixOptions#connectTimeout()} and
 *       the pool's remaining budget ({@link java.net.SocketTimeoutException} on expiry); a socket
 *       file nobody listens on, or a missing one, gives a {@link java.net.ConnectException} with
 *       the JDK's exception as cause. On any failure the socket is closed.</li>
 *   <li>{@link #checkAliveness} costs one non-blocking read and never blocks: a connection
 *       whose peer closed it, or that has bytes waiting, is dead.</li>
 *   <li>{@link #dispose} closes the channel and never throws.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless apart from its options.
 */
public class UnixConnectionManager implements ConnectionManager<Path, SocketChannel> {

    private final UnixOptions options;

    /** A manager with {@link UnixOptions#defaults()}. */
    public UnixConnectionManager() {
        this(UnixOptions.defaults());
    }

    /** @param options the socket options, never null */
    public UnixConnectionManager(UnixOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @return the socket options */
    public UnixOptions options() {
        return options;
    }

    /**
     * Opens a Unix-socket connection in blocking mode.
     *
     * @throws java.net.SocketTimeoutException if the connect does not finish in time
     * @throws java.net.ConnectException       if nobody listens at {@code endpoint}
     * @throws IOException                     for other socket failures
     */
    @Override
    public SocketChannel create(Path endpoint, Duration timeout) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            options.applyTo(channel);
            Sockets.connect(channel, UnixDomainSocketAddress.of(endpoint),
                    Sockets.budgetNanos(options.connectTimeout(), timeout));
            return channel;
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
            Throwable t = UnixSockets.translate(endpoint, e);
            throw t instanceof IOException io ? io : e;
        } catch (RuntimeException | Error e) {
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    /** Non-blocking; see the class comment. */
    @Override
    public boolean checkAliveness(Path endpoint, SocketChannel connection, Duration timeout) {
        return Sockets.isAlive(connection);
    }

    /** Closes the channel; never throws. */
    @Override
    public void dispose(Path endpoint, SocketChannel connection, Duration timeout) {
        Sockets.closeQuietly(connection);
    }

    @Override
    public String toString() {
        return "UnixConnectionManager" + options;
    }
}
