package org.genericpool.contrib.tcp;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.contrib.tcp.testkit.Failures;
import org.genericpool.contrib.tcp.testkit.Fds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connect that cannot finish: a listener that never accepts, its backlog filled, so the
 * kernel drops further SYNs. The managers give up at the timeout and leak no socket.
 */
class TcpConnectTimeoutTest {

    private ServerSocketChannel server;
    private final List<SocketChannel> fillers = new ArrayList<>();
    private InetSocketAddress address;

    @BeforeEach
    void fillTheBacklog() throws Exception {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        address = (InetSocketAddress) server.getLocalAddress();
        TcpConnectionManager m = new TcpConnectionManager();
        for (int i = 0; i < 8; i++) {
            try {
                fillers.add(m.create(address, Duration.ofMillis(200)));
            } catch (SocketTimeoutException full) {
                return;
            }
        }
        throw new IllegalStateException("the backlog never filled");
    }

    @AfterEach
    void close() throws Exception {
        for (SocketChannel c : fillers) {
            c.close();
        }
        server.close();
    }

    /** Blocking: the pool's acquire timeout bounds the connect; AcquireTimeoutException, no socket left. */
    @Test
    void blockingConnectHonoursTheTimeout() throws Exception {
        PoolConfig config = PoolConfig.builder().name("tcp-connect-timeout").acquireTimeout(Duration.ofMillis(250)).build();
        try (ConnectionPool<InetSocketAddress, SocketChannel> pool = ConnectionPools.create(new TcpConnectionManager(), config)) {
            int baseline = Fds.count();
            long start = System.nanoTime();
            assertThrows(AcquireTimeoutException.class, () -> pool.acquire(address));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 1500, () -> "took " + millis + " ms");
            assertTrue(Fds.awaitAtMost(baseline, Duration.ofSeconds(5)) <= baseline, "file descriptors leaked");
        }
    }

    /** Async: the manager's connect timeout ends the connect with SocketTimeoutException, no socket left. */
    @Test
    void asyncConnectHonoursTheTimeout() throws Exception {
        try (AsyncTcpConnectionManager m = new AsyncTcpConnectionManager(
                TcpOptions.builder().connectTimeout(Duration.ofMillis(250)).build())) {
            int baseline = Fds.count();
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> m.create(address).toCompletableFuture().get(5, TimeUnit.SECONDS));
            assertNotNull(Failures.find(e, SocketTimeoutException.class), () -> "got " + e);
            // the I/O thread started by this manager holds a selector (2 descriptors)
            assertTrue(Fds.awaitAtMost(baseline + 2, Duration.ofSeconds(5)) <= baseline + 2, "file descriptors leaked");
        }
    }
}
