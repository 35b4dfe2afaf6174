package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.genericpool.contrib.tcp.spi.BlockingSocketManager;

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
 * <p>Thread-safe and stateless apart from its options. The machinery is
 * {@link BlockingSocketManager}'s, shared with the TCP manager.
 */
public class UnixConnectionManager extends BlockingSocketManager<Path> {

    private final UnixOptions options;

    /** A manager with {@link UnixOptions#defaults()}. */
    public UnixConnectionManager() {
        this(UnixOptions.defaults());
    }

    /**
     * @param options the socket options, never null
     * @throws NullPointerException if {@code options} is null
     */
    public UnixConnectionManager(UnixOptions options) {
        super(options, StandardProtocolFamily.UNIX);
        this.options = options;
    }

    /** @return the socket options */
    public UnixOptions options() {
        return options;
    }

    /** @return the socket file's address */
    @Override
    protected UnixDomainSocketAddress address(Path endpoint) {
        return UnixDomainSocketAddress.of(endpoint);
    }

    /** A missing socket file is reported as the refusal it is, a {@link java.net.ConnectException}. */
    @Override
    protected IOException translate(Path endpoint, IOException failure) {
        Throwable t = UnixSockets.translate(endpoint, failure);
        return t instanceof IOException io ? io : failure;
    }

    @Override
    public String toString() {
        return "UnixConnectionManager" + options;
    }
}
