package org.genericpool.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

import javax.inject.Inject;
import javax.management.ObjectName;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPoolFactory;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The bundles of this build resolve and start, and the {@link ConnectionPoolFactory} service makes working pools. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesIT {

    @Inject
    private BundleContext context;

    @Inject
    private ConnectionPoolFactory factory;

    /** @return the common provisioning */
    @Configuration
    public Option[] config() {
        return Itest.options();
    }

    /** Every installed bundle (ours, SCR, ConfigAdmin, Metatype, Pax Exam's) is active; ours are there. */
    @Test
    public void everyBundleResolvesAndStarts() {
        int ours = 0;
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment) {
                assertEquals(b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
            }
            if (b.getSymbolicName().startsWith("org.genericpool")) {
                ours++;
            }
        }
        assertEquals("org.genericpool, .impl, .contrib.tcp, .contrib.ssl, .contrib.unix", 5, ours);
        assertEquals("the framework this failsafe execution is for",
                System.getProperty("itest.framework"), context.getBundle(0).getSymbolicName());
    }

    /** Each contrib bundle registers its default blocking and async manager, genericpool.manager = tcp, ssl, unix. */
    @Test
    public void contribBundlesRegisterDefaultManagers() throws Exception {
        for (String kind : new String[] {"tcp", "ssl", "unix"}) {
            String filter = "(genericpool.manager=" + kind + ")";
            Itest.awaitService(context, ConnectionManager.class, filter, m -> true);
            Itest.awaitService(context, AsyncConnectionManager.class, filter, m -> true);
        }
    }

    /**
     * The factory service creates a pool that pools real TCP connections to a loopback echo
     * server: the second lease gets the first connection back, the server saw one connection,
     * and the pool's MXBean exists exactly while it is open.
     */
    @Test
    public void factoryServiceMakesPoolsOfRealTcpConnections() throws Exception {
        ObjectName mbean = new ObjectName("org.genericpool:type=ConnectionPool,name=itest-factory");
        try (EchoServer server = new EchoServer()) {
            InetSocketAddress endpoint = server.address();
            ConnectionPool<InetSocketAddress, SocketChannel> pool =
                    factory.create(new TestManagers.Tcp(), PoolConfig.builder().name("itest-factory").maxSize(2).build());
            try {
                assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
                SocketChannel first = pool.acquire(endpoint);
                assertEquals("ping", TestManagers.echo(first, "ping"));
                pool.release(endpoint, first);
                SocketChannel second = pool.acquire(endpoint);
                assertSame(first, second);
                assertEquals("pong", TestManagers.echo(second, "pong"));
                pool.release(endpoint, second);
                assertEquals(1, pool.size(endpoint));
                assertEquals(1, server.accepted());
            } finally {
                pool.close();
            }
            assertTrue(pool.isClosed());
            assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
        }
    }
}
