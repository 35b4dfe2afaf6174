package org.genericpool.contrib.ssl.internal.osgi;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.genericpool.contrib.ssl.SslOptions;
import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.Check;
import org.genericpool.contrib.tcp.spi.ConfigMapping;

/**
 * Maps ConfigAdmin values to {@link SslOptions}, loading key and trust stores. Failures are
 * {@link IllegalArgumentException}s naming the property and value; passwords never appear in
 * them (a message that would contain one has it replaced by {@code ***}).
 */
public final class SslConfigs {

    private static final System.Logger LOG = System.getLogger(SslConfigs.class.getName());

    private SslConfigs() {
    }

    /** @return options from a configuration */
    public static SslOptions options(SslManagerConfig c) {
        Check.required("genericpool.manager", c.genericpool_manager());
        TcpOptions tcp = ConfigMapping.socketOptions(TcpOptions.builder(), c.connect_timeout(),
                        c.send_buffer_size(), c.receive_buffer_size(), c.io_threads())
                .tcpNoDelay(c.tcp_nodelay())
                .keepAlive(c.keep_alive())
                .build();
        SslOptions.Builder b = SslOptions.builder().tcp(tcp)
                .sslContext(context(c))
                .hostnameVerification(c.hostname_verification())
                .handshakeTimeout(Check.seconds("handshake.timeout", c.handshake_timeout()))
                .closeTimeout(Check.seconds("close.timeout", c.close_timeout()))
                .protocols(list(c.protocols()))
                .cipherSuites(list(c.cipher_suites()));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage().startsWith("cipherSuites") ? "cipher.suites" + e.getMessage().substring(12) : e.getMessage();
            throw new IllegalArgumentException(m, e);
        }
    }

    /**
     * The names a list property holds. ConfigAdmin hands over what a user typed in the form it was
     * typed: Metatype's empty default arrives as {@code {""}} and a {@code .cfg} line
     * {@code TLSv1.3,TLSv1.2} as one string, so entries are split at commas, trimmed, and blank
     * ones dropped (no protocol or cipher suite name holds a comma or a space).
     */
    static List<String> list(String[] values) {
        List<String> names = new ArrayList<>();
        for (String value : values == null ? new String[0] : values) {
            for (String part : value == null ? new String[0] : value.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.strip());
                }
            }
        }
        return List.copyOf(names);
    }

    /** @return a context from the configured stores, or null (the JDK's default) if none is configured */
    static SSLContext context(SslManagerConfig c) {
        boolean hasKeys = notBlank(c.keystore_path());
        boolean hasTrust = notBlank(c.truststore_path());
        if (!hasKeys && !hasTrust) {
            return null;
        }
        try {
            KeyManager[] keys = null;
            if (hasKeys) {
                char[] pw = password(c._keystore_password());
                KeyStore ks = load("keystore", c.keystore_path(), c.keystore_type(), pw, c._keystore_password());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                keys = kmf.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (hasTrust) {
                KeyStore ts = load("truststore", c.truststore_path(), c.truststore_type(),
                        password(c._truststore_password()), c._truststore_password());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ts);
                trust = tmf.getTrustManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keystore.path/truststore.path: cannot make a TLS context ("
                    + hide(e.toString(), c._keystore_password(), c._truststore_password()) + ")");
        }
    }

    private static KeyStore load(String what, String path, String type, char[] password, String secret) {
        try {
            KeyStore ks = KeyStore.getInstance(Check.required(what + ".type", type));
            try (InputStream in = Files.newInputStream(Path.of(path))) {
                ks.load(in, password);
            }
            return ks;
        } catch (Exception e) {
            throw new IllegalArgumentException(what + ".path = " + path + ": cannot load it as " + what + " of type "
                    + type + " (" + hide(e.toString(), secret) + ")");
        }
    }

    private static char[] password(String p) {
        return p == null || p.isEmpty() ? null : p.toCharArray();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** Replaces every occurrence of a secret in {@code message} by {@code ***}. */
    static String hide(String message, String... secrets) {
        return ConfigMapping.hide(message, secrets);
    }

    /** Maps, logging a rejected configuration (without secrets) before rethrowing. */
    static SslOptions optionsOrLog(SslManagerConfig c) {
        return ConfigMapping.orLog(LOG, SslManagerConfig.PID, () -> options(c),
                c._keystore_password(), c._truststore_password());
    }
}
