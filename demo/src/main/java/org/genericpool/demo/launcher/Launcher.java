package org.genericpool.demo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The main class of the one-jar demo: starts the OSGi framework on the class path (Apache Felix),
 * installs and starts the bundles embedded under {@code bundles/} in this jar (genericpool's, SCR,
 * ConfigAdmin, Metatype, Log and the demo bundle), waits until the framework stops and exits with
 * the status the demo bundle reported. Uses only the standard OSGi launching API.
 *
 * <p>The demo bundle gets the command line as the framework property {@value #ARGS_PROPERTY} and
 * reports its exit status through an {@link IntConsumer} service with the property
 * {@value #EXIT_PROPERTY}{@code =true} (a {@code java.*} type, so both sides share it).
 */
public final class Launcher {

    /** Framework property holding the command line, arguments separated by one space. */
    public static final String ARGS_PROPERTY = "genericpool.demo.args";
    /** Service property marking the exit-status service. */
    public static final String EXIT_PROPERTY = "genericpool.demo.exit";
    /** Folder in this jar holding the bundles to install. */
    private static final String BUNDLES = "bundles/";

    private Launcher() {
    }

    /**
     * @param args passed on to the demo bundle ({@code --forever}, a number of seconds)
     */
    public static void main(String[] args) throws Exception {
        Path storage = Files.createTempDirectory("genericpool-demo-osgi");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(ARGS_PROPERTY, String.join(" ", args));
        config.put("felix.log.level", "1"); // framework errors only

        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.init();
        AtomicInteger status = new AtomicInteger(1);
        BundleContext context = framework.getBundleContext();
        context.registerService(IntConsumer.class, status::set,
                new java.util.Hashtable<>(Map.of(EXIT_PROPERTY, Boolean.TRUE)));
        List<Bundle> installed = install(context);
        // Stop the framework (so pools close gracefully) on Ctrl-C / SIGTERM too.
        Thread hook = new Thread(() -> stopQuietly(framework), "genericpool-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        framework.start();
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        FrameworkEvent stopped = framework.waitForStop(0);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        deleteTree(storage);
        if (stopped.getType() == FrameworkEvent.ERROR) {
            System.err.println("framework stopped with an error: " + stopped.getThrowable());
            System.exit(1);
        }
        System.exit(status.get());
    }

    /** Installs every {@code bundles/*.jar} of this jar, in name order. */
    private static List<Bundle> install(BundleContext context) throws IOException, BundleException, URISyntaxException {
        Path self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Bundle> bundles = new ArrayList<>();
        try (JarFile jar = new JarFile(self.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith(BUNDLES) && entry.getName().endsWith(".jar")) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(JarEntry::getName));
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    bundles.add(context.installBundle("genericpool-demo:" + entry.getName(), in));
                }
            }
        }
        if (bundles.isEmpty()) {
            throw new IllegalStateException("no bundles under " + BUNDLES + " in " + self);
        }
        return bundles;
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(15_000);
        } catch (BundleException | InterruptedException e) {
            // exiting anyway
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
