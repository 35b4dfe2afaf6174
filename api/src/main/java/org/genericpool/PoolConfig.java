package org.genericpool;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The configuration of a pool: immutable, validated by {@link Builder#build()}.
 *
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>default</th><th>range</th></tr>
 *   <tr><td>{@link #name()}</td><td>{@code genericpool-N}</td><td>not blank</td></tr>
 *   <tr><td>{@link #idleTimeout()}</td><td>60 s</td><td>0 .. {@code maxLifetime}</td></tr>
 *   <tr><td>{@link #maxLifetime()}</td><td>3600 s</td><td>&gt;= {@code idleTimeout}</td></tr>
 *   <tr><td>{@link #minIdle()}</td><td>1</td><td>0 .. {@code maxSize}</td></tr>
 *   <tr><td>{@link #maxSize()}</td><td>10</td><td>1 .. {@code totalMaxSize}</td></tr>
 *   <tr><td>{@link #totalMaxSize()}</td><td>100</td><td>&gt;= {@code maxSize}</td></tr>
 *   <tr><td>{@link #acquireTimeout()}</td><td>empty (wait without limit)</td><td>&gt;= 0</td></tr>
 *   <tr><td>{@link #backgroundCollector()}</td><td>false</td><td></td></tr>
 *   <tr><td>{@link #disposeBatchSize()}</td><td>0 (automatic)</td><td>&gt;= 0</td></tr>
 *   <tr><td>{@link #disposeTimeout()}</td><td>empty</td><td>&gt;= 0</td></tr>
 * </table>
 *
 * <p><b>Expiry.</b> With {@link #backgroundCollector()}, a collector thread disposes expired
 * idle connections at their deadline. Without it, they are disposed during later releases, up
 * to {@link #disposeBatchSize()} per release, not at the deadline. An acquire does not check
 * expiry, so until then it may hand out an idle connection past its idle timeout or lifetime.
 *
 * <p><b>Reconfiguration.</b> {@link BaseConnectionPool#reconfigure} needs the pool's name and
 * {@code backgroundCollector}: start from {@code pool.config().toBuilder()}.
 *
 * <p>Thread-safe (immutable). {@code equals} compares all properties.
 */
public final class PoolConfig {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String name;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final int minIdle;
    private final int maxSize;
    private final int totalMaxSize;
    private final Duration acquireTimeout;
    private final boolean backgroundCollector;
    private final int disposeBatchSize;
    private final Duration disposeTimeout;
    /** Made once, so that reading an optional property on a hot path allocates nothing. */
    private final Optional<Duration> acquireTimeoutOptional;
    private final Optional<Duration> disposeTimeoutOptional;

    private PoolConfig(Builder b, String name) {
        this.name = name;
        this.idleTimeout = b.idleTimeout;
        this.maxLifetime = b.maxLifetime;
        this.minIdle = b.minIdle;
        this.maxSize = b.maxSize;
        this.totalMaxSize = b.totalMaxSize;
        this.acquireTimeout = b.acquireTimeout;
        this.backgroundCollector = b.backgroundCollector;
        this.disposeBatchSize = b.disposeBatchSize;
        this.disposeTimeout = b.disposeTimeout;
        this.acquireTimeoutOptional = Optional.ofNullable(acquireTimeout);
        this.disposeTimeoutOptional = Optional.ofNullable(disposeTimeout);
    }

    /** @return a builder with every default; each {@code build()} without a name gets a fresh {@code genericpool-N} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults, with a fresh name */
    public static PoolConfig defaults() {
        return builder().build();
    }

    /** @return a builder holding this configuration's values, name included */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.idleTimeout = idleTimeout;
        b.maxLifetime = maxLifetime;
        b.minIdle = minIdle;
        b.maxSize = maxSize;
        b.totalMaxSize = totalMaxSize;
        b.acquireTimeout = acquireTimeout;
        b.backgroundCollector = backgroundCollector;
        b.disposeBatchSize = disposeBatchSize;
        b.disposeTimeout = disposeTimeout;
        return b;
    }

    /** @return the pool's name: its JMX name and the name of its threads; fixed for the pool's life */
    public String name() { return name; }

    /**
     * @return how long an extra (non-core) connection may stay idle before it expires; see the
     *         class comment for when an expired one is disposed
     */
    public Duration idleTimeout() { return idleTimeout; }

    /**
     * @return how long any connection may live; a leased one is disposed when it comes back, an
     *         idle one as the class comment says
     */
    public Duration maxLifetime() { return maxLifetime; }

    /** @return how many idle connections per endpoint are core: kept until their lifetime ends, handed out FIFO */
    public int minIdle() { return minIdle; }

    /** @return the most connections per endpoint, counting ones being created */
    public int maxSize() { return maxSize; }

    /** @return the most connections in the whole pool, counting ones being created */
    public int totalMaxSize() { return totalMaxSize; }

    /** @return the default acquire timeout; empty means wait without limit */
    public Optional<Duration> acquireTimeout() { return acquireTimeoutOptional; }

    /**
     * @return whether a background thread disposes expired connections (else each release does);
     *         fixed for the pool's life
     */
    public boolean backgroundCollector() { return backgroundCollector; }

    /** @return how many expired connections a release disposes at most; 0 means floor(log2(size + 1)) + 1 */
    public int disposeBatchSize() { return disposeBatchSize; }

    /** @return the timeout passed to {@link ConnectionManager#dispose}; empty means none */
    public Optional<Duration> disposeTimeout() { return disposeTimeoutOptional; }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof PoolConfig)) return false;
        PoolConfig c = (PoolConfig) o;
        return minIdle == c.minIdle && maxSize == c.maxSize && totalMaxSize == c.totalMaxSize
                && backgroundCollector == c.backgroundCollector && disposeBatchSize == c.disposeBatchSize
                && name.equals(c.name) && idleTimeout.equals(c.idleTimeout) && maxLifetime.equals(c.maxLifetime)
                && Objects.equals(acquireTimeout, c.acquireTimeout) && Objects.equals(disposeTimeout, c.disposeTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, idleTimeout, maxLifetime, minIdle, maxSize, totalMaxSize,
                acquireTimeout, backgroundCollector, disposeBatchSize, disposeTimeout);
    }

    @Override
    public String toString() {
        return "PoolConfig[name=" + name + ", idleTimeout=" + idleTimeout + ", maxLifetime=" + maxLifetime
                + ", minIdle=" + minIdle + ", maxSize=" + maxSize + ", totalMaxSize=" + totalMaxSize
                + ", acquireTimeout=" + acquireTimeout + ", backgroundCollector=" + backgroundCollector
                + ", disposeBatchSize=" + disposeBatchSize + ", disposeTimeout=" + disposeTimeout + "]";
    }

    /**
     * Builds a {@link PoolConfig}. Setters accept anything; {@link #build()} validates the whole.
     * For {@link BaseConnectionPool#reconfigure}, start from {@code pool.config().toBuilder()},
     * which keeps the name. Not thread-safe.
     */
    public static final class Builder {
        private String name;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration maxLifetime = Duration.ofSeconds(3600);
        private int minIdle = 1;
        private int maxSize = 10;
        private int totalMaxSize = 100;
        private Duration acquireTimeout;
        private boolean backgroundCollector;
        private int disposeBatchSize;
        private Duration disposeTimeout;

        private Builder() {
        }

        /**
         * @param name the pool name; null means a fresh {@code genericpool-N}. A configuration
         *             for {@link BaseConnectionPool#reconfigure} needs the pool's own name (as
         *             {@code pool.config().toBuilder()} keeps it)
         */
        public Builder name(String name) { this.name = name; return this; }

        /** @param idleTimeout not null, not negative, at most {@code maxLifetime} */
        public Builder idleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; return this; }

        /** @param maxLifetime not null, not negative, at least {@code idleTimeout} */
        public Builder maxLifetime(Duration maxLifetime) { this.maxLifetime = maxLifetime; return this; }

        /** @param minIdle 0 .. {@code maxSize} */
        public Builder minIdle(int minIdle) { this.minIdle = minIdle; return this; }

        /** @param maxSize 1 .. {@code totalMaxSize} */
        public Builder maxSize(int maxSize) { this.maxSize = maxSize; return this; }

        /** @param totalMaxSize at least {@code maxSize} */
        public Builder totalMaxSize(int totalMaxSize) { this.totalMaxSize = totalMaxSize; return this; }

        /** @param acquireTimeout not negative; null means wait without limit */
        public Builder acquireTimeout(Duration acquireTimeout) { this.acquireTimeout = acquireTimeout; return this; }

        /** @param backgroundCollector whether a background thread disposes expired connections */
        public Builder backgroundCollector(boolean backgroundCollector) { this.backgroundCollector = backgroundCollector; return this; }

        /** @param disposeBatchSize not negative; 0 means automatic */
        public Builder disposeBatchSize(int disposeBatchSize) { this.disposeBatchSize = disposeBatchSize; return this; }

        /** @param disposeTimeout not negative; null means none */
        public Builder disposeTimeout(Duration disposeTimeout) { this.disposeTimeout = disposeTimeout; return this; }

        /**
         * @return the validated configuration
         * @throws IllegalArgumentException naming the property, its value and the allowed range
         */
        public PoolConfig build() {
            if (name != null && name.isBlank()) {
                throw invalid("name", "'" + name + "'", "a non-blank string");
            }
            requireDuration("idleTimeout", idleTimeout, false);
            requireDuration("maxLifetime", maxLifetime, false);
            requireDuration("acquireTimeout", acquireTimeout, true);
            requireDuration("disposeTimeout", disposeTimeout, true);
            if (idleTimeout.compareTo(maxLifetime) > 0) {
                throw invalid("idleTimeout", idleTimeout, "0 .. maxLifetime (" + maxLifetime + ")");
            }
            if (maxSize < 1) {
                throw invalid("maxSize", maxSize, ">= 1");
            }
            if (minIdle < 0 || minIdle > maxSize) {
                throw invalid("minIdle", minIdle, "0 .. maxSize (" + maxSize + ")");
            }
            if (totalMaxSize < maxSize) {
                throw invalid("totalMaxSize", totalMaxSize, ">= maxSize (" + maxSize + ")");
            }
            if (disposeBatchSize < 0) {
                throw invalid("disposeBatchSize", disposeBatchSize, ">= 0 (0 = automatic)");
            }
            return new PoolConfig(this, name != null ? name : "genericpool-" + SEQUENCE.incrementAndGet());
        }

        private static void requireDuration(String property, Duration value, boolean nullable) {
            if (value == null) {
                if (!nullable) {
                    throw invalid(property, null, "a duration >= 0");
                }
            } else if (value.isNegative()) {
                throw invalid(property, value, ">= 0");
            }
        }

        private static IllegalArgumentException invalid(String property, Object value, String range) {
            return new IllegalArgumentException(
                    "invalid PoolConfig." + property + ": " + value + " (allowed: " + range + ")");
        }
    }
}
