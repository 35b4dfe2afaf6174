package org.genericpool.contrib.tcp;

import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.testkit.AsyncTransportContract;

/** {@link AsyncTcpConnectionManager} over IPv4 loopback. */
class TcpAsyncIpv4Test extends AsyncTransportContract<InetSocketAddress, AsynchronousSocketChannel> {

    protected String host() {
        return "127.0.0.1";
    }

    @Override
    protected Servers<InetSocketAddress> servers() {
        return TcpTransports.loopback(host());
    }

    @Override
    protected AsyncConnectionManager<InetSocketAddress, AsynchronousSocketChannel> createManager() {
        return new AsyncTcpConnectionManager(TcpTransports.FAST);
    }

    @Override
    protected String ioThreadPrefix() {
        return "genericpool-tcp-io";
    }
}
