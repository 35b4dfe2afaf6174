package org.genericpool.contrib.unix.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genericpool.contrib.tcp.testkit.ConfigProxy;
import org.genericpool.contrib.tcp.testkit.RecordingBundleContext;
import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.genericpool.contrib.unix.UnixConnectionManager;
import org.genericpool.contrib.unix.UnixOptions;
import org.junit.jupiter.api.Test;

/** Configuration mapping of the Unix-socket components, without a framework. */
class UnixConfigsTest {

    private static UnixManagerConfig config(Map<String, Object> props) {
        return ConfigProxy.of(UnixManagerConfig.class, props);
    }

    @Test
    void propertiesAreMappedAndChecked() {
        Map<String, Object> p = new HashMap<>();
        p.put("genericpool.manager", "unix-docker");
        assertEquals(UnixOptions.defaults(), UnixConfigs.options(config(p)));
        p.put("connect.timeout", 0.5);
        p.put("send.buffer.size", 4096);
        p.put("io.threads", 2);
        UnixOptions o = UnixConfigs.options(config(p));
        assertEquals(Duration.ofMillis(500), o.connectTimeout());
        assertEquals(4096, o.sendBufferSize());
        assertEquals(2, o.ioThreads());
        RecordingBundleContext bundle = new RecordingBundleContext();
        ConfiguredUnixManagers component = new ConfiguredUnixManagers(bundle.context(), config(p), p);
        assertEquals(o, ((UnixConnectionManager) bundle.live().get(0).service).options());
        assertEquals(o, ((AsyncUnixConnectionManager) bundle.live().get(1).service).options());
        assertEquals("unix-docker", bundle.live().get(0).properties.get("genericpool.manager"));
        component.deactivate();
        assertEquals(List.of(), bundle.live());
        p.put("io.threads", 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnixConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith("io.threads = 100 is out of range [1, 64]"), e.getMessage());
        p.remove("io.threads");
        p.put("connect.timeout", -2);
        e = assertThrows(IllegalArgumentException.class, () -> UnixConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith("connect.timeout = -2.0 is out of range"), e.getMessage());
        RecordingBundleContext refused = new RecordingBundleContext();
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredUnixManagers(refused.context(), config(p), p));
        assertEquals(List.of(), refused.registered(), "an invalid configuration registers nothing");
        p.remove("genericpool.manager");
        p.remove("connect.timeout");
        e = assertThrows(IllegalArgumentException.class, () -> UnixConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith("genericpool.manager"), e.getMessage());
    }
}
