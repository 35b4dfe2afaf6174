/**
 * The blocking pool, its connection manager SPI, configuration, statistics and exceptions.
 *
 * <p>Start with {@link org.genericpool.ConnectionPools#create(ConnectionManager, PoolConfig)}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool;
