package org.genericpool.contrib.ssl.internal.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.genericpool.contrib.ssl.SslConnectionManager;
import org.genericpool.contrib.ssl.SslOptions;
import org.genericpool.contrib.ssl.TestCertsAccess;
import org.genericpool.contrib.tcp.testkit.ConfigProxy;
import org.genericpool.contrib.tcp.testkit.RecordingBundleContext;
import org.junit.jupiter.api.Test;

/** Configuration mapping of the TLS components, without a framework. */
class SslConfigsTest {

    private static final String SECRET = "changeit";

    private static SslManagerConfig config(Map<String, Object> props) {
        return ConfigProxy.of(SslManagerConfig.class, props);
    }

    private static Map<String, Object> named() {
        Map<String, Object> m = new HashMap<>();
        m.put("genericpool.manager", "ssl-test");
        return m;
    }

    /** Passwords have private property names, so DS never turns them into service properties. */
    @Test
    void passwordPropertiesArePrivate() throws Exception {
        assertEquals(".keystore.password",
                ConfigProxy.propertyName(SslManagerConfig.class.getMethod("_keystore_password")));
        assertEquals(".truststore.password",
                ConfigProxy.propertyName(SslManagerConfig.class.getMethod("_truststore_password")));
    }

    /** Without stores the JDK's default context is used; other properties are mapped. */
    @Test
    void everyPropertyIsMapped() throws Exception {
        Map<String, Object> p = named();
        p.put("connect.timeout", 1.5);
        p.put("handshake.timeout", 2);
        p.put("close.timeout", 0.25);
        p.put("protocols", new String[] {"TLSv1.3"});
        p.put("hostname.verification", false);
        p.put("io.threads", 2);
        SslOptions o = SslConfigs.options(config(p));
        assertEquals(Duration.ofMillis(1500), o.tcp().connectTimeout());
        assertEquals(Duration.ofSeconds(2), o.handshakeTimeout());
        assertEquals(Duration.ofMillis(250), o.closeTimeout());
        assertEquals(List.of("TLSv1.3"), o.protocols());
        assertFalse(o.hostnameVerification());
        assertEquals(2, o.tcp().ioThreads());
        assertEquals(SSLContext.getDefault(), o.sslContext());
    }

    /**
     * Metatype's empty default ({@code {""}}) means the JDK's defaults, and a comma-separated
     * string (a {@code .cfg} line) is split and trimmed.
     */
    @Test
    void listsAreReadAsTyped() {
        Map<String, Object> p = named();
        p.put("protocols", new String[] {""});
        p.put("cipher.suites", new String[] {" ", ""});
        SslOptions defaults = SslConfigs.options(config(p));
        assertEquals(List.of(), defaults.protocols());
        assertEquals(List.of(), defaults.cipherSuites());

        p.put("protocols", new String[] {"TLSv1.3, TLSv1.2"});
        p.put("cipher.suites", new String[] {"TLS_AES_128_GCM_SHA256,", " TLS_AES_256_GCM_SHA384"});
        SslOptions typed = SslConfigs.options(config(p));
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), typed.protocols());
        assertEquals(List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"), typed.cipherSuites());
    }

    /** Invalid values name property, value and range. */
    @Test
    void invalidValuesAreNamed() {
        assertRejected("handshake.timeout", 0, "handshake.timeout = 0.0 is out of range");
        assertRejected("close.timeout", -1, "close.timeout = -1.0 is out of range");
        assertRejected("protocols", new String[] {"TLSv9"}, "protocols = [TLSv9]: TLSv9 is not one of");
        assertRejected("cipher.suites", new String[] {"NOPE"}, "cipher.suites = [NOPE]: NOPE is not one of");
        assertRejected("keystore.path", "/does/not/exist.p12", "keystore.path = /does/not/exist.p12: cannot load");
        assertRejected("genericpool.manager", "", "genericpool.manager =");
    }

    private static void assertRejected(String property, Object value, String expected) {
        Map<String, Object> p = named();
        p.put(property, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SslConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    /** A wrong store password fails naming the store, and the password given appears nowhere. */
    @Test
    void passwordsNeverAppearInMessages() throws Exception {
        Map<String, Object> p = named();
        p.put("truststore.path", TestCertsAccess.truststore().toString());
        p.put(".truststore.password", "wrong-secret-42");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SslConfigs.options(config(p)));
        assertTrue(e.getMessage().startsWith("truststore.path = "), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-secret-42"), e.getMessage());
        p.put(".truststore.password", SECRET);
        SslOptions ok = SslConfigs.options(config(p));
        assertFalse(ok.toString().contains(SECRET));
        assertEquals("x***y", SslConfigs.hide("x" + SECRET + "y", SECRET));
    }

    /** A manager configured with a truststore connects to the test server, verifying its host name. */
    @Test
    void configuredTruststoreIsUsed() throws Exception {
        Map<String, Object> p = named();
        p.put("truststore.path", TestCertsAccess.truststore().toString());
        p.put(".truststore.password", SECRET);
        p.put("handshake.timeout", 5);
        RecordingBundleContext bundle = new RecordingBundleContext();
        ConfiguredSslManagers component = new ConfiguredSslManagers(bundle.context(), config(p), p);
        assertEquals(2, bundle.live().size());
        assertFalse(bundle.live().get(0).properties.containsKey(".truststore.password"));
        assertEquals("ssl-test", bundle.live().get(1).properties.get("genericpool.manager"));
        SslConnectionManager m = (SslConnectionManager) bundle.live().get(0).service;
        try (var server = TestCertsAccess.goodServer()) {
            InetSocketAddress ep = TestCertsAccess.localhost(server);
            SSLSocket c = m.create(ep, Duration.ofSeconds(5));
            try {
                OutputStream out = c.getOutputStream();
                out.write("hi".getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = c.getInputStream();
                assertEquals("hi", new String(in.readNBytes(2), StandardCharsets.UTF_8));
            } finally {
                m.dispose(ep, c, null);
            }
        }
        component.deactivate();
        assertEquals(List.of(), bundle.live());
    }

    /**
     * A configuration the JDK refuses (an unknown protocol) throws from activation, naming the
     * property, and registers nothing, so no manager service stands there returning null.
     */
    @Test
    void invalidConfigurationRegistersNoManager() {
        Map<String, Object> p = named();
        p.put("protocols", new String[] {"TLSv9"});
        RecordingBundleContext bundle = new RecordingBundleContext();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfiguredSslManagers(bundle.context(), config(p), p));
        assertTrue(e.getMessage().contains("protocols"), e.getMessage());
        assertTrue(e.getMessage().contains("TLSv9"), e.getMessage());
        assertEquals(List.of(), bundle.registered());
    }
}
