package org.genericpool.impl.osgi;

import java.time.Duration;
import java.util.Objects;

import org.genericpool.PoolConfig;

/**
 * One validated pool configuration from ConfigAdmin: the engine's {@link PoolConfig} plus what
 * only the OSGi layer uses.
 *
 * @param config        the pool's configuration, name included
 * @param managerTarget the LDAP filter choosing the manager service; changing it replaces the pool
 * @param closeTimeout  how long closing the pool waits for leased connections
 */
record PoolSettings(PoolConfig config, String managerTarget, Duration closeTimeout) {

    PoolSettings {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(managerTarget, "managerTarget");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
    }

    /**
     * @param other the settings now in force
     * @return whether going from {@code other} to these needs a new pool rather than a reconfiguration:
     *         the pool's name, its manager filter or {@code background.collector} (which the engine
     *         fixes for a pool's life) differ
     */
    boolean replaces(PoolSettings other) {
        return !config.name().equals(other.config.name()) || !managerTarget.equals(other.managerTarget)
                || config.backgroundCollector() != other.config.backgroundCollector();
    }
}
