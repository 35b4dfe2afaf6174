package org.genericpool.contrib.unix.internal.osgi;

import org.genericpool.contrib.tcp.spi.Check;
import org.genericpool.contrib.tcp.spi.ConfigMapping;
import org.genericpool.contrib.unix.UnixOptions;

/** Maps ConfigAdmin values to {@link UnixOptions}; failures name the property, value and range. */
public final class UnixConfigs {

    private static final System.Logger LOG = System.getLogger(UnixConfigs.class.getName());

    private UnixConfigs() {
    }

    /** @return options from a configuration */
    public static UnixOptions options(UnixManagerConfig c) {
        Check.required("genericpool.manager", c.genericpool_manager());
        return ConfigMapping.socketOptions(UnixOptions.builder(), c.connect_timeout(), c.send_buffer_size(),
                c.receive_buffer_size(), c.io_threads()).build();
    }

    /** Maps, logging a rejected configuration before rethrowing. */
    static UnixOptions optionsOrLog(UnixManagerConfig c) {
        return ConfigMapping.orLog(LOG, UnixManagerConfig.PID, () -> options(c));
    }
}
