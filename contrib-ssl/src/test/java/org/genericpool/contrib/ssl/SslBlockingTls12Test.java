package org.genericpool.contrib.ssl;

/** {@link SslConnectionManager} with TLS 1.2 only. */
class SslBlockingTls12Test extends SslBlockingIpv4Test {
    @Override
    protected SslOptions.Builder clientOptions() throws Exception {
        return super.clientOptions().protocols("TLSv1.2");
    }
}
