package org.genericpool.impl.osgi;

import java.time.Duration;

import org.genericpool.PoolConfig;

/**
 * Turns a {@link PoolConfiguration} (OSGi property names, seconds as decimals) into
 * {@link PoolSettings}. Pure and framework-free: it checks every rule of {@link PoolConfig} itself
 * so that a refusal names the OSGi property, the value and the allowed range.
 */
final class PoolConfigMapper {

    /** The longest duration accepted, in seconds: about 31 years, well inside what {@link Duration#toNanos()} holds. */
    static final long MAX_SECONDS = 1_000_000_000L;

    private PoolConfigMapper() {
    }

    /**
     * @param c the typed configuration
     * @return the validated settings
     * @throws InvalidConfigurationException naming the first property at fault
     */
    static PoolSettings map(PoolConfiguration c) throws InvalidConfigurationException {
        String name = c.pool_name();
        if (name == null || name.isBlank()) {
            throw new InvalidConfigurationException("pool.name", name, "a non-blank string");
        }
        String target = c.manager_target();
        if (target == null || target.isBlank()) {
            throw new InvalidConfigurationException("manager.target", target,
                    "an LDAP filter such as " + PoolConfiguration.DEFAULT_MANAGER_TARGET);
        }
        Duration maxLifetime = seconds("max.lifetime", c.max_lifetime(), "0 .. " + MAX_SECONDS);
        Duration idleTimeout = seconds("idle.timeout", c.idle_timeout(),
                "0 .. max.lifetime (" + c.max_lifetime() + ")");
        if (idleTimeout.compareTo(maxLifetime) > 0) {
            throw new InvalidConfigurationException("idle.timeout", c.idle_timeout(),
                    "0 .. max.lifetime (" + c.max_lifetime() + ")");
        }
        if (c.max_size() < 1 || c.max_size() > c.total_max_size()) {
            throw new InvalidConfigurationException("max.size", c.max_size(),
                    "1 .. total.max.size (" + c.total_max_size() + ")");
        }
        if (c.min_idle() < 0 || c.min_idle() > c.max_size()) {
            throw new InvalidConfigurationException("min.idle", c.min_idle(),
                    "0 .. max.size (" + c.max_size() + ")");
        }
        if (c.dispose_batch_size() < 0) {
            throw new InvalidConfigurationException("dispose.batch.size", c.dispose_batch_size(),
                    ">= 0 (0 = automatic)");
        }
        Duration acquireTimeout = optionalSeconds("acquire.timeout", c.acquire_timeout());
        Duration disposeTimeout = optionalSeconds("dispose.timeout", c.dispose_timeout());
        Duration closeTimeout = seconds("close.timeout", c.close_timeout(), "0 .. " + MAX_SECONDS);
        PoolConfig config;
        try {
            config = PoolConfig.builder()
                    .name(name)
                    .idleTimeout(idleTimeout)
                    .maxLifetime(maxLifetime)
                    .minIdle(c.min_idle())
                    .maxSize(c.max_size())
                    .totalMaxSize(c.total_max_size())
                    .acquireTimeout(acquireTimeout)
                    .backgroundCollector(c.background_collector())
                    .disposeBatchSize(c.dispose_batch_size())
                    .disposeTimeout(disposeTimeout)
                    .build();
        } catch (IllegalArgumentException e) {
            // A rule PoolConfig gained after this mapper was written: keep its message, name the configuration.
            InvalidConfigurationException failure =
                    new InvalidConfigurationException("configuration", e.getMessage(), "see PoolConfig");
            failure.initCause(e);
            throw failure;
        }
        return new PoolSettings(config, target.trim(), closeTimeout);
    }

    /** A duration in seconds: finite, 0 .. {@link #MAX_SECONDS}, nanosecond precision. */
    private static Duration seconds(String property, double value, String range)
            throws InvalidConfigurationException {
        if (!(value >= 0 && value <= MAX_SECONDS)) { // also refuses NaN
            throw new InvalidConfigurationException(property, value, range);
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    /** A duration in seconds or {@value PoolConfiguration#NONE} for none (null). */
    private static Duration optionalSeconds(String property, double value) throws InvalidConfigurationException {
        if (value == PoolConfiguration.NONE) {
            return null;
        }
        return seconds(property, value, "-1 (none) or 0 .. " + MAX_SECONDS);
    }
}
