package org.genericpool.contrib.tcp.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An echo server over a {@link ServerSocketChannel} (TCP or Unix socket), one daemon thread per
 * connection (tests only). {@link Mode#SILENT} accepts and reads but never answers.
 */
public final class ChannelServer implements TestServer {

    /** What the server does with bytes it receives. */
    public enum Mode { ECHO, SILENT }

    private final ServerSocketChannel server;
    private final boolean unix;
    private final Mode mode;
    private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closedByPeer = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private ChannelServer(ServerSocketChannel server, boolean unix, Mode mode) {
        this.server = server;
        this.unix = unix;
        this.mode = mode;
        this.acceptor = new Thread(this::acceptLoop, "test-server-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** An echo server on {@code host} (e.g. 127.0.0.1 or ::1), any free port. */
    public static ChannelServer tcp(String host) throws IOException {
        return tcp(host, Mode.ECHO);
    }

    /** A server on {@code host}, any free port. */
    public static ChannelServer tcp(String host, Mode mode) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open();
        s.bind(new InetSocketAddress(host, 0), 200);
        return new ChannelServer(s, false, mode);
    }

    /** An echo server on a Unix socket at {@code path}. */
    public static ChannelServer unix(Path path, Mode mode) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(path), 200);
        return new ChannelServer(s, true, mode);
    }

    /** @return the bound address ({@link InetSocketAddress} or {@link UnixDomainSocketAddress}) */
    public SocketAddress address() throws IOException {
        return server.getLocalAddress();
    }

    /** @return the bound TCP address */
    public InetSocketAddress inetAddress() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.add(c);
            accepted.incrementAndGet();
            Thread t = new Thread(() -> serve(c), "test-server-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(SocketChannel c) {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (true) {
                buf.clear();
                int n = c.read(buf);
                if (n < 0) {
                    break;
                }
                if (mode == Mode.ECHO) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        c.write(buf);
                    }
                }
            }
        } catch (IOException e) {
            // a reset, or closed by this side: either way the connection is gone
        } finally {
            closedByPeer.incrementAndGet();
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    @Override
    public void closeAll() throws IOException {
        for (SocketChannel c : connections) {
            c.close();
        }
        connections.clear();
    }

    @Override
    public void resetAll() throws IOException {
        for (SocketChannel c : connections) {
            if (!unix) {
                c.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
            c.close();
        }
        connections.clear();
    }

    @Override
    public void writeAll(byte[] bytes) throws IOException {
        for (SocketChannel c : connections) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                c.write(b);
            }
        }
    }

    @Override
    public int accepted() {
        return accepted.get();
    }

    /**
     * Counts connections that ended; a connection this side closed ends too, so compare with
     * the number of connections the test expects the client to have closed.
     */
    @Override
    public int closedByPeer() {
        return closedByPeer.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        closeAll();
    }
}
