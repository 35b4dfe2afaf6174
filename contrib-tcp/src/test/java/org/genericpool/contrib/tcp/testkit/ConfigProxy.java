package org.genericpool.contrib.tcp.testkit;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Makes an instance of a DS configuration annotation from a property map, the way Declarative
 * Services does: property names from method names ({@code _} to {@code .}, {@code __} to
 * {@code _}), values converted to the method's type, the annotation default where a property
 * is absent. Lets config mapping be tested without a framework.
 */
public final class ConfigProxy {

    private ConfigProxy() {
    }

    /** @return an instance of {@code type} backed by {@code properties} */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getDeclaringClass() == Object.class || m.getParameterCount() > 0) {
                return switch (m.getName()) {
                    case "toString" -> type.getSimpleName() + properties;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                };
            }
            if (m.getName().equals("annotationType")) {
                return type;
            }
            Object v = properties.get(propertyName(m));
            return v == null ? m.getDefaultValue() : convert(v, m);
        }));
    }

    /** @return the DS property name of a configuration method */
    public static String propertyName(Method m) {
        return m.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
    }

    private static Object convert(Object v, Method m) {
        Class<?> t = m.getReturnType();
        String s = String.valueOf(v);
        if (t == String.class) {
            return s;
        }
        if (t == int.class) {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(s);
        }
        if (t == double.class) {
            return v instanceof Number n ? n.doubleValue() : Double.parseDouble(s);
        }
        if (t == boolean.class) {
            return v instanceof Boolean b ? b : Boolean.parseBoolean(s);
        }
        if (t == String[].class) {
            if (v instanceof String[] a) {
                return a;
            }
            if (v.getClass().isArray()) {
                String[] out = new String[Array.getLength(v)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = String.valueOf(Array.get(v, i));
                }
                return out;
            }
            return new String[] {s};
        }
        throw new IllegalArgumentException("unsupported type " + t + " of " + m.getName());
    }
}
