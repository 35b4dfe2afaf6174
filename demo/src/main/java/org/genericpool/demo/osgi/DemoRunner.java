package org.genericpool.demo.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.net.ssl.SSLSocket;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.ConnectionPool;
import org.genericpool.Lease;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.management.ConnectionPoolMXBean;
import org.genericpool.management.EndpointStatsRow;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The demo inside the OSGi runtime: starts loopback echo servers (three TCP, one TLS with the
 * certificate generated during the build, one Unix socket), creates the TLS manager and the pools
 * of {@code demo/pools.properties} through ConfigAdmin, drives load from several threads, prints the
 * per-endpoint table (the MXBean's {@code EndpointStats} rows) once a second, updates
 * {@code demo-tcp} live halfway, then deletes the configurations (closing the pools), reports
 * whether every connection was disposed, and stops the framework. {@code --forever} keeps it
 * running for JConsole.
 */
@Component(immediate = true)
public final class DemoRunner {

    private static final String LAUNCHER_ARGS = "genericpool.demo.args";
    private static final int TCP_ENDPOINTS = 3;
    private static final int TCP_WORKERS = 8;
    /** The password of the generated demo keystore (demo/demo-tls.p12, made by keytool during the build). */
    private static final String KEYSTORE_PASSWORD = "demo-only";
    private static final Duration DEFAULT_RUN = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final IntConsumer exit;
    private final Thread main;
    private volatile boolean running = true;

    /**
     * Starts the demo on its own thread, so SCR's thread is not held.
     *
     * @param context     the demo bundle's context
     * @param configAdmin where the pools are configured
     * @param exit        the launcher's exit-status service
     */
    @Activate
    public DemoRunner(BundleContext context, @Reference ConfigurationAdmin configAdmin,
                      @Reference(target = "(genericpool.demo.exit=true)") IntConsumer exit) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.exit = exit;
        this.main = new Thread(this::runSafely, "genericpool-demo");
        main.start();
    }

    /** Stops the load and the main thread (framework stopping, e.g. Ctrl-C with --forever). */
    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        if (Thread.currentThread() != main) {
            main.interrupt();
            main.join(WAIT.toMillis());
        }
    }

    private void runSafely() {
        int status;
        try {
            status = run();
        } catch (InterruptedException e) {
            status = 0; // stopped from outside
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        exit.accept(status);
        stopFramework();
    }

    private int run() throws Exception {
        String args = context.getProperty(LAUNCHER_ARGS);
        boolean forever = args != null && List.of(args.split(" ")).contains("--forever");
        Duration runFor = parseSeconds(args);
        Path dir = Files.createTempDirectory("genericpool-demo");
        List<EchoServer> servers = new ArrayList<>();
        try {
            List<InetSocketAddress> tcpEndpoints = new ArrayList<>();
            for (int i = 0; i < TCP_ENDPOINTS; i++) {
                EchoServer server = EchoServer.tcp();
                servers.add(server);
                tcpEndpoints.add((InetSocketAddress) server.address());
            }
            Path keystore = dir.resolve("tls.p12");
            try (InputStream in = context.getBundle().getEntry("demo/demo-tls.p12").openStream()) {
                Files.copy(in, keystore);
            }
            EchoServer tlsServer = EchoServer.tls(Tls.serverContext(keystore, KEYSTORE_PASSWORD));
            servers.add(tlsServer);
            Path socket = dir.resolve("echo.sock");
            servers.add(EchoServer.unix(socket));

            URL resource = context.getBundle().getEntry("demo/pools.properties");
            Map<String, Configuration> configurations =
                    ConfigLoader.load(resource, configAdmin, Map.of("demo.dir", dir.toString()));
            ConnectionPool<InetSocketAddress, SocketChannel> tcp = awaitPool(ConnectionPool.class, "demo-tcp");
            AsyncConnectionPool<InetSocketAddress, AsynchronousSocketChannel> async =
                    awaitPool(AsyncConnectionPool.class, "demo-async");
            ConnectionPool<InetSocketAddress, SSLSocket> tls = awaitPool(ConnectionPool.class, "demo-tls");
            ConnectionPool<Path, SocketChannel> unix = awaitPool(ConnectionPool.class, "demo-unix");
            List<BaseConnectionPool<?>> pools = List.of(tcp, async, tls, unix);
            long upMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("genericpool demo: OSGi framework %s with SCR, ConfigAdmin and Metatype; pools %s "
                            + "registered through ConfigAdmin %d ms after JVM start%n",
                    context.getBundle(0).getSymbolicName() + " " + context.getBundle(0).getVersion(),
                    names(pools), upMillis);
            System.out.println("echo servers: TCP " + tcpEndpoints + ", TLS " + tlsServer.address() + ", Unix " + socket);
            System.out.println("JMX (JConsole): " + objectName("demo-tcp") + " (and name=demo-async, demo-tls, demo-unix)");

            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < TCP_WORKERS; i++) {
                workers.add(start("genericpool-demo-tcp-" + i, () -> blockingLoad(tcp, tcpEndpoints, Echo::over)));
            }
            List<InetSocketAddress> tlsEndpoint = List.of((InetSocketAddress) tlsServer.address());
            List<Path> unixEndpoint = List.of(socket);
            for (int i = 0; i < 2; i++) {
                workers.add(start("genericpool-demo-tls-" + i, () -> blockingLoad(tls, tlsEndpoint, Echo::over)));
                workers.add(start("genericpool-demo-unix-" + i, () -> blockingLoad(unix, unixEndpoint, Echo::over)));
            }
            workers.add(start("genericpool-demo-async-driver", () -> asyncLoad(async, tcpEndpoints)));

            long seconds = forever ? Long.MAX_VALUE : runFor.toSeconds();
            long half = Math.max(1, Math.min(seconds, DEFAULT_RUN.toSeconds()) / 2);
            for (long s = 1; s <= seconds && running; s++) {
                Thread.sleep(1000);
                for (BaseConnectionPool<?> pool : pools) {
                    printTable(s, pool.config().name());
                }
                if (s == half) {
                    liveUpdate(configurations.get("tcp"), tcp);
                }
            }
            running = false;
            for (Thread t : workers) {
                t.join(WAIT.toMillis());
            }
            for (Configuration c : configurations.values()) {
                c.delete(); // the pool components close their pools within close.timeout
            }
            boolean ok = awaitClosed(pools);
            StringBuilder counts = new StringBuilder();
            for (BaseConnectionPool<?> pool : pools) {
                counts.append(' ').append(pool.config().name()).append(" created=").append(pool.stats().created())
                        .append(" disposed=").append(pool.stats().disposed());
            }
            System.out.printf("configurations deleted: pools closed, every connection disposed:%s -> %s%n",
                    counts, ok ? "OK" : "MISMATCH");
            return ok ? 0 : 1;
        } finally {
            for (EchoServer server : servers) {
                server.close();
            }
            deleteTree(dir);
        }
    }

    /** Raises demo-tcp's limits through ConfigAdmin and shows the same pool took them without reconnecting. */
    private void liveUpdate(Configuration configuration, ConnectionPool<InetSocketAddress, SocketChannel> pool)
            throws IOException, InterruptedException, InvalidSyntaxException {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object before = properties.get("max.size");
        long disposedBefore = pool.stats().disposed();
        properties.put("max.size", 5);
        properties.put("min.idle", 2);
        configuration.update(properties);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pool.config().maxSize() != 5 && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        System.out.printf("== live update of demo-tcp through ConfigAdmin: max.size %s -> %d, min.idle -> %d; "
                        + "same pool object: %s; connections disposed by the update: %d%n",
                before, pool.config().maxSize(), pool.config().minIdle(),
                awaitPool(ConnectionPool.class, "demo-tcp") == pool, pool.stats().disposed() - disposedBefore);
    }

    /** One request over a pooled connection. */
    private interface Request<C> {
        String send(C connection, String text) throws Exception;
    }

    private <E, C> void blockingLoad(ConnectionPool<E, C> pool, List<E> endpoints, Request<C> request) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            E endpoint = endpoints.get(random.nextInt(endpoints.size()));
            try (Lease<E, C> lease = pool.connection(endpoint)) {
                request.send(lease.connection(), "request");
                TimeUnit.MICROSECONDS.sleep(500 + random.nextInt(2000)); // the rest of a request
            } catch (AcquireTimeoutException e) {
                // busy endpoint: counted in the table's timeouts column
            } catch (InterruptedException | ConnectionPoolClosedException e) {
                return; // stopping (Ctrl-C closes the pools while the load still runs)
            } catch (Exception e) {
                if (running) {
                    System.out.println(pool.config().name() + " request failed: " + e);
                }
            }
        }
    }

    /** Keeps six acquires in flight; each request runs on this thread once its connection is there. */
    private void asyncLoad(AsyncConnectionPool<InetSocketAddress, AsynchronousSocketChannel> pool,
                           List<InetSocketAddress> endpoints) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running && !pool.isClosed()) {
            List<InetSocketAddress> targets = new ArrayList<>();
            List<CompletableFuture<AsynchronousSocketChannel>> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                InetSocketAddress endpoint = endpoints.get(random.nextInt(endpoints.size()));
                targets.add(endpoint);
                batch.add(pool.acquire(endpoint));
            }
            for (int i = 0; i < batch.size(); i++) {
                AsynchronousSocketChannel channel;
                try {
                    channel = batch.get(i).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    continue; // timed out or closed: counted in the table
                }
                try {
                    Echo.over(channel, "async");
                    pool.release(targets.get(i), channel);
                } catch (InterruptedException e) {
                    pool.discard(targets.get(i), channel);
                    return;
                } catch (Exception e) {
                    pool.discard(targets.get(i), channel);
                }
            }
        }
    }

    /** Prints one pool's MXBean: totals and the EndpointStats rows. */
    private static void printTable(long second, String poolName) throws MalformedObjectNameException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = objectName(poolName);
        if (!server.isRegistered(name)) {
            return;
        }
        ConnectionPoolMXBean bean = JMX.newMXBeanProxy(server, name, ConnectionPoolMXBean.class);
        System.out.printf("-- %ds %s: size=%d acquired=%d idle=%d pending=%d (minIdle=%d maxSize=%d totalMaxSize=%d)%n",
                second, poolName, bean.getSize(), bean.getAcquired(), bean.getIdle(), bean.getPending(),
                bean.getMinIdle(), bean.getMaxSize(), bean.getTotalMaxSize());
        System.out.printf("   %-26s %5s %8s %5s %7s %8s %8s %5s %8s %8s%n", "endpoint", "total", "acquired", "idle",
                "pending", "created", "disposed", "dead", "acquires", "timeouts");
        List<EndpointStatsRow> rows = new ArrayList<>(bean.getEndpointStats());
        rows.sort(Comparator.comparing(EndpointStatsRow::getEndpoint));
        for (EndpointStatsRow r : rows) {
            System.out.printf("   %-26s %5d %8d %5d %7d %8d %8d %5d %8d %8d%n", r.getEndpoint(),
                    r.getTotal(), r.getAcquired(), r.getIdle(), r.getPending(), r.getCreated(), r.getDisposed(),
                    r.getDead(), r.getAcquires(), r.getTimeouts());
        }
    }

    private static ObjectName objectName(String poolName) throws MalformedObjectNameException {
        return new ObjectName("org.genericpool:type=ConnectionPool,name=" + poolName);
    }

    @SuppressWarnings("unchecked")
    private <P> P awaitPool(Class<? super P> type, String poolName) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Class<Object> objectType = (Class<Object>) (Class<?>) type;
            for (ServiceReference<Object> ref : context.getServiceReferences(objectType, "(pool.name=" + poolName + ")")) {
                Object pool = context.getService(ref);
                if (pool != null) {
                    context.ungetService(ref);
                    return (P) pool;
                }
            }
            Thread.sleep(5);
        } while (System.nanoTime() - deadline < 0);
        throw new IllegalStateException("no " + type.getSimpleName() + " service (pool.name=" + poolName + ") within "
                + WAIT + ": are genericpool-impl and the contribs active?");
    }

    /**
     * Waits until the pool services are gone and every pool disposed all it created: deleting a
     * configuration is asynchronous, and a pool component unregisters its pool before closing it.
     *
     * @return whether that happened within {@link #WAIT}
     */
    private boolean awaitClosed(List<BaseConnectionPool<?>> pools) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean done = context.getServiceReferences(BaseConnectionPool.class, "(pool.name=demo-*)").isEmpty();
            for (BaseConnectionPool<?> pool : pools) {
                done &= pool.isClosed() && pool.stats().created() == pool.stats().disposed();
            }
            if (done) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static List<String> names(List<BaseConnectionPool<?>> pools) {
        List<String> names = new ArrayList<>();
        for (BaseConnectionPool<?> pool : pools) {
            names.add(pool.config().name());
        }
        return names;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static Duration parseSeconds(String args) {
        if (args != null) {
            for (String a : args.split(" ")) {
                if (a.matches("\\d{1,4}")) {
                    return Duration.ofSeconds(Math.max(2, Integer.parseInt(a)));
                }
            }
        }
        return DEFAULT_RUN;
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void stopFramework() {
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                // already stopping
            }
        }, "genericpool-demo-stop");
        stopper.start();
    }
}
