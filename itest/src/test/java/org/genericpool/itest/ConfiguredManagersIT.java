package org.genericpool.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Dictionary;

import javax.inject.Inject;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.async.AsyncConnectionManager;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Managers made through ConfigAdmin (factory PIDs {@code org.genericpool.contrib.tcp},
 * {@code .ssl}, {@code .unix}): each valid configuration registers a blocking and an async
 * manager with its {@code genericpool.manager}; an invalid one registers nothing until it is
 * corrected, so a pool that targets it waits instead of failing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfiguredManagersIT {

    /** How long a test watches for a registration that must not happen. */
    private static final long ABSENCE_MILLIS = 300;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    private CapturingLog log;

    /** @return the common provisioning */
    @Configuration
    public Option[] config() {
        return Itest.options();
    }

    /** Captures the framework's warnings and errors. */
    @Before
    public void setUp() {
        log = new CapturingLog(context);
    }

    /** Stops capturing. */
    @After
    public void tearDown() {
        log.close();
    }

    /** Each contrib's factory configuration registers both managers, with its properties; deletion takes them back. */
    @Test
    public void validConfigurationsRegisterBothManagers() throws Exception {
        for (String kind : new String[] {"tcp", "ssl", "unix"}) {
            String name = "itest-configured-" + kind;
            org.osgi.service.cm.Configuration configuration = create(kind,
                    Itest.props("genericpool.manager", name, "connect.timeout", 2.5));
            String filter = "(genericpool.manager=" + name + ")";
            awaitBoth(filter);
            assertEquals(kind, 2.5, Itest.serviceProperties(context, ConnectionManager.class, filter)
                    .get("connect.timeout"));
            assertEquals(kind, 2.5, Itest.serviceProperties(context, AsyncConnectionManager.class, filter)
                    .get("connect.timeout"));
            configuration.delete();
            Itest.awaitNoService(context, ConnectionManager.class, filter);
            Itest.awaitNoService(context, AsyncConnectionManager.class, filter);
        }
    }

    /**
     * An invalid configuration is logged with the property at fault and registers no manager,
     * while a valid one of the same factory PID, made after it, does; corrected, it registers both.
     */
    @Test
    public void invalidConfigurationRegistersNoManagerUntilCorrected() throws Exception {
        Object[][] cases = {
            {"tcp", "io.threads", 0, "io.threads = 0"},
            {"ssl", "protocols", new String[] {"TLSv9"}, "protocols = [TLSv9]"},
            {"unix", "connect.timeout", -1.0, "connect.timeout = -1.0"},
        };
        for (Object[] c : cases) {
            String kind = (String) c[0];
            String bad = "itest-invalid-" + kind;
            String good = "itest-valid-" + kind;
            org.osgi.service.cm.Configuration invalid = create(kind, Itest.props("genericpool.manager", bad, c[1], c[2]));
            org.osgi.service.cm.Configuration valid = create(kind, Itest.props("genericpool.manager", good));
            try {
                awaitBoth("(genericpool.manager=" + good + ")");
                assertAbsent("(genericpool.manager=" + bad + ")");
                log.await((String) c[3], Itest.WAIT);

                invalid.update(Itest.props("genericpool.manager", bad));
                awaitBoth("(genericpool.manager=" + bad + ")");
            } finally {
                invalid.delete();
                valid.delete();
            }
        }
    }

    /**
     * End to end through ConfigAdmin alone: a pool whose {@code manager.target} names an invalidly
     * configured manager is not registered; once the manager's configuration is corrected the
     * pool appears and pools real TCP connections with the configured manager.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void poolWaitsForItsManagerConfigurationToBeValid() throws Exception {
        org.osgi.service.cm.Configuration manager = create("tcp",
                Itest.props("genericpool.manager", "itest-pool-manager", "io.threads", 0));
        org.osgi.service.cm.Configuration poolConfig = configAdmin.createFactoryConfiguration("org.genericpool.pool", "?");
        try (EchoServer server = new EchoServer()) {
            poolConfig.update(Itest.props("pool.name", "itest-waits-for-manager",
                    "manager.target", "(genericpool.manager=itest-pool-manager)", "max.size", 1));
            log.await("io.threads = 0", Itest.WAIT);
            Thread.sleep(ABSENCE_MILLIS);
            assertNull(Itest.serviceProperties(context, BaseConnectionPool.class, "(pool.name=itest-waits-for-manager)"));

            manager.update(Itest.props("genericpool.manager", "itest-pool-manager", "io.threads", 1));
            ConnectionPool<InetSocketAddress, SocketChannel> pool = Itest.awaitService(context, ConnectionPool.class,
                    "(pool.name=itest-waits-for-manager)", p -> true);
            InetSocketAddress endpoint = server.address();
            SocketChannel first;
            try (var lease = pool.connection(endpoint)) {
                first = lease.connection();
                assertEquals("configured", TestManagers.echo(first, "configured"));
            }
            try (var lease = pool.connection(endpoint)) {
                assertSame(first, lease.connection());
            }
            assertEquals(1, server.accepted());
        } finally {
            poolConfig.delete();
            manager.delete();
        }
        Itest.awaitNoService(context, BaseConnectionPool.class, "(pool.name=itest-waits-for-manager)");
    }

    private org.osgi.service.cm.Configuration create(String kind, Dictionary<String, Object> properties)
            throws Exception {
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.contrib." + kind, "?");
        configuration.update(properties);
        return configuration;
    }

    private void awaitBoth(String filter) throws Exception {
        Itest.awaitService(context, ConnectionManager.class, filter, m -> true);
        Itest.awaitService(context, AsyncConnectionManager.class, filter, m -> true);
    }

    /** Watches for {@link #ABSENCE_MILLIS}: no service of either manager type may match {@code filter}. */
    private void assertAbsent(String filter) throws Exception {
        long deadline = System.nanoTime() + ABSENCE_MILLIS * 1_000_000;
        do {
            assertEquals(filter, 0, context.getServiceReferences(ConnectionManager.class, filter).size());
            assertEquals(filter, 0, context.getServiceReferences(AsyncConnectionManager.class, filter).size());
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
    }
}
