package org.genericpool.contrib.tcp;

import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.testkit.AsyncTransportContract;
import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.TestServer;

/** {@link AsyncTcpConnectionManager} over IPv4 loopback. */
class TcpAsyncIpv4Test extends AsyncTransportContract<InetSocketAddress, AsynchronousSocketChannel> {

    protected String host() {
        return "127.0.0.1";
    }

    @Override
    protected TestServer startServer() throws Exception {
        return ChannelServer.tcp(host());
    }

    @Override
    protected InetSocketAddress endpointOf(TestServer server) throws Exception {
        return ((ChannelServer) server).inetAddress();
    }

    @Override
    protected InetSocketAddress refusedEndpoint() throws Exception {
        return TcpTransports.refused(host());
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
