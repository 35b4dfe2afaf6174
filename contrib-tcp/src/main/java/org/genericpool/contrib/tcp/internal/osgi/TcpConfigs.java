package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.Check;

/**
 * Maps ConfigAdmin values to options. Pure functions, tested without a framework; every failure
 * is an {@link IllegalArgumentException} naming the configuration property, its value and the
 * allowed range.
 */
public final class TcpConfigs {

    private static final System.Logger LOG = System.getLogger(TcpConfigs.class.getName());

    private TcpConfigs() {
    }

    /** @return TCP options from a configuration */
    public static TcpOptions options(TcpManagerConfig c) {
        Check.required("genericpool.manager", c.genericpool_manager());
        return tcpOptions(c.connect_timeout(), c.tcp_nodelay(), c.keep_alive(), c.send_buffer_size(),
                c.receive_buffer_size(), c.io_threads());
    }

    /** @return TCP options from configuration values, each checked under its property name */
    public static TcpOptions tcpOptions(double connectTimeout, boolean tcpNoDelay, boolean keepAlive,
                                       int sendBufferSize, int receiveBufferSize, int ioThreads) {
        return TcpOptions.builder()
                .connectTimeout(Check.seconds("connect.timeout", connectTimeout))
                .tcpNoDelay(tcpNoDelay)
                .keepAlive(keepAlive)
                .sendBufferSize(Check.bufferSize("send.buffer.size", sendBufferSize))
                .receiveBufferSize(Check.bufferSize("receive.buffer.size", receiveBufferSize))
                .ioThreads(Check.range("io.threads", ioThreads, 1, 64))
                .build();
    }

    /** Logs a rejected configuration (the message names the property) and returns the failure to throw. */
    public static RuntimeException rejected(String pid, RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "invalid configuration " + pid + ": " + e.getMessage());
        return e;
    }
}
