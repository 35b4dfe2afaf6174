package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;

import org.genericpool.ConnectionManager;

/**
 * The blocking manager of {@link SocketChannel} connections that the TCP and Unix-socket
 * managers share: a subclass says how an endpoint becomes an address; this class opens the
 * channel, applies the {@link SocketOptions}, connects within the smaller of
 * {@link SocketOptions#connectTimeout()} and the pool's remaining budget, probes aliveness and
 * closes.
 *
 * <ul>
 *   <li>{@link #create} throws {@link java.net.SocketTimeoutException} when the connect does not
 *       finish in time and a {@link java.net.ConnectException} naming the address (the JDK's
 *       exception as cause) when refused; {@link #translate} may replace an {@link IOException}.
 *       On any failure the channel is closed.</li>
 *   <li>{@link #checkAliveness} costs one non-blocking read ({@link Sockets#isAlive}) and never
 *       blocks.</li>
 *   <li>{@link #dispose} closes the channel and never throws.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless apart from its options, provided the subclass's hooks are.
 *
 * @param <E> the endpoint type
 */
public abstract class BlockingSocketManager<E> implements ConnectionManager<E, SocketChannel> {

    private final SocketOptions socketOptions;
    private final ProtocolFamily family;

    /**
     * @param socketOptions the options applied to every channel, never null
     * @param family        the channels' protocol family; null for the JDK's default (TCP)
     * @throws NullPointerException naming {@code options} if {@code socketOptions} is null
     */
    protected BlockingSocketManager(SocketOptions socketOptions, ProtocolFamily family) {
        this.socketOptions = Objects.requireNonNull(socketOptions, "options");
        this.family = family;
    }

    /**
     * The address to connect to. Called once per {@link #create}, before a channel is opened;
     * may block (a DNS lookup).
     *
     * @param endpoint the endpoint, never null
     * @return the address
     * @throws IOException if there is none, e.g. {@link java.net.UnknownHostException}
     */
    protected abstract SocketAddress address(E endpoint) throws IOException;

    /**
     * Replaces a failure of opening, configuring or connecting the channel before {@link #create}
     * throws it; the channel is closed already. The default returns {@code failure}.
     *
     * @param endpoint the endpoint
     * @param failure  the failure
     * @return the exception to throw, never null
     */
    protected IOException translate(E endpoint, IOException failure) {
        return failure;
    }

    /**
     * Opens a connection in blocking mode; see the class comment.
     *
     * @throws java.net.SocketTimeoutException if the connect does not finish in time
     * @throws java.net.ConnectException       if refused
     * @throws IOException                     for other socket failures
     * @throws NullPointerException            if {@code endpoint} is null
     */
    @Override
    public SocketChannel create(E endpoint, Duration timeout) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        SocketAddress address = address(endpoint);
        SocketChannel channel = Sockets.open(family);
        try {
            socketOptions.applyTo(channel);
            Sockets.connect(channel, address, Sockets.budgetNanos(socketOptions.connectTimeout(), timeout));
            return channel;
        } catch (IOException e) {
            Sockets.closeQuietly(channel);
            throw translate(endpoint, e);
        } catch (RuntimeException | Error e) {
            Sockets.closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Non-blocking; a connection whose peer closed or reset it, or that has bytes waiting, is
     * dead. Never throws.
     */
    @Override
    public boolean checkAliveness(E endpoint, SocketChannel connection, Duration timeout) {
        return Sockets.isAlive(connection);
    }

    /** Closes the channel; never throws. */
    @Override
    public void dispose(E endpoint, SocketChannel connection, Duration timeout) {
        Sockets.closeQuietly(connection);
    }
}
