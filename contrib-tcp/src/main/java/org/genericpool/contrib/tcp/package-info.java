/**
 * TCP connection managers for genericpool: {@link org.genericpool.contrib.tcp.TcpConnectionManager}
 * (blocking, {@link java.nio.channels.SocketChannel}) and
 * {@link org.genericpool.contrib.tcp.AsyncTcpConnectionManager}
 * ({@link java.nio.channels.AsynchronousSocketChannel}), configured by
 * {@link org.genericpool.contrib.tcp.TcpOptions}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.contrib.tcp;
