package org.genericpool.features;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Hashtable;

import javax.inject.Inject;

import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionPool;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Apache Karaf (minimal distribution) with this build's features.xml: {@code feature:install
 * genericpool}, then a pool configured through ConfigAdmin with the default TCP manager of
 * genericpool-contrib-tcp pools a real loopback TCP connection,
 * and deleting the configuration removes it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeatureIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    /** @return Karaf with the feature genericpool installed from this build's features.xml */
    @Configuration
    public Option[] config() {
        String repository = new File(System.getProperty("genericpool.karaf.repository")).toURI().toString();
        String features = new File(System.getProperty("genericpool.features")).toURI().toString();
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf-minimal").type("tar.gz").versionAsInProject())
                        .unpackDirectory(new File(System.getProperty("genericpool.karaf.unpack")))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                // this build's bundles first, then the local Maven repository, then Karaf's own system folder
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        repository + "@id=genericpool-build@snapshots,"
                                + "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.local.repository")),
                features(features, "genericpool"));
    }

    /** The feature's bundles are active, and a factory configuration makes a working pool service. */
    @Test
    @SuppressWarnings("unchecked")
    public void featureInstallsAndAConfiguredPoolWorks() throws Exception {
        for (String bsn : new String[] {"org.genericpool", "org.genericpool.impl", "org.genericpool.contrib.tcp",
                "org.genericpool.contrib.ssl", "org.genericpool.contrib.unix", "org.apache.felix.scr"}) {
            assertEquals(bsn, Bundle.ACTIVE, bundle(bsn).getState());
        }
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread echo = new Thread(() -> echoOne(server), "karaf-itest-echo");
            echo.setDaemon(true);
            echo.start();
            InetSocketAddress endpoint = (InetSocketAddress) server.getLocalAddress();
            org.osgi.service.cm.Configuration configuration =
                    configAdmin.createFactoryConfiguration("org.genericpool.pool", "?");
            try {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put("pool.name", "karaf-pool");
                props.put("manager.target", "(genericpool.manager=tcp)"); // genericpool-contrib-tcp's default
                props.put("max.size", 3);
                configuration.update(props);
                ConnectionPool<InetSocketAddress, SocketChannel> pool = awaitPool();
                assertEquals(3, pool.config().maxSize());
                SocketChannel first;
                try (var lease = pool.connection(endpoint)) {
                    first = lease.connection();
                    assertEquals("karaf", echo(first, "karaf"));
                }
                try (var lease = pool.connection(endpoint)) {
                    assertSame(first, lease.connection());
                }
                configuration.delete();
                configuration = null;
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!pool.isClosed() && System.nanoTime() - deadline < 0) {
                    Thread.sleep(10);
                }
                assertTrue("pool closed after its configuration was deleted", pool.isClosed());
            } finally {
                if (configuration != null) {
                    configuration.delete();
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private ConnectionPool<InetSocketAddress, SocketChannel> awaitPool() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Collection<ServiceReference<BaseConnectionPool>> refs =
                    context.getServiceReferences(BaseConnectionPool.class, "(pool.name=karaf-pool)");
            for (ServiceReference<BaseConnectionPool> ref : refs) {
                Object pool = context.getService(ref);
                if (pool instanceof ConnectionPool) {
                    return (ConnectionPool<InetSocketAddress, SocketChannel>) pool;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("no pool service (pool.name=karaf-pool) within " + WAIT);
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " not installed");
    }

    private static void echoOne(ServerSocketChannel server) {
        try (SocketChannel client = server.accept()) {
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (client.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private static String echo(SocketChannel channel, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("closed");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }
}
