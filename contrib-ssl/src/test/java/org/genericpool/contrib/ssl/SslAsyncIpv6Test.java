package org.genericpool.contrib.ssl;

/** {@link AsyncSslConnectionManager} over IPv6 loopback. */
class SslAsyncIpv6Test extends SslAsyncIpv4Test {
    @Override
    protected String host() {
        return "::1";
    }
}
