package org.genericpool.impl.flavour;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.genericpool.impl.engine.Entry;
import org.genericpool.impl.engine.PoolCore;
import org.genericpool.impl.expiry.Collector;
import org.genericpool.impl.expiry.Timeouts;
import org.genericpool.impl.jmx.PoolRegistration;

/**
 * What both flavours share above the engine: configuration, statistics, expiry (background
 * collector or dispose-on-release), JMX registration and the first step of closing. The
 * flavour adds how the manager is called.
 *
 * @param <E> endpoint type
 * @param <C> connection type
 */
public abstract class AbstractPool<E, C> implements BaseConnectionPool<E> {

    static final System.Logger LOG = System.getLogger("org.genericpool");

    final PoolCore<E, C> core;
    final String name;
    private final Collector collector;
    private final PoolRegistration registration;

    AbstractPool(PoolConfig config) {
        this.core = new PoolCore<>(Objects.requireNonNull(config, "config"));
        this.name = config.name();
        this.core.disposer(this::dispose);
        // Registered first: a name clash must fail before any thread starts.
        this.registration = PoolRegistration.register(this);
        if (config.backgroundCollector()) {
            this.collector = new Collector(name + "-collector", core::nextExpiry, this::collectAll);
            core.expiryListener(collector::wakeUp);
            collector.start();
        } else {
            this.collector = null;
        }
    }

    /** Disposes a detached entry with the manager, then reports it to the engine. */
    abstract void dispose(Entry<E, C> entry);

    /** @return the engine, for the JMX view and tests */
    public PoolCore<E, C> core() {
        return core;
    }

    @Override
    public PoolConfig config() {
        return core.config();
    }

    @Override
    public void reconfigure(PoolConfig config) {
        Objects.requireNonNull(config, "config");
        if (!config.name().equals(name)) {
            throw new IllegalArgumentException("invalid PoolConfig.name: '" + config.name()
                    + "' (allowed: the pool's name '" + name + "', which cannot change)");
        }
        if (config.backgroundCollector() != (collector != null)) {
            throw new IllegalArgumentException("invalid PoolConfig.backgroundCollector: " + config.backgroundCollector()
                    + " (allowed: " + (collector != null) + ", fixed when the pool is created)");
        }
        if (core.isClosed()) {
            throw new ConnectionPoolClosedException("pool " + name + " is closed");
        }
        disposeAll(core.reconfigure(config));
    }

    @Override
    public int size() {
        return core.size();
    }

    @Override
    public int size(E endpoint) {
        return core.size(Objects.requireNonNull(endpoint, "endpoint"));
    }

    @Override
    public EndpointStats stats(E endpoint) {
        return core.stats(Objects.requireNonNull(endpoint, "endpoint"));
    }

    @Override
    public PoolStats stats() {
        return core.stats();
    }

    /** Calls {@code action} with each endpoint's statistics, one endpoint at a time. */
    public void forEachEndpoint(BiConsumer<? super E, EndpointStats> action) {
        core.forEachEndpoint(action);
    }

    @Override
    public Set<E> endpoints() {
        return core.endpoints();
    }

    @Override
    public boolean isClosed() {
        return core.isClosed();
    }

    /** @return the pool's name */
    public String name() {
        return name;
    }

    /** Disposes every idle connection now; the JMX operation. */
    public int evictIdle() {
        List<Entry<E, C>> idle = core.evictIdle();
        disposeAll(idle);
        return idle.size();
    }

    private void collectAll() {
        disposeAll(core.collectExpired(Integer.MAX_VALUE));
    }

    final void disposeAll(List<Entry<E, C>> entries) {
        for (Entry<E, C> e : entries) {
            dispose(e);
        }
    }

    /**
     * The first step of closing, shared by both flavours: stop taking callers, dispose idle
     * connections, stop the collector and leave JMX.
     *
     * @return whether this call closed the pool (false if it was closed already)
     */
    final boolean beginClose() {
        List<Entry<E, C>> idle = core.close();
        if (idle == null) {
            return false;
        }
        if (collector != null) {
            collector.stop();
        }
        registration.unregister();
        disposeAll(idle);
        return true;
    }

    /**
     * With a {@link PoolConfig#disposeTimeout()}, frees a disposed connection's slots once that
     * timeout has passed even if the manager's dispose has not returned, so that a hanging close
     * stalls no waiter for longer; without one, the slots stay until dispose returns.
     *
     * @return the watchdog to cancel when dispose returns, or null
     */
    final ScheduledFuture<?> watchDispose(Entry<E, C> e) {
        Duration t = disposeTimeout();
        return t == null ? null : AsyncTimer.schedule(() -> core.disposed(e), Timeouts.nanos(t));
    }

    static void cancel(ScheduledFuture<?> watchdog) {
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }

    /** {@link #deadlineOf} result: wait without limit. */
    static final long UNTIMED = Long.MIN_VALUE;
    /** {@link #deadlineOf} result: do not wait at all. */
    static final long NO_WAIT = Long.MIN_VALUE + 1;

    /**
     * Fixes an acquire's deadline once, on entry.
     *
     * @param timeout the caller's timeout; null means the configured one
     * @return the {@code nanoTime} deadline, or {@link #UNTIMED}, or {@link #NO_WAIT} for a
     *         timeout of zero or less
     */
    final long deadlineOf(Duration timeout) {
        long nanos = timeout != null ? Timeouts.nanos(timeout) : core.timeouts().acquireNanos();
        if (nanos == Timeouts.UNBOUNDED) {
            return UNTIMED;
        }
        if (nanos == 0) {
            return NO_WAIT; // a timeout of zero or less (nanos saturates negative ones at 0)
        }
        long deadline = System.nanoTime() + nanos;
        return deadline == UNTIMED || deadline == NO_WAIT ? deadline + 2 : deadline;
    }

    final Duration disposeTimeout() {
        return config().disposeTimeout().orElse(null);
    }

    static void requireTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", size=" + size() + "]";
    }
}
