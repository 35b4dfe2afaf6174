package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.contrib.tcp.spi.Check;
import org.genericpool.contrib.unix.UnixOptions;

/** Maps ConfigAdmin values to {@link UnixOptions}; failures name the property, value and range. */
public final class UnixConfigs {

    private static final System.Logger LOG = System.getLogger(UnixConfigs.class.getName());

    private UnixConfigs() {
    }

    /** @return options from a configuration */
    public static UnixOptions options(UnixManagerConfig c) {
        Check.required("genericpool.manager", c.genericpool_manager());
        return UnixOptions.builder()
                .connectTimeout(Check.seconds("connect.timeout", c.connect_timeout()))
                .sendBufferSize(Check.bufferSize("send.buffer.size", c.send_buffer_size()))
                .receiveBufferSize(Check.bufferSize("receive.buffer.size", c.receive_buffer_size()))
                .ioThreads(Check.range("io.threads", c.io_threads(), 1, 64))
                .build();
    }

    /** Maps, logging a rejected configuration before rethrowing. */
    static UnixOptions optionsOrLog(UnixManagerConfig c) {
        try {
            return options(c);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "invalid configuration " + UnixManagerConfig.PID + ": " + e.getMessage());
            throw e;
        }
    }
}
