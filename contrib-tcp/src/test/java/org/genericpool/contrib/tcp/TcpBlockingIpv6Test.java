package org.genericpool.contrib.tcp;

/** {@link TcpConnectionManager} over IPv6 loopback. */
class TcpBlockingIpv6Test extends TcpBlockingIpv4Test {
    @Override
    protected String host() {
        return "::1";
    }
}
