package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;

/**
 * The socket options every socket transport has: the connect timeout, the send and receive
 * buffer sizes and the I/O threads of an asynchronous manager. {@code TcpOptions} and
 * {@code UnixOptions} extend it with their own options; their builders extend {@link Builder}.
 *
 * <table>
 *   <caption>Shared options</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>(0, 1 day]</td></tr>
 *   <tr><td>{@code sendBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code receiveBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code ioThreads}</td><td>1</td><td>[1, 64]</td></tr>
 * </table>
 *
 * <p>Thread-safe: instances are immutable once built. Builders are not thread-safe.
 */
public abstract class SocketOptions {

    private final Duration connectTimeout;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final int ioThreads;

    /**
     * Copies the shared options from a builder whose {@link Builder#validate()} has passed.
     *
     * @param b the builder, never null
     */
    protected SocketOptions(Builder<?> b) {
        this.connectTimeout = b.connectTimeout;
        this.sendBufferSize = b.sendBufferSize;
        this.receiveBufferSize = b.receiveBufferSize;
        this.ioThreads = b.ioThreads;
    }

    /** @return the longest a connect may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return {@code SO_SNDBUF} in bytes, 0 for the system's default */
    public int sendBufferSize() {
        return sendBufferSize;
    }

    /** @return {@code SO_RCVBUF} in bytes, 0 for the system's default */
    public int receiveBufferSize() {
        return receiveBufferSize;
    }

    /** @return the number of I/O threads of an asynchronous manager */
    public int ioThreads() {
        return ioThreads;
    }

    /**
     * Sets these options on an unconnected channel of the transport.
     *
     * @param channel the channel, never null
     * @throws IOException if the channel rejects an option
     */
    public abstract void applyTo(NetworkChannel channel) throws IOException;

    /**
     * Sets {@code SO_SNDBUF} and {@code SO_RCVBUF} on an unconnected channel, each only if not 0
     * (0 keeps the system's default).
     *
     * @param channel the channel, never null
     * @throws IOException if the channel rejects an option
     */
    protected final void applyBufferSizes(NetworkChannel channel) throws IOException {
        if (sendBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
        }
        if (receiveBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
        }
    }

    /**
     * @param o other options, never null
     * @return whether {@code o} has the same shared options as these
     */
    protected final boolean sameSocketOptions(SocketOptions o) {
        return connectTimeout.equals(o.connectTimeout) && sendBufferSize == o.sendBufferSize
                && receiveBufferSize == o.receiveBufferSize && ioThreads == o.ioThreads;
    }

    /**
     * Builds options of a subclass. Setters accept any value; {@link #validate()}, called by the
     * subclass's {@code build()}, checks them all. Not thread-safe.
     *
     * @param <B> the concrete builder, returned by every setter
     */
    public abstract static class Builder<B extends Builder<B>> {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int sendBufferSize;
        private int receiveBufferSize;
        private int ioThreads = 1;

        /** A builder holding the defaults. */
        protected Builder() {
        }

        /** @return this builder, as its concrete type */
        protected abstract B self();

        /**
         * Copies the shared options (connect timeout, buffer sizes, I/O threads) of {@code o},
         * which may be options of another transport, into this builder.
         *
         * @param o the options to copy, never null
         * @return this builder
         * @throws NullPointerException if {@code o} is null
         */
        public final B socketOptions(SocketOptions o) {
            return connectTimeout(o.connectTimeout).sendBufferSize(o.sendBufferSize)
                    .receiveBufferSize(o.receiveBufferSize).ioThreads(o.ioThreads);
        }

        /**
         * @param v the longest a connect may take, (0, 1 day]
         * @return this builder
         */
        public B connectTimeout(Duration v) {
            this.connectTimeout = v;
            return self();
        }

        /**
         * @param v {@code SO_SNDBUF} in bytes, 0 for the system's default
         * @return this builder
         */
        public B sendBufferSize(int v) {
            this.sendBufferSize = v;
            return self();
        }

        /**
         * @param v {@code SO_RCVBUF} in bytes, 0 for the system's default
         * @return this builder
         */
        public B receiveBufferSize(int v) {
            this.receiveBufferSize = v;
            return self();
        }

        /**
         * @param v I/O threads of an asynchronous manager, [1, 64]
         * @return this builder
         */
        public B ioThreads(int v) {
            this.ioThreads = v;
            return self();
        }

        /**
         * Checks the shared options, in the order connect timeout, send buffer, receive buffer,
         * I/O threads.
         *
         * @throws IllegalArgumentException naming the property, its value and the allowed range
         * @throws NullPointerException     naming the property if {@code connectTimeout} is null
         */
        protected final void validate() {
            Check.timeout("connectTimeout", connectTimeout);
            Check.bufferSize("sendBufferSize", sendBufferSize);
            Check.bufferSize("receiveBufferSize", receiveBufferSize);
            Check.range("ioThreads", ioThreads, 1, 64);
        }
    }
}
