package org.genericpool.contrib.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionManagerException;
import org.genericpool.ConnectionPool;
import org.genericpool.contrib.tcp.testkit.BlockingTransportContract;
import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.Failures;
import org.genericpool.contrib.tcp.testkit.Fds;
import org.genericpool.contrib.tcp.testkit.TestServer;
import org.junit.jupiter.api.Test;

/** {@link SslConnectionManager} against a TLS echo server on IPv4 loopback, endpoint host name "localhost". */
class SslBlockingIpv4Test extends BlockingTransportContract<InetSocketAddress, SSLSocket> {

    protected String host() {
        return "127.0.0.1";
    }

    /** @return the client's options; subclasses pin a protocol */
    protected SslOptions.Builder clientOptions() throws Exception {
        return TestCerts.clientOptions();
    }

    @Override
    protected Servers<InetSocketAddress> servers() {
        return TlsServer.loopback(host());
    }

    @Override
    protected ConnectionManager<InetSocketAddress, SSLSocket> newManager() {
        try {
            return new SslConnectionManager(clientOptions().build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String roundTrip(SSLSocket c, String message) throws Exception {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        OutputStream out = c.getOutputStream();
        out.write(bytes);
        out.flush();
        InputStream in = c.getInputStream();
        byte[] back = in.readNBytes(bytes.length);
        return new String(back, StandardCharsets.UTF_8);
    }

    /** The endpoint's host name "localhost" (no dot) reaches the server as SNI. */
    @Test
    void localhostIsSentAsSni() throws Exception {
        ConnectionManager<InetSocketAddress, SSLSocket> m = newManager();
        SSLSocket c = m.create(endpoint, WAIT);
        try {
            assertEquals("sni", roundTrip(c, "sni"));
            assertTrue(((TlsServer) server).sniNames.contains("localhost"), () -> "SNI seen: " + ((TlsServer) server).sniNames);
        } finally {
            m.dispose(endpoint, c, WAIT);
        }
    }

    /** A certificate for another host name is rejected by default, with the JDK's SSLException in the cause chain. */
    @Test
    void certificateForAnotherHostIsRejected() throws Exception {
        try (TlsServer wrong = new TlsServer(host(), TestCerts.serverContext(TestCerts.get().wrongKeystore))) {
            ConnectionPool<InetSocketAddress, SSLSocket> pool = pool(newManager(), 2, WAIT);
            InetSocketAddress ep = wrong.localhostEndpoint();
            ConnectionManagerException e = assertThrows(ConnectionManagerException.class, () -> pool.acquire(ep));
            assertNotNull(Failures.find(e, SSLException.class), () -> "no SSLException in " + e);
        }
    }

    /** With host name verification off, the same certificate (trusted) is accepted. */
    @Test
    void hostnameVerificationCanBeTurnedOff() throws Exception {
        try (TlsServer wrong = new TlsServer(host(), TestCerts.serverContext(TestCerts.get().wrongKeystore))) {
            SslConnectionManager m = new SslConnectionManager(clientOptions().hostnameVerification(false).build());
            InetSocketAddress ep = wrong.localhostEndpoint();
            SSLSocket c = m.create(ep, WAIT);
            assertEquals("ok", roundTrip(c, "ok"));
            m.dispose(ep, c, WAIT);
        }
    }

    /** A server that accepts but never answers the handshake: AcquireTimeoutException in time, no socket left. */
    @Test
    void handshakeThatNeverCompletesTimesOutWithoutLeak() throws Exception {
        try (ChannelServer silent = ChannelServer.tcp(host(), ChannelServer.Mode.SILENT)) {
            InetSocketAddress ep = new InetSocketAddress(java.net.InetAddress.getByAddress("localhost",
                    silent.inetAddress().getAddress().getAddress()), silent.inetAddress().getPort());
            ConnectionPool<InetSocketAddress, SSLSocket> pool = pool(newManager(), 2, Duration.ofMillis(300));
            assertThrows(AcquireTimeoutException.class, () -> pool.acquire(ep));
            int baseline = Fds.count();
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThrows(AcquireTimeoutException.class, () -> pool.acquire(ep));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3 * 300 + 1500, () -> "took " + millis + " ms");
            assertTrue(Fds.awaitAtMost(baseline, WAIT) <= baseline, "file descriptors leaked");
        }
    }

    /**
     * TLS 1.3 session tickets wait unread on an idle connection (proved white-box), and the
     * connection stays alive across many acquires.
     */
    @Test
    void sessionTicketsDoNotMakeAConnectionDead() throws Exception {
        SslConnectionManager m = (SslConnectionManager) newManager();
        SSLSocket c = m.create(endpoint, WAIT);
        try {
            if ("TLSv1.3".equals(c.getSession().getProtocol())) {
                // The server sends its tickets after the handshake: wait (bounded) until they arrived.
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
                while (m.unreadTransportBytes(c) == 0 && System.nanoTime() - until < 0) {
                    Thread.sleep(PROPAGATION_MILLIS);
                }
                assertTrue(m.unreadTransportBytes(c) > 0, "a TLS 1.3 server sends tickets after the handshake");
            } else {
                Thread.sleep(PROPAGATION_MILLIS);
            }
            assertTrue(m.checkAliveness(endpoint, c, null));
            assertEquals("after-check", roundTrip(c, "after-check"));
        } finally {
            m.dispose(endpoint, c, WAIT);
        }
        ConnectionPool<InetSocketAddress, SSLSocket> pool = pool(newManager(), 2, WAIT);
        SSLSocket first = pool.acquire(endpoint);
        pool.release(endpoint, first);
        for (int i = 0; i < 50; i++) {
            SSLSocket s = pool.acquire(endpoint);
            assertSame(first, s);
            assertEquals("r" + i, roundTrip(s, "r" + i));
            pool.release(endpoint, s);
        }
        assertEquals(0, pool.stats().dead());
        assertEquals(2, server.accepted(), "the direct connection and the pooled one");
    }
}
