package org.genericpool.contrib.unix;

import java.io.IOException;
import java.nio.channels.NetworkChannel;
import java.util.Objects;

import org.genericpool.contrib.tcp.spi.SocketOptions;

/**
 * Socket options of the Unix-socket managers: immutable, validated by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@code connectTimeout}</td><td>10 s</td><td>(0, 1 day]; for the blocking manager, the pool's remaining budget shortens it</td></tr>
 *   <tr><td>{@code sendBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code receiveBufferSize}</td><td>0 = system default</td><td>[0, 2^30] bytes</td></tr>
 *   <tr><td>{@code ioThreads}</td><td>1</td><td>[1, 64]; I/O threads of an asynchronous manager</td></tr>
 * </table>
 *
 * <p>These are exactly the {@link SocketOptions} every transport shares; {@code TCP_NODELAY} and
 * {@code SO_KEEPALIVE} do not exist for Unix sockets. Thread-safe
 * (immutable); the builder is not thread-safe.
 */
public final class UnixOptions extends SocketOptions {

    private static final UnixOptions DEFAULTS = builder().build();

    private UnixOptions(Builder b) {
        super(b);
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
        return new Builder().socketOptions(this);
    }

    /**
     * Sets these options on an unconnected Unix channel.
     *
     * @throws IOException if the channel rejects an option
     */
    public void applyTo(NetworkChannel channel) throws IOException {
        applyBufferSizes(channel);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnixOptions u && sameSocketOptions(u);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout(), sendBufferSize(), receiveBufferSize(), ioThreads());
    }

    @Override
    public String toString() {
        return "UnixOptions[connectTimeout=" + connectTimeout() + ", sendBufferSize=" + sendBufferSize()
                + ", receiveBufferSize=" + receiveBufferSize() + ", ioThreads=" + ioThreads() + "]";
    }

    /**
     * Builds {@link UnixOptions} with the setters of {@link SocketOptions.Builder};
     * {@link #build()} validates every value. Not thread-safe.
     */
    public static final class Builder extends SocketOptions.Builder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * @return the validated options
         * @throws IllegalArgumentException naming the property, its value and the allowed range
         * @throws NullPointerException     naming the property if {@code connectTimeout} is null
         */
        public UnixOptions build() {
            validate();
            return new UnixOptions(this);
        }
    }
}
