package org.genericpool.contrib.ssl;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.Check;

/**
 * Options of the TLS managers: the TCP socket options plus TLS settings. Immutable, validated
 * by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code tcp}</td><td>{@link TcpOptions#defaults()}</td><td>connect timeout, TCP_NODELAY, keep-alive, buffers, I/O threads</td></tr>
 *   <tr><td>{@code sslContext}</td><td>{@link SSLContext#getDefault()}</td><td>keys and trust</td></tr>
 *   <tr><td>{@code protocols}</td><td>empty = the context's defaults</td><td>enabled protocols, each supported by the context</td></tr>
 *   <tr><td>{@code cipherSuites}</td><td>empty = the context's defaults</td><td>enabled cipher suites, each supported by the context</td></tr>
 *   <tr><td>{@code hostnameVerification}</td><td>true</td><td>endpoint identification "HTTPS" against the endpoint's host name</td></tr>
 *   <tr><td>{@code handshakeTimeout}</td><td>10 s</td><td>(0, 1 day]; for the blocking manager, the pool's remaining budget shortens it</td></tr>
 *   <tr><td>{@code closeTimeout}</td><td>1 s</td><td>(0, 1 day]; bound of the close_notify exchange: always for the asynchronous manager; for the blocking one when the pool's dispose timeout is null, zero or negative</td></tr>
 * </table>
 *
 * <p>Thread-safe (immutable); the builder is not thread-safe.
 */
public final class SslOptions {

    private final TcpOptions tcp;
    private final SSLContext sslContext;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final boolean hostnameVerification;
    private final Duration handshakeTimeout;
    private final Duration closeTimeout;

    private SslOptions(Builder b, SSLContext context) {
        this.tcp = b.tcp;
        this.sslContext = context;
        this.protocols = List.copyOf(b.protocols);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.hostnameVerification = b.hostnameVerification;
        this.handshakeTimeout = b.handshakeTimeout;
        this.closeTimeout = b.closeTimeout;
    }

    /** @return options with every default, {@link SSLContext#getDefault()} included */
    public static SslOptions defaults() {
        return builder().build();
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().tcp(tcp).sslContext(sslContext).protocols(protocols).cipherSuites(cipherSuites)
                .hostnameVerification(hostnameVerification).handshakeTimeout(handshakeTimeout)
                .closeTimeout(closeTimeout);
    }

    /** @return the TCP socket options */
    public TcpOptions tcp() {
        return tcp;
    }

    /** @return the TLS context */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return the enabled protocols; empty for the context's defaults */
    public List<String> protocols() {
        return protocols;
    }

    /** @return the enabled cipher suites; empty for the context's defaults */
    public List<String> cipherSuites() {
        return cipherSuites;
    }

    /** @return whether the server's certificate must match the endpoint's host name */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** @return the longest a TLS handshake may take */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * @return the bound of the close_notify exchange: always for the asynchronous manager; for
     *         the blocking one when the pool's dispose timeout is null, zero or negative
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * Applies these options and the endpoint's host name to TLS parameters: endpoint
     * identification "HTTPS" (if verifying), SNI from {@code host} (unless it is an IP literal;
     * set explicitly, so that names without a dot such as {@code localhost} are sent too),
     * protocols and cipher suites.
     *
     * @param p    the parameters to change, e.g. an engine's or socket's current ones
     * @param host the endpoint's host name, set as SNI unless it is null or an IP literal
     * @return {@code p}, changed
     */
    public SSLParameters parameters(SSLParameters p, String host) {
        if (hostnameVerification) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (host != null && !isIpLiteral(host)) {
            p.setServerNames(List.of(new javax.net.ssl.SNIHostName(host)));
        }
        if (!protocols.isEmpty()) {
            p.setProtocols(protocols.toArray(String[]::new));
        }
        if (!cipherSuites.isEmpty()) {
            p.setCipherSuites(cipherSuites.toArray(String[]::new));
        }
        return p;
    }

    static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SslOptions[tcp=" + tcp + ", protocols=" + protocols + ", cipherSuites=" + cipherSuites
                + ", hostnameVerification=" + hostnameVerification + ", handshakeTimeout=" + handshakeTimeout
                + ", closeTimeout=" + closeTimeout + "]";
    }

    /** Builds {@link SslOptions}; {@link #build()} validates every value. Not thread-safe. */
    public static final class Builder {
        private TcpOptions tcp = TcpOptions.defaults();
        private SSLContext sslContext;
        private List<String> protocols = List.of();
        private List<String> cipherSuites = List.of();
        private boolean hostnameVerification = true;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(1);

        private Builder() {
        }

        /** @param v the TCP socket options */
        public Builder tcp(TcpOptions v) {
            this.tcp = v;
            return this;
        }

        /** @param v the TLS context; null for {@link SSLContext#getDefault()} */
        public Builder sslContext(SSLContext v) {
            this.sslContext = v;
            return this;
        }

        /** @param v enabled protocols, e.g. {@code TLSv1.3}; empty for the context's defaults */
        public Builder protocols(List<String> v) {
            this.protocols = v;
            return this;
        }

        /** @param v enabled protocols; none for the context's defaults */
        public Builder protocols(String... v) {
            return protocols(Arrays.asList(v));
        }

        /** @param v enabled cipher suites; empty for the context's defaults */
        public Builder cipherSuites(List<String> v) {
            this.cipherSuites = v;
            return this;
        }

        /** @param v enabled cipher suites; none for the context's defaults */
        public Builder cipherSuites(String... v) {
            return cipherSuites(Arrays.asList(v));
        }

        /** @param v whether the certificate must match the endpoint's host name (default true) */
        public Builder hostnameVerification(boolean v) {
            this.hostnameVerification = v;
            return this;
        }

        /** @param v the longest a TLS handshake may take, (0, 1 day] */
        public Builder handshakeTimeout(Duration v) {
            this.handshakeTimeout = v;
            return this;
        }

        /** @param v bound of the close_notify exchange, (0, 1 day] */
        public Builder closeTimeout(Duration v) {
            this.closeTimeout = v;
            return this;
        }

        /**
         * @return the validated options
         * @throws IllegalArgumentException naming the property, its value and the allowed values
         * @throws NullPointerException     naming the property if one is null
         * @throws IllegalStateException    if no context is given and the JDK's default cannot be made
         */
        public SslOptions build() {
            Objects.requireNonNull(tcp, "tcp");
            Objects.requireNonNull(protocols, "protocols");
            Objects.requireNonNull(cipherSuites, "cipherSuites");
            Check.timeout("handshakeTimeout", handshakeTimeout);
            Check.timeout("closeTimeout", closeTimeout);
            SSLContext context = sslContext;
            if (context == null) {
                try {
                    context = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("no default SSLContext", e);
                }
            }
            SSLParameters supported = context.getSupportedSSLParameters();
            supportedOnly("protocols", protocols, supported.getProtocols());
            supportedOnly("cipherSuites", cipherSuites, supported.getCipherSuites());
            return new SslOptions(this, context);
        }

        private static void supportedOnly(String property, List<String> values, String[] supported) {
            List<String> all = Arrays.asList(supported);
            for (String v : values) {
                Objects.requireNonNull(v, property);
                if (!all.contains(v)) {
                    throw new IllegalArgumentException(property + " = " + values + ": " + v
                            + " is not one of the context's supported values " + all);
                }
            }
        }
    }
}
