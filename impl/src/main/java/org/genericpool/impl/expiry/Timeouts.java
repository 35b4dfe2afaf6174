package org.genericpool.impl.expiry;

import java.time.Duration;

import org.genericpool.PoolConfig;

/**
 * The time arithmetic of the pool, on {@link System#nanoTime()} values, converted from the
 * configuration once per configuration. Immutable.
 *
 * <p>Durations too large for nanoseconds saturate at {@link #FOREVER}, far enough away that
 * adding one to a {@code nanoTime} never overflows.
 */
public final class Timeouts {

    /** A nanosecond span longer than any process lives (about 73 years), safe to add to nanoTime. */
    public static final long FOREVER = Long.MAX_VALUE / 4;

    /** {@link #acquireNanos()} when no acquire timeout is configured: wait without limit. */
    public static final long UNBOUNDED = -1;

    private final long idleNanos;
    private final long lifetimeNanos;
    private final long acquireNanos;

    /** @param config the configuration whose timeouts to convert */
    public Timeouts(PoolConfig config) {
        this.idleNanos = nanos(config.idleTimeout());
        this.lifetimeNanos = nanos(config.maxLifetime());
        // Converted here, not on every acquire: an acquire without a timeout of its own reads it.
        this.acquireNanos = config.acquireTimeout().map(Timeouts::nanos).orElse(UNBOUNDED);
    }

    /**
     * @return the configured acquire timeout in nanoseconds (0 for a zero or negative one: do not
     *         wait), or {@link #UNBOUNDED} if none is configured
     */
    public long acquireNanos() {
        return acquireNanos;
    }

    /** @return {@code d} in nanoseconds, saturated at {@link #FOREVER}; negative becomes 0 */
    public static long nanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        if (d.getSeconds() >= FOREVER / 1_000_000_000L) {
            return FOREVER;
        }
        return d.toNanos();
    }

    /**
     * @param createdAt  when the connection was created
     * @param releasedAt when it last became idle
     * @param extra      whether it is an extra (not core) idle connection
     * @return when the idle connection expires
     */
    public long deadline(long createdAt, long releasedAt, boolean extra) {
        long lifetimeEnd = createdAt + lifetimeNanos;
        if (!extra) {
            return lifetimeEnd;
        }
        long idleEnd = releasedAt + idleNanos;
        return idleEnd - lifetimeEnd < 0 ? idleEnd : lifetimeEnd;
    }

    /** @return whether a connection created at {@code createdAt} has outlived its lifetime at {@code now} */
    public boolean outlived(long createdAt, long now) {
        return now - (createdAt + lifetimeNanos) >= 0;
    }

    /**
     * @param configured the configured batch size, 0 for automatic
     * @param poolSize   the number of connections in the pool
     * @return how many expired connections one release may dispose: the configured size, or
     *         floor(log2(poolSize + 1)) + 1 as the Python original computes it
     */
    public static int disposeBatch(int configured, int poolSize) {
        if (configured > 0) {
            return configured;
        }
        return 31 - Integer.numberOfLeadingZeros(Math.max(poolSize, 0) + 1) + 1;
    }
}
