package org.genericpool.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.management.ObjectName;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Blocking pools made through ConfigAdmin (factory PID {@code org.genericpool.pool}): creation,
 * live update, refused update, manager switch, deletion with JMX, and Metatype.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfiguredPoolIT extends ConfiguredPoolFixture {

    /** Every property of the factory PIDs, as Metatype must list them. */
    static final Set<String> PROPERTIES = Set.of("pool.name", "manager.target", "idle.timeout", "max.lifetime",
            "min.idle", "max.size", "total.max.size", "acquire.timeout", "background.collector",
            "dispose.batch.size", "dispose.timeout", "close.timeout");

    @Inject
    private MetaTypeService metaType;

    /** @return the common provisioning */
    @Configuration
    public Option[] config() {
        return Itest.options();
    }

    @Override
    protected Class<?> managerService() {
        return ConnectionManager.class;
    }

    /** @return a blocking test manager over TCP */
    @Override
    protected Object newManager() {
        return new TestManagers.Tcp();
    }

    /**
     * The whole life of one configured pool: it pools real TCP connections; an update changes the
     * limits of the same instance with its idle connection kept; an invalid update is refused, logged
     * and the old config stays; a new manager.target replaces the pool; deleting the configuration
     * closes the pool and unregisters its service and MBean.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void configuredPoolLivesThroughUpdatesAndDeletion() throws Exception {
        String filter = "(pool.name=itest-blocking)";
        ObjectName mbean = new ObjectName("org.genericpool:type=ConnectionPool,name=itest-blocking");
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.pool", "?");
        configuration.update(Itest.props("pool.name", "itest-blocking", "manager.target", "(genericpool.manager=itest)",
                "max.size", 2, "min.idle", 1, "close.timeout", 2.5));

        ConnectionPool<InetSocketAddress, SocketChannel> pool =
                Itest.awaitService(context, ConnectionPool.class, filter, p -> true);
        assertEquals(2, pool.config().maxSize());
        assertEquals(Duration.ofSeconds(60), pool.config().idleTimeout());
        assertSame("registered as BaseConnectionPool too, the same object",
                pool, Itest.awaitService(context, BaseConnectionPool.class, filter, p -> true));
        assertFalse("the service is the engine's pool, not a proxy", Proxy.isProxyClass(pool.getClass()));
        assertTrue(pool.getClass().getName(), pool.getClass().getName().startsWith("org.genericpool.impl."));
        assertFalse(pool.getClass().getName(), pool.getClass().getName().startsWith("org.genericpool.impl.osgi."));
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
        SocketChannel connection = pool.acquire(endpoint);
        assertEquals("ping", TestManagers.echo(connection, "ping"));
        pool.release(endpoint, connection);
        assertEquals(1, server.accepted());

        // update: the same pool, new limits, the idle connection still there
        configuration.update(Itest.props("pool.name", "itest-blocking", "manager.target", "(genericpool.manager=itest)",
                "max.size", 5, "min.idle", 1, "idle.timeout", 30.5, "close.timeout", 2.5));
        Itest.await("max.size 5 applied", () -> pool.config().maxSize() == 5);
        assertSame(pool, Itest.awaitService(context, ConnectionPool.class, filter + "", p -> true));
        assertEquals(Duration.ofMillis(30_500), pool.config().idleTimeout());
        // the service properties follow right after the reconfiguration
        Itest.await("service property max.size=5", () -> Integer.valueOf(5).equals(
                Itest.serviceProperties(context, ConnectionPool.class, filter).get("max.size")));
        assertEquals(1, pool.size(endpoint));
        SocketChannel again = pool.acquire(endpoint);
        assertSame("idle connection kept through the update", connection, again);
        assertEquals("pong", TestManagers.echo(again, "pong"));
        pool.release(endpoint, again);
        assertEquals(1, server.accepted());

        // invalid update: refused with property, value and range; the old config stays
        configuration.update(Itest.props("pool.name", "itest-blocking", "manager.target", "(genericpool.manager=itest)",
                "max.size", 5, "min.idle", 9, "close.timeout", 2.5));
        String line = log.await("invalid min.idle: 9 (allowed: 0 .. max.size (5))", Itest.WAIT);
        assertTrue(line, line.contains("keeps its configuration"));
        assertEquals(1, pool.config().minIdle());
        assertFalse(pool.isClosed());
        assertSame(pool, Itest.awaitService(context, ConnectionPool.class, filter, p -> true));

        // a new manager.target replaces the pool
        configuration.update(Itest.props("pool.name", "itest-blocking", "manager.target",
                "(genericpool.manager=itest-other)", "max.size", 3, "close.timeout", 2.5));
        ConnectionPool<InetSocketAddress, SocketChannel> replacement =
                Itest.awaitService(context, ConnectionPool.class, filter, p -> p != pool);
        assertNotSame(pool, replacement);
        assertTrue(pool.isClosed());
        assertEquals(3, replacement.config().maxSize());
        try (var lease = replacement.connection(endpoint)) {
            assertEquals("again", TestManagers.echo(lease.connection(), "again"));
        }
        assertEquals(2, server.accepted());
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));

        // deletion closes the pool, unregisters the service and the MBean
        configuration.delete();
        Itest.awaitNoService(context, BaseConnectionPool.class, filter);
        Itest.await("pool closed", replacement::isClosed);
        Itest.await("MBean " + mbean + " unregistered",
                () -> !ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
    }

    /**
     * With the default manager of genericpool-contrib-tcp ({@code manager.target=(genericpool.manager=tcp)},
     * the configuration's default), a configured pool pools real TCP connections.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void defaultTcpManagerOfTheContribServesAConfiguredPool() throws Exception {
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.pool", "?");
        configuration.update(Itest.props("pool.name", "itest-contrib-tcp", "max.size", 2));
        try {
            ConnectionPool<InetSocketAddress, SocketChannel> pool =
                    Itest.awaitService(context, ConnectionPool.class, "(pool.name=itest-contrib-tcp)", p -> true);
            SocketChannel first;
            try (var lease = pool.connection(endpoint)) {
                first = lease.connection();
                assertEquals("tcp", TestManagers.echo(first, "tcp"));
            }
            try (var lease = pool.connection(endpoint)) {
                assertSame(first, lease.connection());
                assertEquals("again", TestManagers.echo(lease.connection(), "again"));
            }
            assertEquals(1, server.accepted());
        } finally {
            configuration.delete();
        }
        Itest.awaitNoService(context, BaseConnectionPool.class, "(pool.name=itest-contrib-tcp)");
    }

    /** An invalid first configuration is logged and registers nothing. */
    @Test
    public void invalidNewConfigurationRegistersNothing() throws Exception {
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.pool", "?");
        configuration.update(Itest.props("pool.name", "itest-invalid", "manager.target", "(genericpool.manager=itest)",
                "max.size", 0));
        try {
            String line = log.await("invalid max.size: 0", Itest.WAIT);
            assertTrue(line, line.contains("no pool is registered"));
            assertNull(Itest.serviceProperties(context, BaseConnectionPool.class, "(pool.name=itest-invalid)"));
        } finally {
            configuration.delete();
        }
    }

    /** Metatype describes both factory PIDs with every property, with defaults and ranges. */
    @Test
    public void metatypeListsEveryProperty() {
        Bundle impl = Arrays.stream(context.getBundles())
                .filter(b -> "org.genericpool.impl".equals(b.getSymbolicName())).findFirst().orElseThrow();
        MetaTypeInformation info = metaType.getMetaTypeInformation(impl);
        assertEquals(Set.of("org.genericpool.pool", "org.genericpool.asyncpool"), Set.of(info.getFactoryPids()));
        for (String pid : info.getFactoryPids()) {
            ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
            Set<String> ids = new TreeSet<>();
            for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                ids.add(ad.getID());
                assertFalse(ad.getID() + " has a description", ad.getDescription().isBlank());
            }
            assertEquals(pid, new TreeSet<>(PROPERTIES), ids);
        }
        ObjectClassDefinition ocd = info.getObjectClassDefinition("org.genericpool.pool", null);
        AttributeDefinition maxSize = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(ad -> ad.getID().equals("max.size")).findFirst().orElseThrow();
        assertEquals(AttributeDefinition.INTEGER, maxSize.getType());
        assertEquals("10", maxSize.getDefaultValue()[0]);
        assertEquals("0 is below the minimum 1", "", maxSize.validate("1"));
        assertFalse(maxSize.validate("0").isEmpty());
    }
}
