package org.genericpool.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** What every Pax Exam test class shares: the provisioning and bounded waits. */
public final class Itest {

    /** The longest a test waits for the framework to react (SCR and ConfigAdmin are asynchronous). */
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Itest() {
    }

    /**
     * @return this build's genericpool bundles (by file: URL, see the pom), SCR, ConfigAdmin, Metatype
     *         and JUnit
     */
    public static Option[] options() {
        return org.ops4j.pax.exam.CoreOptions.options(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                bundle(fileUrl("genericpool.api.jar")),
                bundle(fileUrl("genericpool.impl.jar")),
                bundle(fileUrl("genericpool.contrib.tcp.jar")),
                bundle(fileUrl("genericpool.contrib.ssl.jar")),
                bundle(fileUrl("genericpool.contrib.unix.jar")),
                junitBundles());
    }

    /** @return the file: URL of the jar whose path is in system property {@code property} */
    public static String fileUrl(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("system property " + property + " must name a built jar, is " + path);
        }
        return new File(path).toURI().toString();
    }

    /** @return a dictionary of key, value, key, value, ... */
    public static Dictionary<String, Object> props(Object... keyValues) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            d.put((String) keyValues[i], keyValues[i + 1]);
        }
        return d;
    }

    /**
     * Waits until a service of {@code type} matching {@code filter} satisfies {@code condition}.
     *
     * @return the service object
     * @throws AssertionError after {@link #WAIT}
     */
    public static <S> S awaitService(BundleContext context, Class<S> type, String filter, Predicate<S> condition)
            throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            Collection<ServiceReference<S>> refs = context.getServiceReferences(type, filter);
            for (ServiceReference<S> ref : refs) {
                S service = context.getService(ref);
                if (service != null) {
                    context.ungetService(ref);
                    if (condition.test(service)) {
                        return service;
                    }
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("no " + type.getSimpleName() + " service " + filter + " as expected within " + WAIT);
    }

    /**
     * Waits until no service of {@code type} matches {@code filter}.
     *
     * @throws AssertionError after {@link #WAIT}
     */
    public static void awaitNoService(BundleContext context, Class<?> type, String filter)
            throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            if (context.getServiceReferences(type, filter).isEmpty()) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("a " + type.getSimpleName() + " service " + filter + " is still there after " + WAIT);
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @throws AssertionError naming {@code what} after {@link #WAIT}
     */
    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("not within " + WAIT + ": " + what);
    }

    /** @return the properties of the first service reference of {@code type} matching {@code filter}, or null */
    public static Map<String, Object> serviceProperties(BundleContext context, Class<?> type, String filter) {
        Collection<? extends ServiceReference<?>> refs;
        try {
            refs = context.getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        if (refs.isEmpty()) {
            return null;
        }
        ServiceReference<?> ref = refs.iterator().next();
        Map<String, Object> m = new java.util.TreeMap<>();
        for (String key : ref.getPropertyKeys()) {
            m.put(key, ref.getProperty(key));
        }
        return m;
    }
}
