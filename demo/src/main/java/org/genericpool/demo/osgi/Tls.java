package org.genericpool.demo.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The TLS echo server's {@link SSLContext}, from the demo's generated PKCS12 keystore. */
final class Tls {

    private Tls() {
    }

    /**
     * @param keystore a PKCS12 file holding the server's key and self-signed certificate
     * @param password its password
     * @return a server context presenting that certificate
     */
    static SSLContext serverContext(Path keystore, String password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the demo keystore " + keystore, e);
        }
    }
}
