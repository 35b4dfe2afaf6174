package org.genericpool.contrib.ssl.internal.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Factory configuration {@code org.genericpool.contrib.ssl}: each one registers a TLS
 * {@code ConnectionManager} and {@code AsyncConnectionManager}. Passwords are Metatype password
 * attributes with private property names ({@code .keystore.password},
 * {@code .truststore.password}), so they never become service properties; they are never
 * logged or put into an exception message.
 */
@ObjectClassDefinition(id = SslManagerConfig.PID, name = "genericpool TLS connection manager",
        description = "Registers a TLS ConnectionManager and AsyncConnectionManager with these options.")
public @interface SslManagerConfig {

    /** The factory PID. */
    String PID = "org.genericpool.contrib.ssl";

    @AttributeDefinition(name = "Manager name", description = "Service property genericpool.manager of the "
            + "registered managers, e.g. ssl-internal. Required.")
    String genericpool_manager();

    @AttributeDefinition(name = "Connect timeout (s)", description = "Longest a connect may take, in seconds; (0, 86400].", min = "0")
    double connect_timeout() default 10;

    @AttributeDefinition(name = "Handshake timeout (s)", description = "Longest a TLS handshake may take, in seconds; (0, 86400].", min = "0")
    double handshake_timeout() default 10;

    @AttributeDefinition(name = "Close timeout (s)", description = "Bound of the close_notify exchange, in seconds; (0, 86400].", min = "0")
    double close_timeout() default 1;

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

    @AttributeDefinition(name = "Keystore path", description = "Client key and certificate, for servers that ask for one; empty for none.",
            required = false)
    String keystore_path() default "";

    @AttributeDefinition(name = "Keystore type", description = "PKCS12 or JKS.")
    String keystore_type() default "PKCS12";

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the keystore and its key.")
    String _keystore_password() default "";

    @AttributeDefinition(name = "Truststore path", description = "Certificates to trust; empty for the JDK's default trust.",
            required = false)
    String truststore_path() default "";

    @AttributeDefinition(name = "Truststore type", description = "PKCS12 or JKS.")
    String truststore_type() default "PKCS12";

    @AttributeDefinition(name = "Truststore password", type = AttributeType.PASSWORD, required = false,
            description = "Password of the truststore; may be empty for PKCS12 without integrity check.")
    String _truststore_password() default "";

    @AttributeDefinition(name = "Protocols", description = "Enabled protocols, e.g. TLSv1.3; empty for the JDK's defaults.",
            required = false)
    String[] protocols() default {};

    @AttributeDefinition(name = "Cipher suites", description = "Enabled cipher suites; empty for the JDK's defaults.",
            required = false)
    String[] cipher_suites() default {};

    @AttributeDefinition(name = "Host name verification", description = "Check that the server's certificate "
            + "matches the endpoint's host name (endpoint identification HTTPS).")
    boolean hostname_verification() default true;
}
