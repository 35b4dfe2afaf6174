package org.genericpool.contrib.tcp.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.testkit.ConfigProxy;
import org.genericpool.contrib.tcp.testkit.RecordingBundleContext;
import org.junit.jupiter.api.Test;

/** Configuration mapping of the TCP components, without a framework. */
class TcpConfigsTest {

    private static TcpManagerConfig config(Map<String, Object> props) {
        return ConfigProxy.of(TcpManagerConfig.class, props);
    }

    private static Map<String, Object> named() {
        Map<String, Object> m = new HashMap<>();
        m.put("genericpool.manager", "tcp-fast");
        return m;
    }

    /** Only a name given: the options are the defaults. */
    @Test
    void defaultsMapToDefaultOptions() {
        assertEquals(TcpOptions.defaults(), TcpConfigs.options(config(named())));
    }

    /** Every property reaches its option; seconds may be decimal. */
    @Test
    void everyPropertyIsMapped() {
        Map<String, Object> p = named();
        p.put("connect.timeout", 2.5);
        p.put("tcp.nodelay", false);
        p.put("keep.alive", true);
        p.put("send.buffer.size", 65536);
        p.put("receive.buffer.size", 131072);
        p.put("io.threads", 3);
        TcpOptions o = TcpConfigs.options(config(p));
        assertEquals(Duration.ofMillis(2500), o.connectTimeout());
        assertFalse(o.tcpNoDelay());
        assertTrue(o.keepAlive());
        assertEquals(65536, o.sendBufferSize());
        assertEquals(131072, o.receiveBufferSize());
        assertEquals(3, o.ioThreads());
    }

    /** The manager name is required. */
    @Test
    void missingManagerNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TcpConfigs.options(config(new HashMap<>())));
        assertTrue(e.getMessage().contains("genericpool.manager"), e.getMessage());
    }

    /** An invalid value is rejected with its property, value and range. */
    @Test
    void invalidValuesNamePropertyValueAndRange() {
        assertRejected("connect.timeout", 0.0, "connect.timeout = 0.0 is out of range (0, 86400] seconds");
        assertRejected("connect.timeout", -1.0, "connect.timeout = -1.0");
        assertRejected("send.buffer.size", -5, "send.buffer.size = -5 is out of range [0, 1073741824]");
        assertRejected("receive.buffer.size", -1, "receive.buffer.size = -1");
        assertRejected("io.threads", 0, "io.threads = 0 is out of range [1, 64]");
        assertRejected("io.threads", 65, "io.threads = 65");
    }

    private static void assertRejected(String property, Object value, String expected) {
        Map<String, Object> p = named();
        p.put(property, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TcpConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    /**
     * A valid configuration registers a blocking and an async manager with its options and
     * properties; deactivation takes both back. An invalid one throws (SCR logs it) and registers
     * nothing: no service whose getService would return null.
     */
    @Test
    void componentRegistersManagersOnlyForAValidConfiguration() {
        Map<String, Object> p = named();
        p.put("connect.timeout", 3);
        RecordingBundleContext bundle = new RecordingBundleContext();
        ConfiguredTcpManagers component = new ConfiguredTcpManagers(bundle.context(), config(p), p);
        List<RecordingBundleContext.Registered> live = bundle.live();
        assertEquals(2, live.size());
        assertEquals(Duration.ofSeconds(3), ((TcpConnectionManager) live.get(0).service).options().connectTimeout());
        assertEquals(Duration.ofSeconds(3), ((AsyncTcpConnectionManager) live.get(1).service).options().connectTimeout());
        assertEquals("tcp-fast", live.get(1).properties.get("genericpool.manager"));
        component.deactivate();
        assertEquals(List.of(), bundle.live());

        p.put("io.threads", 0);
        RecordingBundleContext refused = new RecordingBundleContext();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfiguredTcpManagers(refused.context(), config(p), p));
        assertTrue(e.getMessage().startsWith("io.threads = 0"), e.getMessage());
        assertEquals(List.of(), refused.registered());
    }
}
