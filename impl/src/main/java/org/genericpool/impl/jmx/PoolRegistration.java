package org.genericpool.impl.jmx;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.genericpool.impl.flavour.AbstractPool;

/**
 * A pool's registration on the platform MBeanServer as
 * {@code org.genericpool:type=ConnectionPool,name=<name>}, the name quoted when it holds a
 * character an ObjectName value cannot take as is. A second open pool with the same name is
 * refused with {@link IllegalArgumentException}; any other JMX failure is logged and the pool
 * works on without JMX.
 */
public final class PoolRegistration {

    private static final System.Logger LOG = System.getLogger("org.genericpool");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._\\-@#/+ ]+");

    private final ObjectName objectName;

    private PoolRegistration(ObjectName objectName) {
        this.objectName = objectName;
    }

    /** @return the ObjectName of the pool called {@code poolName} */
    public static ObjectName objectName(String poolName) {
        String value = PLAIN.matcher(poolName).matches() && poolName.strip().equals(poolName)
                ? poolName : ObjectName.quote(poolName);
        try {
            return new ObjectName("org.genericpool:type=ConnectionPool,name=" + value);
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
