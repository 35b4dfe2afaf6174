package org.genericpool.contrib.tcp.spi;

import java.util.function.Supplier;

/**
 * What the contribs' ConfigAdmin mappings share: the socket properties every manager
 * configuration has ({@code connect.timeout}, {@code send.buffer.size},
 * {@code receive.buffer.size}, {@code io.threads}), checked under their property names, and the
 * logging of a rejected configuration. Pure functions apart from the log line; no OSGi type.
 * Stateless and thread-safe.
 */
public final class ConfigMapping {

    private ConfigMapping() {
    }

    /**
     * Sets the shared socket properties on a builder, checking each under its property name, in
     * the order {@code connect.timeout}, {@code send.buffer.size}, {@code receive.buffer.size},
     * {@code io.threads}.
     *
     * @param builder           the builder to set them on, never null
     * @param connectTimeout    {@code connect.timeout}, seconds, (0, 86400]
     * @param sendBufferSize    {@code send.buffer.size}, bytes, [0, 2^30]
     * @param receiveBufferSize {@code receive.buffer.size}, bytes, [0, 2^30]
     * @param ioThreads         {@code io.threads}, [1, 64]
     * @param <B>               the builder type
     * @return {@code builder}
     * @throws IllegalArgumentException naming the property, its value and the allowed range
     */
    public static <B extends SocketOptions.Builder<B>> B socketOptions(B builder, double connectTimeout,
            int sendBufferSize, int receiveBufferSize, int ioThreads) {
        return builder.connectTimeout(Check.seconds("connect.timeout", connectTimeout))
                .sendBufferSize(Check.bufferSize("send.buffer.size", sendBufferSize))
                .receiveBufferSize(Check.bufferSize("receive.buffer.size", receiveBufferSize))
                .ioThreads(Check.range("io.threads", ioThreads, 1, 64));
    }

    /**
     * Runs a mapping; if it throws, logs {@code "invalid configuration <pid>: <message>"} at
     * ERROR level, with every secret in the message replaced by {@code ***}, and rethrows.
     *
     * @param log     the logger, never null
     * @param pid     the factory PID named in the log line
     * @param mapping the mapping, never null
     * @param secrets values that must not appear in the log (null and empty ones are ignored)
     * @param <T>     the mapping's result
     * @return the mapping's result
     * @throws RuntimeException the mapping's failure, unchanged
     */
    public static <T> T orLog(System.Logger log, String pid, Supplier<T> mapping, String... secrets) {
        try {
            return mapping.get();
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "invalid configuration " + pid + ": "
                    + hide(String.valueOf(e.getMessage()), secrets));
            throw e;
        }
    }

    /**
     * @param message the text, never null
     * @param secrets values to hide (null and empty ones are ignored)
     * @return {@code message} with every occurrence of a secret replaced by {@code ***}
     */
    public static String hide(String message, String... secrets) {
        String m = message;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                m = m.replace(s, "***");
            }
        }
        return m;
    }
}
