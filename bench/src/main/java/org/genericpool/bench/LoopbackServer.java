package org.genericpool.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server on this machine only (127.0.0.1 or a Unix socket in a temporary directory) for the
 * transport benchmarks: it accepts any number of connections, each served by a daemon thread
 * that echoes what it reads until the peer closes. Closing the server closes every socket.
 */
final class LoopbackServer implements AutoCloseable {

    /** What kind of server. */
    enum Kind { TCP, TLS, UNIX }

    private static final String STORE_PASSWORD = "bench-only";

    private final Kind kind;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final Object endpoint;
    private final Path directory;
    private final SSLContext clientContext;
    private volatile boolean closed;

    private LoopbackServer(Kind kind) throws Exception {
        this.kind = kind;
        switch (kind) {
            case TCP: {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
                open.add(server);
                endpoint = server.getLocalAddress();
                directory = null;
                clientContext = null;
                acceptor = new Thread(() -> selectLoop(server), "bench-tcp-server");
                break;
            }
            case TLS: {
                directory = Files.createTempDirectory("genericpool-bench-tls");
                Path store = directory.resolve("server.p12");
                generateKeyStore(store);
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keyStore.load(in, STORE_PASSWORD.toCharArray());
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, STORE_PASSWORD.toCharArray());
                SSLContext serverContext = SSLContext.getInstance("TLS");
                serverContext.init(kmf.getKeyManagers(), null, null);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                Certificate cert = keyStore.getCertificate("server");
                trust.setCertificateEntry("server", cert);
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                clientContext = SSLContext.getInstance("TLS");
                clientContext.init(null, tmf.getTrustManagers(), null);
                SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                        .createServerSocket(0, 256, InetAddress.getLoopbackAddress());
                open.add(server);
                // Resolved to 127.0.0.1 but named localhost: the name is what SNI and host name verification use.
                endpoint = new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}),
                        server.getLocalPort());
                acceptor = new Thread(() -> acceptSockets(server), "bench-tls-server");
                break;
            }
            case UNIX: {
                directory = Files.createTempDirectory("genericpool-bench-unix");
                Path path = directory.resolve("s");
                ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                server.bind(UnixDomainSocketAddress.of(path));
                open.add(server);
                endpoint = path;
                clientContext = null;
                acceptor = new Thread(() -> selectLoop(server), "bench-unix-server");
                break;
            }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LoopbackServer start(Kind kind) throws Exception {
        return new LoopbackServer(kind);
    }

    /** @return the endpoint to connect to: an {@link InetSocketAddress} or a {@link Path} */
    Object endpoint() {
        return endpoint;
    }

    /** @return for TLS, a client context that trusts this server's certificate (host name localhost) */
    SSLContext clientContext() {
        return clientContext;
    }

    private void acceptSockets(ServerSocket server) {
        while (!closed) {
            try {
                Socket s = server.accept();
                open.add(s);
                serve(s, s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * Serves plain TCP or Unix connections from one thread with a selector, so a connect costs
     * the server no thread: accept, then echo whatever arrives.
     */
    private void selectLoop(ServerSocketChannel server) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try (Selector selector = Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (!closed) {
                selector.select(100);
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel ch = server.accept();
                        if (ch != null) {
                            ch.configureBlocking(false);
                            ch.register(selector, SelectionKey.OP_READ);
                        }
                    } else if (key.isReadable()) {
                        echo((SocketChannel) key.channel(), key, buffer);
                    }
                }
            }
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static void echo(SocketChannel ch, SelectionKey key, ByteBuffer buffer) {
        try {
            buffer.clear();
            int n = ch.read(buffer);
            if (n < 0) {
                key.cancel();
                ch.close();
                return;
            }
            buffer.flip();
            // Replies are small; a full send buffer on loopback would mean a stuck client, so give up after a while.
            for (int spins = 0; buffer.hasRemaining() && spins < 1_000_000; spins++) {
                ch.write(buffer);
            }
        } catch (IOException e) {
            key.cancel();
            closeQuietly(ch);
        }
    }

    private void serve(AutoCloseable socket, InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                if (socket instanceof SSLSocket) {
                    ((SSLSocket) socket).startHandshake();
                }
                for (int n; (n = in.read(buffer)) >= 0; ) { // ends when the peer closes
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // peer reset or server closing
            } finally {
                closeQuietly(socket);
                open.remove(socket);
            }
        }, "bench-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-conn");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        for (AutoCloseable c : open) {
            closeQuietly(c);
        }
        acceptor.join(TimeUnit.SECONDS.toMillis(5));
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already broken
        }
    }

    /** Makes a self-signed EC certificate for localhost / 127.0.0.1 with the JDK's keytool. */
    private static void generateKeyStore(Path store) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed: " + output);
        }
    }

    /** Writes {@code request} and reads as many bytes back (the server echoes). */
    static void roundTrip(java.nio.channels.ByteChannel ch, ByteBuffer request, ByteBuffer response) throws IOException {
        request.clear();
        while (request.hasRemaining()) {
            ch.write(request);
        }
        response.clear();
        while (response.hasRemaining()) {
            if (ch.read(response) < 0) {
                throw new IOException("server closed the connection");
            }
        }
    }
}
