package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.time.Duration;
import java.util.Objects;

import org.genericpool.contrib.tcp.spi.Check;

/**
 * Socket options of the TCP managers: immutable, validated by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>(0, 1 day]; the pool's remaining budget shortens it</td></tr>
 *   <tr><td>{@code tcpNoDelay}</td><td>true</td><td>{@code TCP_NODELAY}</td></tr>
 *   <tr><td>{@code keepAlive}</td><td>false</td><td>{@code SO_KEEPALIVE}</td></tr>
 *   <tr><td>{@code sendBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code receiveBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code ioThreads}</td><td>1</td><td>[1, 64]; I/O threads of an asynchronous manager</td></tr>
 * </table>
 *
 * <p>Thread-safe (immutable). The builder is not thread-safe.
 */
public final class TcpOptions {

    private static final TcpOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final boolean tcpNoDelay;
    private final boolean keepAlive;
    private final int sendBufferSize;
    private final int receiveBufferSize;
    private final int ioThreads;

    private TcpOptions(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.tcpNoDelay = b.tcpNoDelay;
        this.keepAlive = b.keepAlive;
        this.sendBufferSize = b.sendBufferSize;
        this.receiveBufferSize = b.receiveBufferSize;
        this.ioThreads = b.ioThreads;
    }

    /** @return the defaults (see the class comment) */
    public static TcpOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).tcpNoDelay(tcpNoDelay).keepAlive(keepAlive)
                .sendBufferSize(sendBufferSize).receiveBufferSize(receiveBufferSize).ioThreads(ioThreads);
    }

    /** @return the longest a connect may take */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return whether {@code TCP_NODELAY} is set */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /** @return whether {@code SO_KEEPALIVE} is set */
    public boolean keepAlive() {
        return keepAlive;
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
     * Sets these options on an unconnected TCP channel.
     *
     * @throws IOException if the channel rejects an option
     */
    public void applyTo(NetworkChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, tcpNoDelay);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepAlive);
        if (sendBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
        }
        if (receiveBufferSize > 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpOptions t && connectTimeout.equals(t.connectTimeout) && tcpNoDelay == t.tcpNoDelay
                && keepAlive == t.keepAlive && sendBufferSize == t.sendBufferSize
                && receiveBufferSize == t.receiveBufferSize && ioThreads == t.ioThreads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, tcpNoDelay, keepAlive, sendBufferSize, receiveBufferSize, ioThreads);
    }

    @Override
    public String toString() {
        return "TcpOptions[connectTimeout=" + connectTimeout + ", tcpNoDelay=" + tcpNoDelay + ", keepAlive="
                + keepAlive + ", sendBufferSize=" + sendBufferSize + ", receiveBufferSize=" + receiveBufferSize
                + ", ioThreads=" + ioThreads + "]";
    }

    /**
     * Builds {@link TcpOptions}. Setters accept any value; {@link #build()} validates them all.
     * Not thread-safe.
     */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean tcpNoDelay = true;
        private boolean keepAlive;
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

        /** @param v whether to set {@code TCP_NODELAY} */
        public Builder tcpNoDelay(boolean v) {
            this.tcpNoDelay = v;
            return this;
        }

        /** @param v whether to set {@code SO_KEEPALIVE} */
        public Builder keepAlive(boolean v) {
            this.keepAlive = v;
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
        public TcpOptions build() {
            Check.timeout("connectTimeout", connectTimeout);
            Check.bufferSize("sendBufferSize", sendBufferSize);
            Check.bufferSize("receiveBufferSize", receiveBufferSize);
            Check.range("ioThreads", ioThreads, 1, 64);
            return new TcpOptions(this);
        }
    }
}
