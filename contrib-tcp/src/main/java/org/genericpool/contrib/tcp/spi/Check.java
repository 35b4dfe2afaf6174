package org.genericpool.contrib.tcp.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Validation of option values, with messages that name the property, the value and the
 * allowed range, e.g. {@code "connectTimeout = PT-1S is out of range (0s, 1d]"}. Stateless.
 */
public final class Check {

    /** The longest timeout an option accepts. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(1);
    /** The largest socket buffer size an option accepts (1 GiB). */
    public static final int MAX_BUFFER = 1 << 30;

    private Check() {
    }

    /**
     * @return {@code value} if in {@code (0, MAX_TIMEOUT]}
     * @throws IllegalArgumentException naming {@code property} otherwise
     * @throws NullPointerException     naming {@code property} if null
     */
    public static Duration timeout(String property, Duration value) {
        Objects.requireNonNull(value, property);
        if (value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(property + " = " + value + " is out of range (0s, 1d]");
        }
        return value;
    }

    /**
     * @return {@code value} if in {@code [min, max]}
     * @throws IllegalArgumentException naming {@code property} otherwise
     */
    public static int range(String property, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(property + " = " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    /**
     * A socket buffer size: 0 (the system's default) to {@link #MAX_BUFFER}.
     *
     * @return {@code value} if in range
     * @throws IllegalArgumentException naming {@code property} otherwise
     */
    public static int bufferSize(String property, int value) {
        return range(property, value, 0, MAX_BUFFER);
    }

    /**
     * A duration given in seconds (decimals allowed), as ConfigAdmin configurations give them.
     *
     * @return the duration, if in {@code (0, 86400]} seconds
     * @throws IllegalArgumentException naming {@code property} otherwise
     */
    public static Duration seconds(String property, double seconds) {
        if (!(seconds > 0) || seconds > MAX_TIMEOUT.toSeconds()) {
            throw new IllegalArgumentException(property + " = " + seconds + " is out of range (0, "
                    + MAX_TIMEOUT.toSeconds() + "] seconds");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * @return {@code value}, if not null and not blank
     * @throws IllegalArgumentException naming {@code property} otherwise
     */
    public static String required(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " = " + value + " is out of range: a non-empty value is required");
        }
        return value;
    }
}
