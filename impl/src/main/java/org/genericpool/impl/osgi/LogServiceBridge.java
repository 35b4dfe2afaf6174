package org.genericpool.impl.osgi;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The only class that uses {@code org.osgi.service.log} (an optional import); loaded only when
 * that package is wired. Stateless.
 */
final class LogServiceBridge {

    private LogServiceBridge() {
    }

    /**
     * Logs an error through the Log Service.
     *
     * @return false when there is no Log Service (or the bundle is stopping), so the caller logs elsewhere
     */
    static boolean error(BundleContext context, String name, String message, Throwable cause) {
        try {
            ServiceReference<LoggerFactory> ref = context.getServiceReference(LoggerFactory.class);
            if (ref == null) {
                return false;
            }
            LoggerFactory factory = context.getService(ref);
            if (factory == null) {
                return false;
            }
            try {
                Logger logger = factory.getLogger(context.getBundle(), name, Logger.class);
                if (cause == null) {
                    logger.error("{}", message);
                } else {
                    logger.error("{}", message, cause);
                }
                return true;
            } finally {
                context.ungetService(ref);
            }
        } catch (IllegalStateException e) { // the bundle context is no longer valid
            return false;
        }
    }
}
