package org.genericpool.impl.osgi;

import java.lang.System.Logger.Level;

import org.osgi.framework.BundleContext;

/**
 * Where the OSGi components log: the OSGi Log Service ({@code org.osgi.service.log.LoggerFactory})
 * when the framework has one, {@link System.Logger} otherwise. The Log Service package is an
 * optional import, so it is touched only through {@link LogServiceBridge} once it is known to be
 * wired. Thread-safe.
 */
final class ComponentLog {

    /** The logger name used with both back ends. */
    static final String NAME = "org.genericpool.impl.osgi";

    private static final System.Logger FALLBACK = System.getLogger(NAME);
    private static final boolean LOG_SERVICE_WIRED = logServiceWired();

    private final BundleContext context;

    /** @param context the bundle context to find the Log Service with; null means System.Logger only */
    ComponentLog(BundleContext context) {
        this.context = context;
    }

    /**
     * Logs an error.
     *
     * @param message what happened
     * @param cause   the failure, or null
     */
    void error(String message, Throwable cause) {
        if (context != null && LOG_SERVICE_WIRED && LogServiceBridge.error(context, NAME, message, cause)) {
            return;
        }
        FALLBACK.log(Level.ERROR, message, cause);
    }

    private static boolean logServiceWired() {
        try {
            Class.forName("org.osgi.service.log.LoggerFactory", false, ComponentLog.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
