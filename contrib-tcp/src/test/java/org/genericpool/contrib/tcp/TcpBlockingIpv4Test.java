package org.genericpool.contrib.tcp;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.testkit.BlockingIo;
import org.genericpool.contrib.tcp.testkit.BlockingTransportContract;

/** {@link TcpConnectionManager} over IPv4 loopback. */
class TcpBlockingIpv4Test extends BlockingTransportContract<InetSocketAddress, SocketChannel> {

    protected String host() {
        return "127.0.0.1";
    }

    @Override
    protected Servers<InetSocketAddress> servers() {
        return TcpTransports.loopback(host());
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
