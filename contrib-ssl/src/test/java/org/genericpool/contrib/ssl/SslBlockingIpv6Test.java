package org.genericpool.contrib.ssl;

/** {@link SslConnectionManager} over IPv6 loopback. */
class SslBlockingIpv6Test extends SslBlockingIpv4Test {
    @Override
    protected String host() {
        return "::1";
    }
}
