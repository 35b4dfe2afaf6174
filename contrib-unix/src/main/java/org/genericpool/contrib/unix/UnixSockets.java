package org.genericpool.contrib.unix;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.genericpool.contrib.tcp.spi.Sockets;

/** Failure translation shared by the Unix managers. */
final class UnixSockets {

    private UnixSockets() {
    }

    /**
     * A connect to a path where no socket file exists fails with a plain {@link SocketException}
     * ("No such file or directory"); report it as the refusal it is, a {@link ConnectException}
     * with the JDK's exception as cause. Other failures stay as they are.
     */
    static Throwable translate(Path path, Throwable failure) {
        if (failure instanceof SocketException && !(failure instanceof ConnectException) && !Files.exists(path)) {
            return Sockets.connectFailure(UnixDomainSocketAddress.of(path), failure);
        }
        return failure;
    }
}
