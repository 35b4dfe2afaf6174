package org.genericpool.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP echo server on 127.0.0.1 with an ephemeral port: one daemon thread accepts, one per
 * connection echoes. Counts accepted connections, so a test can prove that no reconnect happened.
 */
public final class EchoServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<SocketChannel> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** Binds to 127.0.0.1:0 and starts accepting. */
    public EchoServer() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "itest-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the address to connect to */
    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** @return connections accepted so far */
    public int accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                accepted.incrementAndGet();
                clients.add(client);
                Thread echo = new Thread(() -> echo(client), "itest-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void echo(SocketChannel client) {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        try (client) {
            while (client.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // peer gone or server closed
        }
    }

    /** Closes the server and every accepted connection. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
    }
}
