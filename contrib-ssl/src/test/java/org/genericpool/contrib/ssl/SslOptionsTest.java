package org.genericpool.contrib.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.junit.jupiter.api.Test;

/** Validation and TLS parameters of {@link SslOptions}. */
class SslOptionsTest {

    @Test
    void defaultsUseTheJdkContextAndVerifyHostNames() throws Exception {
        SslOptions o = SslOptions.defaults();
        assertEquals(SSLContext.getDefault(), o.sslContext());
        assertTrue(o.hostnameVerification());
        assertEquals(Duration.ofSeconds(10), o.handshakeTimeout());
    }

    @Test
    void everyInvalidValueIsNamed() {
        assertMessage("handshakeTimeout = PT0S is out of range", SslOptions.builder().handshakeTimeout(Duration.ZERO));
        assertMessage("closeTimeout = PT-1S is out of range", SslOptions.builder().closeTimeout(Duration.ofSeconds(-1)));
        assertMessage("protocols = [SSLv9]: SSLv9 is not one of", SslOptions.builder().protocols("SSLv9"));
        assertMessage("cipherSuites = [X]: X is not one of", SslOptions.builder().cipherSuites("X"));
        assertEquals("tcp", assertThrows(NullPointerException.class, () -> SslOptions.builder().tcp(null).build()).getMessage());
    }

    private static void assertMessage(String prefix, SslOptions.Builder b) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    /** SNI is set from the host name, also for a name without a dot; never for an IP literal. */
    @Test
    void parametersCarryVerificationAndSni() {
        SslOptions o = SslOptions.builder().protocols("TLSv1.3").build();
        SSLParameters p = o.parameters(new SSLParameters(), "localhost");
        assertEquals("HTTPS", p.getEndpointIdentificationAlgorithm());
        assertEquals(List.of(new SNIHostName("localhost")), p.getServerNames());
        assertEquals(List.of("TLSv1.3"), List.of(p.getProtocols()));
        assertTrue(o.parameters(new SSLParameters(), "127.0.0.1").getServerNames() == null
                || o.parameters(new SSLParameters(), "127.0.0.1").getServerNames().isEmpty());
        assertTrue(SslOptions.isIpLiteral("::1"));
        assertFalse(SslOptions.isIpLiteral("db1.example"));
        SSLParameters off = SslOptions.builder().hostnameVerification(false).build().parameters(new SSLParameters(), "h");
        assertEquals(null, off.getEndpointIdentificationAlgorithm());
    }
}
