package org.genericpool.bench;

import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.genericpool.ConnectionManager;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.contrib.ssl.AsyncSslConnectionManager;
import org.genericpool.contrib.ssl.SslConnectionManager;
import org.genericpool.contrib.tcp.AsyncTcpConnectionManager;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.genericpool.contrib.unix.AsyncUnixConnectionManager;
import org.genericpool.contrib.unix.UnixConnectionManager;

/** The contrib managers by name, each with the loopback server it talks to. */
final class Transports {

    /** How long a benchmark's set-up waits for a connect. */
    static final Duration CONNECT = Duration.ofSeconds(10);

    private Transports() {
    }

    static LoopbackServer.Kind serverKind(String transport) {
        if (transport.startsWith("tcp")) {
            return LoopbackServer.Kind.TCP;
        }
        if (transport.startsWith("ssl")) {
            return LoopbackServer.Kind.TLS;
        }
        if (transport.startsWith("unix")) {
            return LoopbackServer.Kind.UNIX;
        }
        throw new IllegalArgumentException("unknown transport: " + transport);
    }

    static boolean isAsync(String transport) {
        return transport.endsWith("-async");
    }

    /** @return the blocking manager for {@code transport} (tcp, ssl, unix) */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ConnectionManager<Object, Object> blocking(String transport, SSLContext tls) {
        switch (transport) {
            case "tcp":
                return (ConnectionManager) new TcpConnectionManager();
            case "ssl":
                return (ConnectionManager) new SslConnectionManager(tls);
            case "unix":
                return (ConnectionManager) new UnixConnectionManager();
            default:
                throw new IllegalArgumentException("unknown blocking transport: " + transport);
        }
    }

    /** @return the asynchronous manager for {@code transport} (tcp-async, ssl-async, unix-async) */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static AsyncConnectionManager<Object, Object> async(String transport, SSLContext tls) {
        switch (transport) {
            case "tcp-async":
                return (AsyncConnectionManager) new AsyncTcpConnectionManager();
            case "ssl-async":
                return (AsyncConnectionManager) new AsyncSslConnectionManager(tls);
            case "unix-async":
                return (AsyncConnectionManager) new AsyncUnixConnectionManager();
            default:
                throw new IllegalArgumentException("unknown async transport: " + transport);
        }
    }

    static void closeQuietly(Object o) {
        if (o instanceof AutoCloseable) {
            try {
                ((AutoCloseable) o).close();
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
