package org.genericpool.contrib.tcp.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Factory configuration {@code org.genericpool.contrib.tcp}: each one registers a TCP
 * {@code ConnectionManager} and {@code AsyncConnectionManager} with these socket options.
 * Durations are in seconds (decimals allowed).
 */
@ObjectClassDefinition(id = TcpManagerConfig.PID,
        name = "genericpool TCP connection manager",
        description = "Registers a TCP ConnectionManager and AsyncConnectionManager with these socket options.")
public @interface TcpManagerConfig {

    /** The factory PID. */
    String PID = "org.genericpool.contrib.tcp";
    /** Default of connect.timeout, seconds. */
    double DEFAULT_CONNECT_TIMEOUT = 10;

    @AttributeDefinition(name = "Manager name", description = "Service property genericpool.manager of the "
            + "registered managers, chosen by a pool's manager.target, e.g. (genericpool.manager=tcp-fast). Required.")
    String genericpool_manager();

    @AttributeDefinition(name = "Connect timeout (s)", description = "Longest a connect may take, in seconds; (0, 86400].",
            min = "0")
    double connect_timeout() default DEFAULT_CONNECT_TIMEOUT;

    @AttributeDefinition(name = "TCP_NODELAY", description = "Disable Nagle's algorithm.")
    boolean tcp_nodelay() default true;

    @AttributeDefinition(name = "SO_KEEPALIVE", description = "Send TCP keep-alive probes.")
    boolean keep_alive() default false;

    @AttributeDefinition(name = "Send buffer (bytes)", description = "SO_SNDBUF; 0 = system default.", min = "0")
    int send_buffer_size() default 0;

    @AttributeDefinition(name = "Receive buffer (bytes)", description = "SO_RCVBUF; 0 = system default.", min = "0")
    int receive_buffer_size() default 0;

    @AttributeDefinition(name = "I/O threads", description = "Selector threads of the asynchronous manager; [1, 64].",
            min = "1", max = "64")
    int io_threads() default 1;
}
