package org.genericpool.contrib.unix;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.tcp.testkit.AsyncTransportContract;
import org.genericpool.contrib.tcp.testkit.Failures;
import org.junit.jupiter.api.Test;

/** {@link AsyncUnixConnectionManager} against a Unix-socket echo server in a temporary directory. */
class UnixAsyncTest extends AsyncTransportContract<Path, AsynchronousByteChannel> {

    @Override
    protected Servers<Path> servers() {
        return UnixTransports.servers();
    }

    @Override
    protected AsyncConnectionManager<Path, AsynchronousByteChannel> createManager() {
        return new AsyncUnixConnectionManager(UnixTransports.FAST);
    }

    @Override
    protected String ioThreadPrefix() {
        return "genericpool-unix-io";
    }

    /** A path with no socket file at all is a refusal too. */
    @Test
    void missingSocketFileIsConnectException() throws Exception {
        Path missing = UnixTransports.freshPath();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> await(newManager().create(missing)));
        assertNotNull(Failures.find(e, ConnectException.class), () -> "no ConnectException in " + e);
    }
}
