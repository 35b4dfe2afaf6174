package org.genericpool.demo.osgi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

/**
 * A loopback echo server: TCP on 127.0.0.1, TLS on 127.0.0.1 (answering as {@code localhost}),
 * or a Unix-domain socket. One daemon thread accepts, one per connection echoes.
 */
final class EchoServer implements AutoCloseable {

    private final Closeable server;
    private final SocketAddress address;
    private final List<Closeable> clients = new CopyOnWriteArrayList<>();

    private EchoServer(Closeable server, SocketAddress address, Runnable acceptLoop) {
        this.server = server;
        this.address = address;
        Thread acceptor = new Thread(acceptLoop, "genericpool-demo-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return a TCP echo server on 127.0.0.1 and an ephemeral port */
    static EchoServer tcp() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return channels(channel, channel.getLocalAddress());
    }

    /** @return a Unix-domain-socket echo server at {@code path} */
    static EchoServer unix(Path path) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        return channels(channel, channel.getLocalAddress());
    }

    /** @return a TLS echo server on the loopback address with the key of {@code context}; its address names {@code localhost} */
    static EchoServer tls(SSLContext context) throws IOException {
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress("localhost", socket.getLocalPort());
        EchoServer[] self = new EchoServer[1];
        self[0] = new EchoServer(socket, address, () -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    self[0].clients.add(client);
                    daemon(() -> echo(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return self[0];
    }

    private static EchoServer channels(ServerSocketChannel channel, SocketAddress address) {
        EchoServer[] self = new EchoServer[1];
        self[0] = new EchoServer(channel, address, () -> {
            while (channel.isOpen()) {
                try {
                    SocketChannel client = channel.accept();
                    self[0].clients.add(client);
                    daemon(() -> echo(client));
                } catch (IOException e) {
                    return;
                }
            }
        });
        return self[0];
    }

    /** @return where the server listens (for TLS: {@code localhost} and the port, so the name is verified and sent as SNI) */
    SocketAddress address() {
        return address;
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

    private static void echo(Socket client) {
        byte[] buffer = new byte[1024];
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // peer gone or server closed
        }
    }

    private static void daemon(Runnable body) {
        Thread t = new Thread(body, "genericpool-demo-echo");
        t.setDaemon(true);
        t.start();
    }

    /** Closes the server and the connections it accepted. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Closeable c : clients) {
            c.close();
        }
    }
}
