package org.genericpool.itest;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * An OSGi {@link LoggerFactory} service of the highest ranking that records every warning and
 * error, so a test can wait for the line a refused configuration produces.
 */
public final class CapturingLog implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<LoggerFactory> registration;

    /** Registers the capturing service. */
    public CapturingLog(BundleContext context) {
        ClassLoader loader = LoggerFactory.class.getClassLoader();
        Logger logger = (Logger) Proxy.newProxyInstance(loader, new Class<?>[] {Logger.class}, (p, m, args) -> {
            switch (m.getName()) {
                case "error":
                case "warn":
                    lines.add(m.getName() + " " + Arrays.toString(args) + causes(args));
                    return null;
                case "getName":
                    return "itest";
                case "toString":
                    return "CapturingLogger";
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                default:
                    return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
            }
        });
        LoggerFactory factory = (LoggerFactory) Proxy.newProxyInstance(loader, new Class<?>[] {LoggerFactory.class},
                (p, m, args) -> {
                    switch (m.getName()) {
                        case "toString":
                            return "CapturingLoggerFactory";
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == args[0];
                        default:
                            return logger;
                    }
                });
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(LoggerFactory.class, factory, props);
    }

    /**
     * @return the causes of every throwable among a log call's arguments, so a line shows what an
     *         {@code InvocationTargetException} from SCR wraps
     */
    private static String causes(Object[] args) {
        StringBuilder out = new StringBuilder();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof Throwable t) {
                for (Throwable c = t.getCause(); c != null && out.length() < 4_000; c = c.getCause()) {
                    out.append(" caused by ").append(c);
                }
            }
        }
        return out.toString();
    }

    /**
     * Waits until a recorded line contains {@code fragment}.
     *
     * @return the line
     * @throws AssertionError if none appears within {@code timeout}
     */
    public String await(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (String line : lines) {
                if (line.contains(fragment)) {
                    return line;
                }
            }
            Thread.sleep(10);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("no log line containing '" + fragment + "' within " + timeout + "; lines: " + lines);
    }

    /** Unregisters the service. */
    @Override
    public void close() {
        registration.unregister();
    }
}
