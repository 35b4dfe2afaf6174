package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.genericpool.contrib.tcp.testkit.TestServer;
import org.genericpool.contrib.tcp.testkit.TransportFixture;

/**
 * A TLS echo server (JDK SSLSocket over a plain accepted socket, one daemon thread per
 * connection; tests only). Records the SNI names clients send. JDK servers send TLS 1.3 session
 * tickets after the handshake, which is what the aliveness tests need.
 */
final class TlsServer implements TestServer {

    private final ServerSocket server;
    private final SSLContext context;
    private final List<Socket> plains = new CopyOnWriteArrayList<>();
    private final List<SSLSocket> ssls = new CopyOnWriteArrayList<>();
    final List<String> sniNames = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile boolean closed;

    TlsServer(String host, SSLContext context) throws IOException {
        this.context = context;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(host, 0), 200);
        Thread t = new Thread(this::acceptLoop, "tls-server-accept");
        t.setDaemon(true);
        t.start();
    }

    /** @return the endpoint with host name {@code localhost} and this server's address */
    /** @return servers with the good certificate on {@code host}, endpoints named "localhost" */
    static TransportFixture.Servers<InetSocketAddress> loopback(String host) {
        return new TransportFixture.Servers<>() {
            @Override
            public TestServer start() throws Exception {
                return good(host);
            }

            @Override
            public InetSocketAddress endpointOf(TestServer server) throws IOException {
                return ((TlsServer) server).localhostEndpoint();
            }

            @Override
            public InetSocketAddress refused() throws IOException {
                return refusedLocalhost(host);
            }
        };
    }

    /** @return a server on {@code host} with the good certificate (for "localhost") */
    static TlsServer good(String host) throws Exception {
        return new TlsServer(host, TestCerts.serverContext(TestCerts.get().goodKeystore));
    }

    /** @return an endpoint named "localhost" on {@code host}'s address where nobody listens (a port just freed) */
    static InetSocketAddress refusedLocalhost(String host) throws IOException {
        try (var s = new java.net.ServerSocket()) {
            s.bind(new InetSocketAddress(host, 0));
            return new InetSocketAddress(java.net.InetAddress.getByAddress("localhost", s.getInetAddress().getAddress()),
                    s.getLocalPort());
        }
    }

    InetSocketAddress localhostEndpoint() throws IOException {
        InetAddress a = server.getInetAddress();
        return new InetSocketAddress(InetAddress.getByAddress("localhost", a.getAddress()), server.getLocalPort());
    }

    /** @return the endpoint with host name {@code name} and this server's address */
    InetSocketAddress endpointNamed(String name) throws IOException {
        InetAddress a = server.getInetAddress();
        return new InetSocketAddress(InetAddress.getByAddress(name, a.getAddress()), server.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed) {
            Socket plain;
            try {
                plain = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            plains.add(plain);
            Thread t = new Thread(() -> serve(plain), "tls-server-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket plain) {
        try (SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true)) {
            ssl.setUseClientMode(false);
            ssls.add(ssl);
            ssl.startHandshake();
            if (ssl.getSession() instanceof ExtendedSSLSession es) {
                for (SNIServerName n : es.getRequestedServerNames()) {
                    if (n instanceof SNIHostName h) {
                        sniNames.add(h.getAsciiName());
                    }
                }
            }
            InputStream in = ssl.getInputStream();
            OutputStream out = ssl.getOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // a failed handshake, a reset or this side's close: the connection is gone
        } finally {
            ended.incrementAndGet();
        }
    }

    @Override
    public void closeAll() throws IOException {
        for (SSLSocket s : ssls) {
            s.close();
        }
        ssls.clear();
        plains.clear();
    }

    @Override
    public void resetAll() throws IOException {
        for (Socket p : plains) {
            p.setSoLinger(true, 0);
            p.close();
        }
        ssls.clear();
        plains.clear();
    }

    @Override
    public void writeAll(byte[] bytes) throws IOException {
        for (SSLSocket s : ssls) {
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
        }
    }

    @Override
    public void writeRawAll(byte[] bytes) throws IOException {
        for (Socket p : plains) {
            p.getOutputStream().write(bytes);
            p.getOutputStream().flush();
        }
    }

    @Override
    public int accepted() {
        return accepted.get();
    }

    @Override
    public int closedByPeer() {
        return ended.get();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket p : plains) {
            p.close();
        }
    }
}
