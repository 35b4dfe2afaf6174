package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Socket helpers shared by the contribs: connect with a deadline, the non-blocking aliveness
 * probe of a blocking {@link SocketChannel}, time budgets and quiet closing. Stateless and
 * thread-safe.
 */
public final class Sockets {

    private static final System.Logger LOG = System.getLogger(Sockets.class.getName());
    /** The least time a connect or handshake gets, so that a nearly spent budget still tries once. */
    private static final long MIN_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private Sockets() {
    }

    /**
     * The time a step may take: the smaller of the manager's own limit and the caller's
     * remaining budget ({@code null} = unbounded), and at least one millisecond.
     *
     * @param own    the manager's limit, never null
     * @param caller the caller's remaining budget, or null
     * @return nanoseconds
     */
    public static long budgetNanos(Duration own, Duration caller) {
        long n = NioAsynchronousSocketChannel.saturatedNanos(own);
        if (caller != null) {
            n = Math.min(n, NioAsynchronousSocketChannel.saturatedNanos(caller));
        }
        return Math.max(MIN_BUDGET_NANOS, n);
    }

    /**
     * Opens an unconnected channel.
     *
     * @param family the protocol family, e.g. {@link java.net.StandardProtocolFamily#UNIX}; null
     *               for the JDK's default (IPv6 where available, which also reaches IPv4 addresses)
     * @throws IOException if the channel cannot be opened
     */
    public static SocketChannel open(ProtocolFamily family) throws IOException {
        return family == null ? SocketChannel.open() : SocketChannel.open(family);
    }

    /**
     * Resolves an unresolved address (a DNS lookup that may block); returns a resolved one as is.
     *
     * @throws UnknownHostException if the host name does not resolve
     */
    public static InetSocketAddress resolve(InetSocketAddress endpoint) throws UnknownHostException {
        if (!endpoint.isUnresolved()) {
            return endpoint;
        }
        InetSocketAddress r = new InetSocketAddress(endpoint.getHostString(), endpoint.getPort());
        if (r.isUnresolved()) {
            throw new UnknownHostException(endpoint.getHostString());
        }
        return r;
    }

    /**
     * Connects a channel in blocking mode within {@code timeoutNanos}, by a non-blocking connect
     * and a private selector (a blocking {@code SocketChannel.connect} has no timeout, and Unix
     * channels have no socket adaptor). The channel is in blocking mode afterwards. The caller
     * closes the channel on failure.
     *
     * @param channel      an unconnected channel
     * @param address      where to connect
     * @param timeoutNanos the limit; zero or negative times out at once unless the connect
     *                     completes immediately
     * @throws SocketTimeoutException if not connected in time
     * @throws ConnectException       if refused; its message names the address, the JDK's
     *                                exception is the cause
     * @throws IOException            for other failures
     */
    public static void connect(SocketChannel channel, SocketAddress address, long timeoutNanos) throws IOException {
        channel.configureBlocking(false);
        try {
            if (!channel.connect(address)) {
                long deadline = System.nanoTime() + timeoutNanos;
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    while (!channel.finishConnect()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SocketTimeoutException("connect to " + address + " timed out after "
                                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
                        }
                        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                        selector.selectedKeys().clear();
                    }
                }
            }
        } catch (ConnectException e) {
            throw connectFailure(address, e);
        }
        channel.configureBlocking(true);
    }

    /** @return a {@link ConnectException} naming {@code address}, with {@code cause} kept */
    public static ConnectException connectFailure(SocketAddress address, Throwable cause) {
        ConnectException e = new ConnectException("cannot connect to " + address + ": " + cause.getMessage());
        e.initCause(cause);
        return e;
    }

    /**
     * The aliveness probe of a blocking channel: one non-blocking read of at most one byte,
     * with the channel switched to non-blocking mode for that read only. Never blocks.
     *
     * @return {@code false} if the channel is closed, reset, at end of stream, or has a byte
     *         waiting (consumed: an idle connection's peer has nothing to say); otherwise true
     */
    public static boolean isAlive(SocketChannel channel) {
        if (!channel.isOpen() || !channel.isConnected()) {
            return false;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        try {
            synchronized (channel.blockingLock()) {
                boolean blocking = channel.isBlocking();
                if (blocking) {
                    channel.configureBlocking(false);
                }
                try {
                    return channel.read(one) == 0;
                } finally {
                    if (blocking) {
                        channel.configureBlocking(true);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Closes {@code c} if not null; failures are logged at DEBUG level only. */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
