package org.genericpool.impl.osgi;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Registers pools in the service registry on behalf of the pool components. Stateless. */
final class Services {

    /** Properties of the configuration that the pool's service does not repeat: the framework's or SCR's own. */
    private static final Set<String> NOT_PROPAGATED = Set.of("objectClass", "service.id", "service.bundleid",
            "service.scope", "component.name", "component.id");

    private Services() {
    }

    /**
     * @param configuration the component's properties (its configuration and SCR's)
     * @return the public ones (no leading dot, not the framework's or SCR's), sorted, for the pool service
     */
    static Map<String, Object> poolServiceProperties(Map<String, ?> configuration) {
        Map<String, Object> out = new TreeMap<>();
        configuration.forEach((key, value) -> {
            if (!key.startsWith(".") && !NOT_PROPAGATED.contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Registers {@code service} itself (no proxy, no service factory) under {@code classes}.
     *
     * @return the registration as {@link PoolLifecycle} uses it
     */
    static PoolLifecycle.Registration register(BundleContext context, String[] classes, Object service,
                                               Map<String, Object> properties) {
        ServiceRegistration<?> registration = context.registerService(classes, service, dictionary(properties));
        return new PoolLifecycle.Registration() {
            private boolean unregistered;

            @Override
            public void update(Map<String, Object> p) {
                registration.setProperties(dictionary(p));
            }

            @Override
            public void unregister() {
                if (!unregistered) {
                    unregistered = true;
                    registration.unregister();
                }
            }
        };
    }

    private static Dictionary<String, Object> dictionary(Map<String, Object> properties) {
        return new Hashtable<>(properties);
    }
}
