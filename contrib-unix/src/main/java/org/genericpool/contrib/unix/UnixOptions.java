package org.genericpool.contrib.unix;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.Objects;

import org.genericpool.contrib.tcp.spi.Check;

/**
 * Socket options of the Unix-socket managers: immutable, validated by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>(0, 1 day]; the pool's remaining budget shortens it</td></tr>
 *   <tr><td>{@code sendBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code receiveBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code ioThreads}</td><td>1</td><td>[1, 64]; I/O threads of an asynchronous manager</td></tr>
 * </table>
 *
 * <p>{@code TCP_NODELAY} and {@code SO_KEEPALIVE} do not exist for Unix sockets. Thread-safe
 * (immutable); the builder is not thread-safe.
 */
public final class UnixOptions {

    private static final UnixOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final int ioThreads;

    private UnixOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.sendBufferSize = b.sendBufferSize;
        this.receiveBufferSize = b.receiveBufferSize;
        this.ioThreads = b.ioThreads;
    }

    /** @return the defaults */
    public static UnixOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).sendBufferSize(sendBufferSize)
                .receiveBufferSize(receiveBufferSize).ioThreads(ioThreads);
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
     * Sets these options on an unconnected Unix channel.
     *
     * @throws IOException if the channel rejects an option
     */
    public void applyTo(NetworkChannel channel) throws IOException {
        if (sendBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
        }
        if (receiveBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixOptions u && connectTimeout.equals(u.connectTimeout)
                && sendBufferSize == u.sendBufferSize && receiveBufferSize == u.receiveBufferSize
                && ioThreads == u.ioThreads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, sendBufferSize, receiveBufferSize, ioThreads);
    }

    @Override
    public String toString() {
        return "UnixOptions[connectTimeout=" + connectTimeout + ", sendBufferSize=" + sendBufferSize
                + ", receiveBufferSize=" + receiveBufferSize + ", ioThreads=" + ioThreads + "]";
    }

    /** Builds {@link UnixOptions}; {@link #build()} validates every value. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int sendBufferSize;
        private int receiveBufferSize;
        private int ioThreads = 1;

        private Builder() {
        }

        /** @param v the longest a connect may take, (0, 1 day] */
        public Builder connectTimeout(Duration v) {
            this.connectTimeout = v;
            return this;
        }

        /** @param v {@code SO_SNDBUF} in bytes, 0 for the system's default */
        public Builder sendBufferSize(int v) {
            this.sendBufferSize = v;
            return this;
        }

        /** @param v {@code SO_RCVBUF} in bytes, 0 for the system's default */
        public Builder receiveBufferSize(int v) {
            this.receiveBufferSize = v;
            return this;
        }

        /** @param v I/O threads of an asynchronous manager, [1, 64] */
        public Builder ioThreads(int v) {
            this.ioThreads = v;
            return this;
        }

        /**
         * @return the validated options
         * @throws IllegalArgumentException naming the property, its value and the allowed range
         * @throws NullPointerException     naming the property if {@code connectTimeout} is null
         */
        public UnixOptions build() {
            Check.timeout("connectTimeout", connectTimeout);
            Check.bufferSize("sendBufferSize", sendBufferSize);
            Check.bufferSize("receiveBufferSize", receiveBufferSize);
            Check.range("ioThreads", ioThreads, 1, 64);
            return new UnixOptions(this);
        }
    }
}
