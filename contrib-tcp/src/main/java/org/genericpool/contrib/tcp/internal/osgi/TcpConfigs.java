package org.genericpool.contrib.tcp.internal.osgi;

import org.genericpool.contrib.tcp.TcpOptions;
import org.genericpool.contrib.tcp.spi.Check;
import org.genericpool.contrib.tcp.spi.ConfigMapping;

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
        return ConfigMapping.socketOptions(TcpOptions.builder(), connectTimeout, sendBufferSize, receiveBufferSize,
                        ioThreads)
                .tcpNoDelay(tcpNoDelay)
                .keepAlive(keepAlive)
                .build();
    }

    /** Maps, logging a rejected configuration (the message names the property) before rethrowing. */
    static TcpOptions optionsOrLog(TcpManagerConfig c) {
        return ConfigMapping.orLog(LOG, TcpManagerConfig.PID, () -> options(c));
    }
}
