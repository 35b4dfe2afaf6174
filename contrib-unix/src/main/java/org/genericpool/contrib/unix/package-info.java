/**
 * Unix-domain-socket connection managers for genericpool:
 * {@link org.genericpool.contrib.unix.UnixConnectionManager} (blocking,
 * {@link java.nio.channels.SocketChannel}) and
 * {@link org.genericpool.contrib.unix.AsyncUnixConnectionManager}
 * ({@link java.nio.channels.AsynchronousByteChannel}), configured by
 * {@link org.genericpool.contrib.unix.UnixOptions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.contrib.unix;
