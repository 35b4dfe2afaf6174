package org.genericpool.demo.osgi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback TCP echo server on an ephemeral port: one daemon thread accepts, one per connection echoes. */
final class EchoServer implements AutoCloseable {

    private final ServerSocketChannel server;
    private final List<SocketChannel> clients = new CopyOnWriteArrayList<>();

    /** Binds to 127.0.0.1:0 and starts accepting. */
    EchoServer() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "genericpool-demo-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return where the server listens */
    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread echo = new Thread(() -> echo(client), "genericpool-demo-echo");
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(SocketChannel client) {
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
        } finally {
            clients.remove(client);
        }
    }

    /** Closes the server and the connections it accepted. */
    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel c : clients) {
            c.close();
        }
    }
}
