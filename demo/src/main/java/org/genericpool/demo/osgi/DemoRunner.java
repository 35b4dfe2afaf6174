package org.genericpool.demo.osgi;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.channels.SocketChannel;
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

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import org.genericpool.AcquireTimeoutException;
import org.genericpool.BaseConnectionPool;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.ConnectionPool;
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
 * The demo inside the OSGi runtime: starts loopback echo servers, creates the pools of
 * {@code demo/pools.properties} through ConfigAdmin, drives load from several threads, prints the
 * per-endpoint table (the MXBean's {@code EndpointStats} rows) once a second, updates
 * {@code demo-tcp} live halfway, then deletes the configurations (closing the pools), reports
 * whether every connection was disposed, and stops the framework. {@code --forever} keeps it
 * running for JConsole.
 */
@Component(immediate = true)
public final class DemoRunner {

    private static final String LAUNCHER_ARGS = "genericpool.demo.args";
    private static final int ENDPOINTS = 3;
    private static final int BLOCKING_WORKERS = 8;
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
        List<EchoServer> servers = new ArrayList<>();
        List<InetSocketAddress> endpoints = new ArrayList<>();
        try {
            for (int i = 0; i < ENDPOINTS; i++) {
                EchoServer server = new EchoServer();
                servers.add(server);
                endpoints.add(server.address());
            }
            URL resource = context.getBundle().getEntry("demo/pools.properties");
            Map<String, Configuration> configurations = ConfigLoader.load(resource, configAdmin);
            @SuppressWarnings("unchecked")
            ConnectionPool<InetSocketAddress, SocketChannel> pool =
                    awaitPool(ConnectionPool.class, "demo-tcp");
            @SuppressWarnings("unchecked")
            AsyncConnectionPool<InetSocketAddress, SocketChannel> asyncPool =
                    awaitPool(AsyncConnectionPool.class, "demo-async");
            long upMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf("genericpool demo: OSGi framework %s with SCR, ConfigAdmin and Metatype; pools %s "
                            + "registered through ConfigAdmin %d ms after JVM start%n",
                    context.getBundle(0).getSymbolicName() + " " + context.getBundle(0).getVersion(),
                    List.of(pool.config().name(), asyncPool.config().name()), upMillis);
            System.out.println("echo servers: " + endpoints);
            System.out.println("JMX (JConsole): " + objectName("demo-tcp") + " and " + objectName("demo-async"));

            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < BLOCKING_WORKERS; i++) {
                workers.add(start("genericpool-demo-worker-" + i, () -> blockingLoad(pool, endpoints)));
            }
            workers.add(start("genericpool-demo-async-driver", () -> asyncLoad(asyncPool, endpoints)));

            long seconds = forever ? Long.MAX_VALUE : runFor.toSeconds();
            long half = Math.max(1, Math.min(seconds, DEFAULT_RUN.toSeconds()) / 2);
            for (long s = 1; s <= seconds && running; s++) {
                Thread.sleep(1000);
                printTable(s, "demo-tcp");
                printTable(s, "demo-async");
                if (s == half) {
                    liveUpdate(configurations.get("tcp"), pool);
                }
            }
            running = false;
            for (Thread t : workers) {
                t.join(WAIT.toMillis());
            }
            for (Configuration c : configurations.values()) {
                c.delete(); // the pool components close their pools within close.timeout
            }
            awaitClosed();
            boolean closed = pool.isClosed() && asyncPool.isClosed();
            long created = DemoTcpManagers.CREATED.get();
            long disposed = DemoTcpManagers.DISPOSED.get();
            boolean ok = closed && created == disposed;
            System.out.printf("configurations deleted: pools closed=%s, connections created=%d disposed=%d -> %s%n",
                    closed, created, disposed, ok ? "OK" : "MISMATCH");
            return ok ? 0 : 1;
        } finally {
            for (EchoServer server : servers) {
                server.close();
            }
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

    private void blockingLoad(ConnectionPool<InetSocketAddress, SocketChannel> pool, List<InetSocketAddress> endpoints) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            InetSocketAddress endpoint = endpoints.get(random.nextInt(endpoints.size()));
            try (var lease = pool.connection(endpoint)) {
                DemoTcpManagers.echo(lease.connection(), "request");
                TimeUnit.MICROSECONDS.sleep(500 + random.nextInt(2000)); // the rest of a request
            } catch (AcquireTimeoutException e) {
                // busy endpoint: counted in the table's timeouts column
            } catch (InterruptedException | ConnectionPoolClosedException e) {
                return; // stopping (Ctrl-C closes the pools while the load still runs)
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.out.println("request failed: " + e);
                }
            }
        }
    }

    private void asyncLoad(AsyncConnectionPool<InetSocketAddress, SocketChannel> pool, List<InetSocketAddress> endpoints) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running && !pool.isClosed()) {
            List<CompletableFuture<String>> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                InetSocketAddress endpoint = endpoints.get(random.nextInt(endpoints.size()));
                batch.add(pool.withConnection(endpoint, channel -> {
                    try {
                        return CompletableFuture.completedFuture(DemoTcpManagers.echo(channel, "async"));
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }));
            }
            for (CompletableFuture<String> f : batch) {
                f.exceptionally(t -> "failed").join();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
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
        System.out.printf("   %-16s %5s %8s %5s %7s %8s %8s %5s %8s %8s%n", "endpoint", "total", "acquired", "idle",
                "pending", "created", "disposed", "dead", "acquires", "timeouts");
        List<EndpointStatsRow> rows = new ArrayList<>(bean.getEndpointStats());
        rows.sort(Comparator.comparing(EndpointStatsRow::getEndpoint));
        for (EndpointStatsRow r : rows) {
            System.out.printf("   %-16s %5d %8d %5d %7d %8d %8d %5d %8d %8d%n", r.getEndpoint().replace("localhost", ""),
                    r.getTotal(), r.getAcquired(), r.getIdle(), r.getPending(), r.getCreated(), r.getDisposed(),
                    r.getDead(), r.getAcquires(), r.getTimeouts());
        }
    }

    private static ObjectName objectName(String poolName) throws MalformedObjectNameException {
        return new ObjectName("org.genericpool:type=ConnectionPool,name=" + poolName);
    }

    private <P extends BaseConnectionPool<?>> P awaitPool(Class<P> type, String poolName)
            throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            for (ServiceReference<P> ref : context.getServiceReferences(type, "(pool.name=" + poolName + ")")) {
                P pool = context.getService(ref);
                if (pool != null) {
                    context.ungetService(ref);
                    return pool;
                }
            }
            Thread.sleep(5);
        } while (System.nanoTime() - deadline < 0);
        throw new IllegalStateException("no " + type.getSimpleName() + " service (pool.name=" + poolName + ") within "
                + WAIT + ": is genericpool-impl active?");
    }

    /**
     * Waits until the pool services are gone and every connection created was disposed: deleting a
     * configuration is asynchronous, and a pool component unregisters its pool before closing it.
     */
    private void awaitClosed() throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while ((!context.getServiceReferences(BaseConnectionPool.class, "(pool.name=demo-*)").isEmpty()
                || DemoTcpManagers.CREATED.get() != DemoTcpManagers.DISPOSED.get())
                && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
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
