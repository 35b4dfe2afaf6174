package org.genericpool.contrib.tcp.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the blocking and the asynchronous transport contracts share: the server each test starts
 * and its endpoint, closing what a test opened (before the server), the shared waits, and the
 * three cases in which the server makes an idle connection dead. A subclass per flavour says how
 * a connection dies and is replaced ({@link #deadAfter}).
 *
 * @param <E> endpoint type
 */
public abstract class TransportFixture<E> {

    /** Upper bound of any wait in these tests. */
    protected static final Duration WAIT = Duration.ofSeconds(5);
    /** Time for a close, reset or write of the server to reach the client over loopback. */
    protected static final long PROPAGATION_MILLIS = 100;

    protected TestServer server;
    protected E endpoint;
    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

    /**
     * How the tests of one transport start its echo server and name endpoints; shared by that
     * transport's blocking and asynchronous tests.
     *
     * @param <E> endpoint type
     */
    public interface Servers<E> {
        /** @return a started echo server */
        TestServer start() throws Exception;

        /** @return the endpoint of {@code server}, which {@link #start()} of this object returned */
        E endpointOf(TestServer server) throws Exception;

        /** @return an endpoint where nobody listens, so that a connect is refused */
        E refused() throws Exception;
    }

    /** @return the servers of the transport under test; called once per test, and by {@link #refusedEndpoint()} */
    protected abstract Servers<E> servers();

    /** @return an endpoint where nobody listens, so that a connect is refused */
    protected E refusedEndpoint() throws Exception {
        return servers().refused();
    }

    @BeforeEach
    void startTheServer() throws Exception {
        Servers<E> servers = servers();
        server = servers.start();
        endpoint = servers.endpointOf(server);
    }

    @AfterEach
    void closeEverything() throws Exception {
        while (!toClose.isEmpty()) {
            toClose.pop().close();
        }
        server.close();
    }

    /** Registers {@code c} to be closed after the test, before the server. */
    protected <T extends AutoCloseable> T closeLater(T c) {
        toClose.push(c);
        return c;
    }

    /** The server closes an idle connection: the next acquire finds it dead and hands out a fresh one. */
    @Test
    void peerClosedIdleConnectionIsDeadAndReplaced() throws Exception {
        deadAfter(() -> server.closeAll());
    }

    /** The same for a reset (SO_LINGER 0; a Unix socket cannot be reset and is closed instead). */
    @Test
    void peerResetIdleConnectionIsDeadAndReplaced() throws Exception {
        deadAfter(() -> server.resetAll());
    }

    /** Unsolicited bytes waiting on an idle connection make it dead. */
    @Test
    void unsolicitedBytesMakeIdleConnectionDead() throws Exception {
        deadAfter(() -> server.writeAll("surprise".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** One stray byte waiting (under TLS: one that no record can start with) makes an idle connection dead. */
    @Test
    void oneStrayByteMakesIdleConnectionDead() throws Exception {
        deadAfter(() -> server.writeRawAll(new byte[] {'X'}));
    }

    /** A line of plain text written onto the transport (under TLS: not a TLS record) makes an idle connection dead. */
    @Test
    void plainTextOnTheTransportMakesIdleConnectionDead() throws Exception {
        deadAfter(() -> server.writeRawAll("220 service ready\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    /** A server action run while a connection is idle. */
    protected interface ServerAction {
        void run() throws Exception;
    }

    /**
     * Pools one connection, runs {@code action} while it is idle, and checks that the next
     * acquire finds it dead, disposes it and hands out a fresh, working one.
     */
    protected abstract void deadAfter(ServerAction action) throws Exception;
}
