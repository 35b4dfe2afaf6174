package org.genericpool.contrib.unix.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Factory configuration {@code org.genericpool.contrib.unix}: each one registers a Unix-socket
 * {@code ConnectionManager} and {@code AsyncConnectionManager} with these socket options.
 */
@ObjectClassDefinition(id = UnixManagerConfig.PID, name = "genericpool Unix-socket connection manager",
        description = "Registers a Unix-domain-socket ConnectionManager and AsyncConnectionManager with these options.")
public @interface UnixManagerConfig {

    /** The factory PID. */
    String PID = "org.genericpool.contrib.unix";

    @AttributeDefinition(name = "Manager name", description = "Service property genericpool.manager of the "
            + "registered managers, e.g. unix-docker. Required.")
    String genericpool_manager();

    @AttributeDefinition(name = "Connect timeout (s)", description = "Longest a connect may take, in seconds; (0, 86400].",
            min = "0")
    double connect_timeout() default 10;

    @AttributeDefinition(name = "Send buffer (bytes)", description = "SO_SNDBUF; 0 = system default.", min = "0")
    int send_buffer_size() default 0;

    @AttributeDefinition(name = "Receive buffer (bytes)", description = "SO_RCVBUF; 0 = system default.", min = "0")
    int receive_buffer_size() default 0;

    @AttributeDefinition(name = "I/O threads", description = "Selector threads of the asynchronous manager; [1, 64].",
            min = "1", max = "64")
    int io_threads() default 1;
}
