package org.genericpool.contrib.ssl;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.genericpool.contrib.tcp.testkit.TestServer;

/** Opens the test certificates and TLS server to tests in other packages. */
public final class TestCertsAccess {

    private TestCertsAccess() {
    }

    /** @return the PKCS12 truststore (password "changeit") trusting the test certificates */
    public static Path truststore() throws Exception {
        return TestCerts.get().truststore;
    }

    /** @return a TLS echo server on 127.0.0.1 with the certificate for localhost */
    public static TestServer goodServer() throws Exception {
        return new TlsServer("127.0.0.1", TestCerts.serverContext(TestCerts.get().goodKeystore));
    }

    /** @return the endpoint named "localhost" of a server from {@link #goodServer()} */
    public static InetSocketAddress localhost(TestServer server) throws Exception {
        return ((TlsServer) server).localhostEndpoint();
    }
}
