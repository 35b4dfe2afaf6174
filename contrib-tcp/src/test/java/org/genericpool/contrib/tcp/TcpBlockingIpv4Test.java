package org.genericpool.contrib.tcp;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.testkit.BlockingIo;
import org.genericpool.contrib.tcp.testkit.BlockingTransportContract;
import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.genericpool.contrib.tcp.testkit.TestServer;

/** {@link TcpConnectionManager} over IPv4 loopback. */
class TcpBlockingIpv4Test extends BlockingTransportContract<InetSocketAddress, SocketChannel> {

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
    protected ConnectionManager<InetSocketAddress, SocketChannel> newManager() {
        return new TcpConnectionManager(TcpTransports.FAST);
    }

    @Override
    protected String roundTrip(SocketChannel connection, String message) throws Exception {
        return BlockingIo.roundTrip(connection, message);
    }
}
