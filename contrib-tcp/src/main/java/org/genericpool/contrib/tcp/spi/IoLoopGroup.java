package org.genericpool.contrib.tcp.spi;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of {@link IoLoop}s, started lazily on first use and handed out round robin:
 * the I/O threads of one asynchronous manager.
 *
 * <p>Thread-safe. {@link #close()} stops the loops started so far and closes the channels they
 * are watching (those registered with their selectors); channels still pooled should be disposed
 * through their pool, so close the pools first. Afterwards {@link #next()} throws
 * {@link RejectedExecutionException}; the group cannot be reopened.
 */
public final class IoLoopGroup implements AutoCloseable {

    private static final AtomicInteger GROUP_SEQ = new AtomicInteger();

    private final String namePrefix;
    private final IoLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();
    private boolean closed; // guarded by this

    /**
     * @param namePrefix prefix of the thread names; each thread is named
     *                   {@code <prefix>-<group number>-<loop index>}
     * @param threads    how many loops, 1 to 64
     * @throws IllegalArgumentException if {@code threads} is out of range
     */
    public IoLoopGroup(String namePrefix, int threads) {
        this.namePrefix = Objects.requireNonNull(namePrefix, "namePrefix") + "-" + GROUP_SEQ.incrementAndGet();
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("ioThreads must be in [1, 64] but was " + threads);
        }
        this.loops = new IoLoop[threads];
    }

    /**
     * @return the next loop, round robin, starting it if needed
     * @throws RejectedExecutionException if the group is closed
     */
    public IoLoop next() {
        int i = Math.floorMod(next.getAndIncrement(), loops.length);
        synchronized (this) {
            if (closed) {
                throw new RejectedExecutionException("the I/O threads " + namePrefix + " are closed");
            }
            IoLoop loop = loops[i];
            if (loop == null || loop.isClosed()) {
                loop = IoLoop.start(namePrefix + "-" + i);
                loops[i] = loop;
            }
            return loop;
        }
    }

    /** @return how many loop threads are running now (for tests and monitoring) */
    public synchronized int running() {
        int n = 0;
        for (IoLoop l : loops) {
            if (l != null && !l.isClosed()) {
                n++;
            }
        }
        return n;
    }

    /** Closes every started loop and the channels registered with it. Idempotent. */
    @Override
    public void close() {
        IoLoop[] copy;
        synchronized (this) {
            closed = true;
            copy = loops.clone();
        }
        for (IoLoop l : copy) {
            if (l != null) {
                l.close();
            }
        }
    }
}
