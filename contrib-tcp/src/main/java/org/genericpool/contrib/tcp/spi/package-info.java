/**
 * Machinery shared by the genericpool contribs (TCP, TLS, Unix sockets): the selector loop,
 * an {@link java.nio.channels.AsynchronousSocketChannel} over a non-blocking
 * {@link java.nio.channels.SocketChannel}, socket helpers and option checks.
 *
 * <p>Exported for the sibling contrib bundles; applications may use it, but it is a service
 * provider interface and may change in minor versions.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.contrib.tcp.spi;
