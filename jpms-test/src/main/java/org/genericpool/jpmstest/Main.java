package org.genericpool.jpmstest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

import javax.management.ObjectName;

import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPoolFactory;
import org.genericpool.ConnectionPools;
import org.genericpool.Lease;
import org.genericpool.PoolConfig;
import org.genericpool.contrib.tcp.TcpConnectionManager;

/**
 * Runs on the module path: starts a loopback echo server, creates a pool of the TCP contrib's
 * {@link TcpConnectionManager} through {@link ConnectionPools}, echoes over a pooled TCP
 * connection twice, and prints one line of
 * facts that the test checks. Exits non-zero on any failure.
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread echo = new Thread(() -> echoOne(server), "jpms-echo");
            echo.setDaemon(true);
            echo.start();
            InetSocketAddress endpoint = (InetSocketAddress) server.getLocalAddress();

            PoolConfig config = PoolConfig.builder().name("jpms-test").maxSize(2).build();
            try (ConnectionPool<InetSocketAddress, SocketChannel> pool =
                         ConnectionPools.create(new TcpConnectionManager(), config)) {
                SocketChannel first;
                String reply1;
                try (Lease<InetSocketAddress, SocketChannel> lease = pool.connection(endpoint)) {
                    first = lease.connection();
                    reply1 = echo(first, "ping");
                }
                String reply2;
                boolean reused;
                try (Lease<InetSocketAddress, SocketChannel> lease = pool.connection(endpoint)) {
                    reused = lease.connection() == first;
                    reply2 = echo(lease.connection(), "pong");
                }
                boolean mbean = ManagementFactory.getPlatformMBeanServer()
                        .isRegistered(new ObjectName("org.genericpool:type=ConnectionPool,name=jpms-test"));
                Module engine = ConnectionPools.factory().getClass().getModule();
                System.out.println("jpms: app=" + Main.class.getModule().getName()
                        + " api=" + describe(ConnectionPoolFactory.class.getModule())
                        + " engine=" + describe(engine)
                        + " manager=" + describe(TcpConnectionManager.class.getModule())
                        + " osgi=" + ModuleLayer.boot().modules().stream().anyMatch(m -> m.getName().startsWith("osgi")
                                || m.getName().startsWith("org.osgi"))
                        + " echo=" + reply1 + "," + reply2
                        + " reused=" + reused
                        + " created=" + pool.stats().created()
                        + " mbean=" + mbean);
            }
        }
    }

    private static String describe(Module module) {
        if (!module.isNamed()) {
            return "unnamed";
        }
        return module.getName() + (module.getDescriptor().isAutomatic() ? "(automatic)" : "(explicit)");
    }

    private static void echoOne(ServerSocketChannel server) {
        try (SocketChannel client = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (client.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static String echo(SocketChannel channel, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("closed");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }
}
