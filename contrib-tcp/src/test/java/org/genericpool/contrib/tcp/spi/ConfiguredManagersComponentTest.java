package org.genericpool.contrib.tcp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.genericpool.contrib.tcp.testkit.RecordingBundleContext;
import org.junit.jupiter.api.Test;

/** The registrations of a configured manager pair, against a recording bundle context. */
class ConfiguredManagersComponentTest {

    private static final Map<String, Object> CONFIGURATION = Map.of("genericpool.manager", "tcp-fast",
            "connect.timeout", 2.5, ".secret", "hidden", "component.name", "x.Component", "component.id", 7L,
            "service.pid", "org.genericpool.contrib.tcp~a");

    private static ConfiguredManagersComponent register(RecordingBundleContext bundle, TcpConnectionManager blocking,
                                                        AsyncTcpConnectionManager async) {
        return new ConfiguredManagersComponent(bundle.context(), CONFIGURATION, blocking, async) { };
    }

    /** Both managers are registered under their interfaces with the public properties only. */
    @Test
    void registersBothManagersWithThePublicProperties() {
        RecordingBundleContext bundle = new RecordingBundleContext();
        TcpConnectionManager blocking = new TcpConnectionManager();
        AsyncTcpConnectionManager async = new AsyncTcpConnectionManager();
        ConfiguredManagersComponent component = register(bundle, blocking, async);
        List<RecordingBundleContext.Registered> live = bundle.live();
        assertEquals(2, live.size());
        assertEquals(ConnectionManager.class.getName(), live.get(0).className);
        assertSame(blocking, live.get(0).service);
        assertEquals(AsyncConnectionManager.class.getName(), live.get(1).className);
        assertSame(async, live.get(1).service);
        Map<String, Object> expected = Map.of("genericpool.manager", "tcp-fast", "connect.timeout", 2.5,
                "service.pid", "org.genericpool.contrib.tcp~a");
        assertEquals(expected, live.get(0).properties);
        assertEquals(expected, live.get(1).properties);
        component.deactivate();
        assertEquals(List.of(), bundle.live());
    }

    /** Deactivation unregisters both, stops the async manager's I/O threads, and a second one does nothing. */
    @Test
    void closeUnregistersAndClosesTheAsyncManager() throws Exception {
        RecordingBundleContext bundle = new RecordingBundleContext();
        AsyncTcpConnectionManager async = new AsyncTcpConnectionManager();
        ConfiguredManagersComponent component = register(bundle, new TcpConnectionManager(), async);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            AsynchronousSocketChannel before = async.create(endpoint)
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertTrue(before.isOpen());
            component.deactivate();
            assertEquals(List.of(), bundle.live());
            // the I/O thread closes its channels as it stops, after close() returns
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (before.isOpen() && System.nanoTime() - deadline < 0) {
                Thread.sleep(5);
            }
            assertTrue(!before.isOpen(), "the open connection is closed with the manager");
            assertThrows(Exception.class, () -> async.create(endpoint)
                    .toCompletableFuture().get(5, TimeUnit.SECONDS));
            component.deactivate();
            assertEquals(2, bundle.registered().size());
        }
    }

    /** If the second registration fails, the first is taken back and the failure reaches the caller. */
    @Test
    void aFailedRegistrationLeavesNothingRegistered() {
        RecordingBundleContext bundle = new RecordingBundleContext();
        bundle.failRegistrationsOf(AsyncConnectionManager.class.getName());
        try (AsyncTcpConnectionManager async = new AsyncTcpConnectionManager()) {
            assertThrows(IllegalStateException.class, () -> register(bundle, new TcpConnectionManager(), async));
        }
        assertEquals(1, bundle.registered().size());
        assertEquals(List.of(), bundle.live());
    }
}
