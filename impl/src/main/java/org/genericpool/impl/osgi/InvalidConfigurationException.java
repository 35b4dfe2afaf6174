package org.genericpool.impl.osgi;

/**
 * A pool configuration from ConfigAdmin that cannot be used. The message names the property
 * (as ConfigAdmin spells it), the value and the allowed range.
 */
final class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * @param property the property at fault, e.g. {@code max.size}
     * @param value    its value as configured
     * @param range    what is allowed, e.g. {@code 1 .. total.max.size (100)}
     */
    InvalidConfigurationException(String property, Object value, String range) {
        super("invalid " + property + ": " + describe(value) + " (allowed: " + range + ")");
        this.property = property;
    }

    /** @return the property at fault */
    String property() {
        return property;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
