package org.genericpool.impl.osgi;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes {@link PoolConfiguration} instances from property maps the way Declarative Services does
 * (element {@code a_b()} reads property {@code a.b}; a missing property gives the element's
 * default), so the mapping is tested without a framework.
 */
final class Configs {

    private Configs() {
    }

    /** @return a configuration with {@code pool.name} set and every other property at its default */
    static PoolConfiguration named(String name) {
        return of(Map.of("pool.name", name));
    }

    /** @return {@code named(name)} with {@code key=value} pairs added: key, value, key, value, ... */
    static PoolConfiguration named(String name, Object... keyValues) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("pool.name", name);
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put((String) keyValues[i], keyValues[i + 1]);
        }
        return of(properties);
    }

    /** @return a configuration backed by {@code properties} */
    static PoolConfiguration of(Map<String, ?> properties) {
        return (PoolConfiguration) Proxy.newProxyInstance(PoolConfiguration.class.getClassLoader(),
                new Class<?>[] {PoolConfiguration.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        return objectMethod(proxy, method, args, properties);
                    }
                    String key = method.getName().replace('_', '.');
                    Object value = properties.containsKey(key) ? properties.get(key) : method.getDefaultValue();
                    return value;
                });
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, Map<String, ?> properties) {
        switch (method.getName()) {
            case "annotationType":
                return PoolConfiguration.class;
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "PoolConfiguration" + properties;
        }
    }
}
