package org.genericpool.contrib.unix;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.genericpool.ConnectionManager;
import org.genericpool.contrib.tcp.testkit.BlockingIo;
import org.genericpool.contrib.tcp.testkit.BlockingTransportContract;
import org.junit.jupiter.api.Test;

/** {@link UnixConnectionManager} against a Unix-socket echo server in a temporary directory. */
class UnixBlockingTest extends BlockingTransportContract<Path, SocketChannel> {

    @Override
    protected Servers<Path> servers() {
        return UnixTransports.servers();
    }

    @Override
    protected ConnectionManager<Path, SocketChannel> newManager() {
        return new UnixConnectionManager(UnixTransports.FAST);
    }

    @Override
    protected String roundTrip(SocketChannel connection, String message) throws Exception {
        return BlockingIo.roundTrip(connection, message);
    }

    /** A path with no socket file at all is a refusal too. */
    @Test
    void missingSocketFileIsConnectException() throws Exception {
        Path missing = UnixTransports.freshPath();
        ConnectException e = assertThrows(ConnectException.class,
                () -> new UnixConnectionManager().create(missing, WAIT));
        assertNotNull(e.getCause());
    }
}
