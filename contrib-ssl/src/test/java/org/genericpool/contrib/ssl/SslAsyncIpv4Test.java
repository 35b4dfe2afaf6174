package org.genericpool.contrib.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.AsynchronousByteChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLException;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionManagerException;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.contrib.tcp.testkit.AsyncIo;
import org.genericpool.contrib.tcp.testkit.AsyncTransportContract;
import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.Failures;
import org.genericpool.contrib.tcp.testkit.Fds;
import org.genericpool.contrib.tcp.testkit.TestServer;
import org.junit.jupiter.api.Test;

/** {@link AsyncSslConnectionManager} against a TLS echo server on IPv4 loopback, endpoint host name "localhost". */
class SslAsyncIpv4Test extends AsyncTransportContract<InetSocketAddress, AsynchronousByteChannel> {

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
    protected AsyncConnectionManager<InetSocketAddress, AsynchronousByteChannel> createManager() {
        try {
            return new AsyncSslConnectionManager(clientOptions().build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String ioThreadPrefix() {
        return "genericpool-ssl-io";
    }

    /** The endpoint's host name "localhost" (no dot) reaches the server as SNI. */
    @Test
    void localhostIsSentAsSni() throws Exception {
        AsyncConnectionManager<InetSocketAddress, AsynchronousByteChannel> m = newManager();
        AsynchronousByteChannel c = await(m.create(endpoint));
        assertEquals("sni", await(AsyncIo.roundTrip(c, "sni")));
        assertTrue(((TlsServer) server).sniNames.contains("localhost"), () -> "SNI seen: " + ((TlsServer) server).sniNames);
        await(m.dispose(endpoint, c));
    }

    /** A certificate for another host name is rejected by default, with the JDK's SSLException in the cause chain. */
    @Test
    void certificateForAnotherHostIsRejected() throws Exception {
        try (TlsServer wrong = new TlsServer(host(), TestCerts.serverContext(TestCerts.get().wrongKeystore))) {
            AsyncConnectionPool<InetSocketAddress, AsynchronousByteChannel> pool = pool(newManager(), 2, WAIT);
            InetSocketAddress ep = wrong.localhostEndpoint();
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(pool.acquire(ep)));
            assertTrue(Failures.unwrap(e) instanceof ConnectionManagerException, () -> "got " + e.getCause());
            assertNotNull(Failures.find(e, SSLException.class), () -> "no SSLException in " + e);
        }
    }

    /**
     * A server that accepts but never answers the handshake: the acquire fails with
     * AcquireTimeoutException at its deadline, create() returned at once without blocking, and
     * the socket is closed once the handshake timeout passes.
     */
    @Test
    void handshakeThatNeverCompletesTimesOutWithoutLeak() throws Exception {
        try (ChannelServer silent = ChannelServer.tcp(host(), ChannelServer.Mode.SILENT)) {
            InetSocketAddress ep = new InetSocketAddress(InetAddress.getByAddress("localhost",
                    silent.inetAddress().getAddress().getAddress()), silent.inetAddress().getPort());
            AsyncSslConnectionManager m = new AsyncSslConnectionManager(
                    clientOptions().handshakeTimeout(Duration.ofMillis(400)).build());
            closeLater(m);
            ExecutionException first = assertThrows(ExecutionException.class, () -> await(m.create(ep)));
            assertNotNull(Failures.find(first, SocketTimeoutException.class), () -> "got " + first);
            int baseline = Fds.count();
            long start = System.nanoTime();
            CompletableFuture<AsynchronousByteChannel> pending = m.create(ep).toCompletableFuture();
            long returnedMillis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(returnedMillis < 200, () -> "create blocked for " + returnedMillis + " ms");
            assertFalse(pending.isDone());
            assertThrows(ExecutionException.class, () -> await(pending));
            AsyncConnectionPool<InetSocketAddress, AsynchronousByteChannel> pool = pool(m, 2, Duration.ofMillis(200));
            ExecutionException e = assertThrows(ExecutionException.class, () -> await(pool.acquire(ep)));
            assertTrue(Failures.unwrap(e) instanceof AcquireTimeoutException, () -> "got " + e.getCause());
            assertTrue(Fds.awaitAtMost(baseline, WAIT) <= baseline, "file descriptors leaked");
        }
    }

    /** TLS 1.3 session tickets waiting on an idle connection do not make it dead, over many acquires. */
    @Test
    void sessionTicketsDoNotMakeAConnectionDead() throws Exception {
        AsyncConnectionPool<InetSocketAddress, AsynchronousByteChannel> pool = pool(newManager(), 2, WAIT);
        AsynchronousByteChannel first = await(pool.acquire(endpoint));
        await(pool.release(endpoint, first));
        Thread.sleep(PROPAGATION_MILLIS);
        for (int i = 0; i < 50; i++) {
            AsynchronousByteChannel c = await(pool.acquire(endpoint));
            assertSame(first, c);
            assertEquals("r" + i, await(AsyncIo.roundTrip(c, "r" + i)));
            await(pool.release(endpoint, c));
        }
        assertEquals(0, pool.stats().dead());
        assertEquals(1, server.accepted());
    }

    /** Larger messages cross several TLS records and partial reads and writes. */
    @Test
    void largeMessagesRoundTrip() throws Exception {
        AsyncConnectionManager<InetSocketAddress, AsynchronousByteChannel> m = newManager();
        AsynchronousByteChannel c = await(m.create(endpoint));
        String big = "x".repeat(200_000);
        assertEquals(big, await(AsyncIo.roundTrip(c, big)));
        await(m.dispose(endpoint, c));
        assertEquals(1, server.awaitClosedByPeer(1, WAIT));
    }
}
