package org.genericpool.contrib.tcp.testkit;

import java.io.File;
import java.time.Duration;

/** Open file descriptors of this JVM, from /proc/self/fd (Linux). */
public final class Fds {

    private Fds() {
    }

    /** @return the number of open file descriptors, or -1 where /proc is missing */
    public static int count() {
        String[] names = new File("/proc/self/fd").list();
        return names == null ? -1 : names.length;
    }

    /**
     * Waits, bounded by {@code max}, until at most {@code limit} descriptors are open (closing
     * sockets may take a selector round); returns the final count.
     */
    public static int awaitAtMost(int limit, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int n = count();
        while (n > limit && System.nanoTime() < deadline) {
            Thread.sleep(10);
            n = count();
        }
        return n;
    }
}
