/**
 * TLS connection managers for genericpool:
 * {@link org.genericpool.contrib.ssl.SslConnectionManager} (blocking, {@link javax.net.ssl.SSLSocket})
 * and {@link org.genericpool.contrib.ssl.AsyncSslConnectionManager} (a
 * {@link java.nio.channels.AsynchronousByteChannel} running an {@link javax.net.ssl.SSLEngine}),
 * configured by {@link org.genericpool.contrib.ssl.SslOptions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.contrib.ssl;
