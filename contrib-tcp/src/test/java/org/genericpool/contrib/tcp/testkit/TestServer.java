package org.genericpool.contrib.tcp.testkit;

import java.time.Duration;

/** A server a test starts on loopback (or a Unix socket) and controls. */
public interface TestServer extends AutoCloseable {

    /** Closes every accepted connection (TLS: with close_notify first). */
    void closeAll() throws Exception;

    /** Resets every accepted connection (TCP: SO_LINGER 0; Unix sockets know no reset: closes). */
    void resetAll() throws Exception;

    /** Writes bytes nobody asked for to every accepted connection. */
    void writeAll(byte[] bytes) throws Exception;

    /**
     * Writes bytes nobody asked for straight onto the transport of every accepted connection: under
     * TLS, beneath the TLS layer, as a peer that writes plain text onto the socket would.
     */
    default void writeRawAll(byte[] bytes) throws Exception {
        writeAll(bytes);
    }

    /** @return connections accepted so far */
    int accepted();

    /** @return connections the client side closed (end of stream or error seen by the server) */
    int closedByPeer();

    /** Waits, bounded, until {@link #closedByPeer()} reaches {@code n}; returns the final count. */
    default int awaitClosedByPeer(int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (closedByPeer() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return closedByPeer();
    }

    /** Waits, bounded, until {@link #accepted()} reaches {@code n}; returns the final count. */
    default int awaitAccepted(int n, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (accepted() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return accepted();
    }

    @Override
    void close() throws Exception;
}
