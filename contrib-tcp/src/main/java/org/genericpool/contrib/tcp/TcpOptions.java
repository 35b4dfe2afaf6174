package org.genericpool.contrib.tcp;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.util.Objects;

import org.genericpool.contrib.tcp.spi.SocketOptions;

/**
 * Socket options of the TCP managers: immutable, validated by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>(0, 1 day]; for the blocking manager, the pool's remaining budget shortens it</td></tr>
 *   <tr><td>{@code tcpNoDelay}</td><td>true</td><td>{@code TCP_NODELAY}</td></tr>
 *   <tr><td>{@code keepAlive}</td><td>false</td><td>{@code SO_KEEPALIVE}</td></tr>
 *   <tr><td>{@code sendBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code receiveBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code ioThreads}</td><td>1</td><td>[1, 64]; I/O threads of an asynchronous manager</td></tr>
 * </table>
 *
 * <p>The options shared with the Unix-socket managers are {@link SocketOptions}'. Thread-safe
 * (immutable). The builder is not thread-safe.
 */
public final class TcpOptions extends SocketOptions {

    private static final TcpOptions DEFAULTS = builder().build();

    private final boolean tcpNoDelay;
    private final boolean keepAlive;

    private TcpOptions(Builder b) {
        super(b);
        this.tcpNoDelay = b.tcpNoDelay;
        this.keepAlive = b.keepAlive;
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
        return new Builder().socketOptions(this).tcpNoDelay(tcpNoDelay).keepAlive(keepAlive);
    }

    /** @return whether {@code TCP_NODELAY} is set */
    public boolean tcpNoDelay() {
        return tcpNoDelay;
    }

    /** @return whether {@code SO_KEEPALIVE} is set */
    public boolean keepAlive() {
        return keepAlive;
    }

    /**
     * Sets these options on an unconnected TCP channel.
     *
     * @throws IOException if the channel rejects an option
     */
    public void applyTo(NetworkChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, tcpNoDelay);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepAlive);
        applyBufferSizes(channel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TcpOptions t && sameSocketOptions(t) && tcpNoDelay == t.tcpNoDelay
                && keepAlive == t.keepAlive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout(), tcpNoDelay, keepAlive, sendBufferSize(), receiveBufferSize(),
                ioThreads());
    }

    @Override
    public String toString() {
        return "TcpOptions[connectTimeout=" + connectTimeout() + ", tcpNoDelay=" + tcpNoDelay + ", keepAlive="
                + keepAlive + ", sendBufferSize=" + sendBufferSize() + ", receiveBufferSize=" + receiveBufferSize()
                + ", ioThreads=" + ioThreads() + "]";
    }

    /**
     * Builds {@link TcpOptions}: the shared setters of {@link SocketOptions.Builder} plus
     * {@code tcpNoDelay} and {@code keepAlive}. Setters accept any value; {@link #build()}
     * validates them all. Not thread-safe.
     */
    public static final class Builder extends SocketOptions.Builder<Builder> {
        private boolean tcpNoDelay = true;
        private boolean keepAlive;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @param v whether to set {@code TCP_NODELAY}
         * @return this builder
         */
        public Builder tcpNoDelay(boolean v) {
            this.tcpNoDelay = v;
            return this;
        }

        /**
         * @param v whether to set {@code SO_KEEPALIVE}
         * @return this builder
         */
        public Builder keepAlive(boolean v) {
            this.keepAlive = v;
            return this;
        }

        /**
         * @return the validated options
         * @throws IllegalArgumentException naming the property, its value and the allowed range
         * @throws NullPointerException     naming the property if {@code connectTimeout} is null
         */
        public TcpOptions build() {
            validate();
            return new TcpOptions(this);
        }
    }
}
