package org.genericpool.impl.jmx;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.genericpool.impl.flavour.AbstractPool;

/**
 * A pool's registration on the platform MBeanServer as
 * {@code org.genericpool:type=ConnectionPool,name=<name>}, the name quoted only when it must be:
 * when, written as it is, it would not parse, would be a pattern ({@code *}, {@code ?}) or would
 * read back as another value (a {@code ,} adding a key). So a client that writes a plain name
 * (even {@code pool(1)} or {@code café}) as it is finds the pool, and one that quotes a name
 * holding {@code , = : " * ?} or a newline with {@link ObjectName#quote} finds it too. A second open pool with the same name is
 * refused with {@link IllegalArgumentException}; any other JMX failure is logged and the pool
 * works on without JMX.
 */
public final class PoolRegistration {

    private static final System.Logger LOG = System.getLogger("org.genericpool");
    private static final String PREFIX = "org.genericpool:type=ConnectionPool,name=";

    private final ObjectName objectName;

    private PoolRegistration(ObjectName objectName) {
        this.objectName = objectName;
    }

    /** @return the ObjectName of the pool called {@code poolName} */
    public static ObjectName objectName(String poolName) {
        try {
            ObjectName plain = new ObjectName(PREFIX + poolName);
            if (!plain.isPattern() && poolName.equals(plain.getKeyProperty("name"))) {
                return plain;
            }
        } catch (MalformedObjectNameException e) {
            // a character an unquoted value cannot hold: quote it
        }
        try {
            return new ObjectName(PREFIX + ObjectName.quote(poolName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("pool name " + poolName + " makes no JMX name", e);
        }
    }

    /**
     * Registers {@code pool}'s MXBean.
     *
     * @throws IllegalArgumentException if an open pool already has the name
     */
    public static PoolRegistration register(AbstractPool<?, ?> pool) {
        ObjectName name = objectName(pool.name());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(new PoolMXBeanImpl(pool), name);
            return new PoolRegistration(name);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalArgumentException("invalid PoolConfig.name: '" + pool.name()
                    + "' (allowed: a name no open pool of this JVM has; JMX " + name + " exists)", e);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pool " + pool.name() + " is not visible in JMX", e);
            return new PoolRegistration(null);
        }
    }

    /** Removes the MXBean; harmless if it is gone already. */
    public void unregister() {
        if (objectName == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
        } catch (InstanceNotFoundException e) {
            // gone already
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "could not unregister " + objectName, e);
        }
    }
}
