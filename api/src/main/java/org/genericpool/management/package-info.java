/**
 * The JMX view of a pool: {@link org.genericpool.management.ConnectionPoolMXBean}.
 *
 * <p>This package is exported without qualification because the platform MBeanServer must be
 * able to reflect on MXBean interfaces.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.genericpool.management;
