package org.genericpool.contrib.tcp;

/** {@link AsyncTcpConnectionManager} over IPv6 loopback. */
class TcpAsyncIpv6Test extends TcpAsyncIpv4Test {
    @Override
    protected String host() {
        return "::1";
    }
}
