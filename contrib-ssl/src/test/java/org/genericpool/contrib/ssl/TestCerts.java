package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made at test time with the JDK's keytool (run once per test JVM): one for
 * {@code localhost} / 127.0.0.1 / ::1 and one for {@code wrong.example}; the client context
 * trusts both, so the only thing wrong with the second is its host name.
 */
final class TestCerts {

    static final char[] PASSWORD = "changeit".toCharArray();
    private static TestCerts instance;

    final Path dir;
    final Path goodKeystore;
    final Path wrongKeystore;
    final Path truststore;

    private TestCerts() throws Exception {
        dir = Files.createTempDirectory("gp-tls");
        goodKeystore = dir.resolve("good.p12");
        wrongKeystore = dir.resolve("wrong.p12");
        truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1",
                "-validity", "2", "-keystore", goodKeystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=wrong.example", "-ext", "san=dns:wrong.example",
                "-validity", "2", "-keystore", wrongKeystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("good", cert(goodKeystore));
        trust.setCertificateEntry("wrong", cert(wrongKeystore));
        try (var out = Files.newOutputStream(truststore)) {
            trust.store(out, PASSWORD);
        }
        for (Path p : List.of(goodKeystore, wrongKeystore, truststore)) {
            p.toFile().deleteOnExit();
        }
        dir.toFile().deleteOnExit();
    }

    static synchronized TestCerts get() throws Exception {
        if (instance == null) {
            instance = new TestCerts();
        }
        return instance;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(keytool.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(out));
        }
    }

    private static Certificate cert(Path keystore) throws Exception {
        return load(keystore).getCertificate("server");
    }

    static KeyStore load(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    /** @return a server context presenting {@code keystore}'s certificate */
    static SSLContext serverContext(Path keystore) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keystore), PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** @return a client context trusting both test certificates */
    SSLContext clientContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(truststore));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** @return client options trusting the test CA, with 2 s connect and handshake timeouts */
    static SslOptions.Builder clientOptions() throws Exception {
        return SslOptions.builder().sslContext(get().clientContext())
                .tcp(org.genericpool.contrib.tcp.TcpOptions.builder().connectTimeout(java.time.Duration.ofSeconds(2)).build())
                .handshakeTimeout(java.time.Duration.ofSeconds(2));
    }
}
