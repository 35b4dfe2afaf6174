package org.genericpool.demo.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The demo's own small configuration loader: reads {@code demo/pools.properties} from the demo
 * bundle and creates one ConfigAdmin factory configuration per pool. Chosen over the OSGi
 * Configurator and Felix FileInstall because it needs no extra bundles (the Configurator brings
 * a converter and a JSON parser), so the runtime stays small and starts fast, and because the
 * demo wants the {@link Configuration} objects back to update one of them live.
 *
 * <p>Format: {@code <key>.factory.pid} names the factory PID; every other {@code <key>.<property>}
 * is a property of that configuration. Values that parse as integers, decimals or booleans are
 * stored as {@code Integer}, {@code Double} or {@code Boolean}. {@code ${name}} in a value is
 * replaced by the variable {@code name} the demo passes (e.g. {@code demo.dir}, its temporary folder).
 */
final class ConfigLoader {

    private static final String FACTORY_PID = "factory.pid";

    private ConfigLoader() {
    }

    /**
     * Creates (or updates) the configurations described by {@code resource}.
     *
     * @param variables values for {@code ${name}} placeholders
     * @return the configurations, by key, in file order of keys sorted by name
     */
    static Map<String, Configuration> load(URL resource, ConfigurationAdmin configAdmin, Map<String, String> variables)
            throws IOException {
        Properties file = new Properties();
        try (InputStream in = resource.openStream()) {
            file.load(in);
        }
        Map<String, Map<String, Object>> pools = new TreeMap<>();
        for (String name : file.stringPropertyNames()) {
            int dot = name.indexOf('.');
            if (dot <= 0) {
                throw new IOException(resource + ": key without a pool prefix: " + name);
            }
            pools.computeIfAbsent(name.substring(0, dot), k -> new TreeMap<>())
                    .put(name.substring(dot + 1), typed(substitute(file.getProperty(name).trim(), variables)));
        }
        Map<String, Configuration> configurations = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> pool : pools.entrySet()) {
            Map<String, Object> properties = new TreeMap<>(pool.getValue());
            Object pid = properties.remove(FACTORY_PID);
            if (pid == null) {
                throw new IOException(resource + ": " + pool.getKey() + "." + FACTORY_PID + " is missing");
            }
            Configuration c = configAdmin.getFactoryConfiguration(String.valueOf(pid), pool.getKey(), "?");
            c.update(new Hashtable<>(properties));
            configurations.put(pool.getKey(), c);
        }
        return configurations;
    }

    private static String substitute(String value, Map<String, String> variables) {
        String result = value;
        for (Map.Entry<String, String> v : variables.entrySet()) {
            result = result.replace("${" + v.getKey() + "}", v.getValue());
        }
        return result;
    }

    /** @return {@code value} as Integer, Double or Boolean when it is one, else the string */
    static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            // not an integer
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
