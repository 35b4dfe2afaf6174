package org.genericpool.contrib.tcp.testkit;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A {@link BundleContext} that only registers services, into a list, so that the configured
 * manager components can be tested without a framework. Every other method throws
 * {@link UnsupportedOperationException}. Not thread-safe; one test at a time.
 */
public final class RecordingBundleContext {

    /** One registered service, with what it was registered as. */
    public static final class Registered {
        /** The class names it was registered under. */
        public final String className;
        /** The service object. */
        public final Object service;
        /** Its properties. */
        public final Map<String, Object> properties;
        private boolean unregistered;

        Registered(String className, Object service, Map<String, Object> properties) {
            this.className = className;
            this.service = service;
            this.properties = properties;
        }

        /** @return true once its registration was unregistered */
        public boolean unregistered() {
            return unregistered;
        }
    }

    private final List<Registered> registered = new ArrayList<>();
    private String failOn;

    /** @return the context to hand to a component */
    public BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, m, args) -> {
                    if (m.getName().equals("registerService") && args[0] instanceof String name) {
                        return register(name, args[1], args[2]);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Makes every later registration under {@code className} throw, as a stopping bundle's context does. */
    public void failRegistrationsOf(String className) {
        failOn = className;
    }

    /** @return every registration so far, in order, the unregistered ones included */
    public List<Registered> registered() {
        return Collections.unmodifiableList(registered);
    }

    /** @return the registrations not unregistered */
    public List<Registered> live() {
        List<Registered> out = new ArrayList<>();
        for (Registered r : registered) {
            if (!r.unregistered) {
                out.add(r);
            }
        }
        return out;
    }

    private ServiceRegistration<?> register(String className, Object service, Object dictionary) {
        if (className.equals(failOn)) {
            throw new IllegalStateException("invalid BundleContext");
        }
        Map<String, Object> properties = new HashMap<>();
        Dictionary<?, ?> d = (Dictionary<?, ?>) dictionary;
        for (var keys = d.keys(); keys.hasMoreElements(); ) {
            Object key = keys.nextElement();
            properties.put((String) key, d.get(key));
        }
        Registered r = new Registered(className, service, properties);
        registered.add(r);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, m, args) -> {
                    if (m.getName().equals("unregister")) {
                        if (r.unregistered) {
                            throw new IllegalStateException("already unregistered");
                        }
                        r.unregistered = true;
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
