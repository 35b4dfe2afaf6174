package org.genericpool.contrib.ssl;

/** {@link AsyncSslConnectionManager} with TLS 1.2 only. */
class SslAsyncTls12Test extends SslAsyncIpv4Test {
    @Override
    protected SslOptions.Builder clientOptions() throws Exception {
        return super.clientOptions().protocols("TLSv1.2");
    }
}
