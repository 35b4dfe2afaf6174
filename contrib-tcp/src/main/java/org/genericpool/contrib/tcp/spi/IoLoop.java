package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One selector and the daemon thread that runs it: the I/O thread that the asynchronous
 * managers of all contribs share. Every {@link NioAsynchronousSocketChannel} belongs to one
 * loop; the loop waits for readiness of all its channels at once, runs their timers, and
 * completes their operations. So a manager needs one thread (or a small fixed number, see
 * {@link IoLoopGroup}), however many connections it has.
 *
 * <h2>Concurrency</h2>
 * The selector, the interest sets and the timer queue are touched only by the loop thread.
 * Other threads hand work to it with {@link #execute}, which is lock-free and wakes the
 * selector at most once per batch of tasks. Work run on the loop must not block: it delays
 * every other channel of the loop.
 *
 * <h2>Failure</h2>
 * An exception thrown by a task or handler is reported through {@link System.Logger} and the
 * loop goes on. {@link #close()} stops the thread and closes every channel still registered,
 * so their pending operations fail with {@link java.nio.channels.AsynchronousCloseException}.
 */
public final class IoLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IoLoop.class.getName());
    private static final AtomicLong TIMER_SEQ = new AtomicLong();

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    private IoLoop(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /**
     * Opens a selector and starts its daemon thread.
     *
     * @param threadName the thread's name, shown in thread dumps
     * @return the running loop
     * @throws UncheckedIOException if the selector cannot be opened
     */
    public static IoLoop start(String threadName) {
        Objects.requireNonNull(threadName, "threadName");
        try {
            IoLoop loop = new IoLoop(threadName);
            loop.thread.start();
            return loop;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    /** @return true when called on this loop's thread */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** @return true once {@link #close()} was called */
    public boolean isClosed() {
        return closed.get();
    }

    /** @return the loop thread's name */
    public String threadName() {
        return thread.getName();
    }

    /**
     * Runs {@code task} on the loop thread, after tasks submitted before it. Thread-safe.
     *
     * @throws RejectedExecutionException if the loop is closed
     */
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed.get()) {
            throw new RejectedExecutionException("I/O loop " + thread.getName() + " is closed");
        }
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Runs {@code task} on the loop thread after {@code delayNanos}. Thread-safe.
     *
     * @param delayNanos the delay; zero or negative runs the task as soon as possible
     * @param task       the task, not null
     * @return a handle whose {@link Timer#cancel()} stops the task from running
     * @throws RejectedExecutionException if the loop is closed
     */
    public Timer schedule(long delayNanos, Runnable task) {
        Objects.requireNonNull(task, "task");
        Timer timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), task);
        if (inLoop()) {
            timers.add(timer);
        } else {
            execute(() -> timers.add(timer));
        }
        return timer;
    }

    /**
     * Registers a channel with this loop's selector. Loop thread only.
     *
     * @param channel    a channel in non-blocking mode
     * @param attachment the {@link Handler} told of readiness
     * @return the key; change its interest set on the loop thread only
     * @throws IllegalStateException if not called on the loop thread
     * @throws java.nio.channels.ClosedChannelException if the channel is closed
     * @throws java.nio.channels.IllegalBlockingModeException if the channel is in blocking mode
     * @throws java.nio.channels.ClosedSelectorException if the loop has shut down
     */
    public SelectionKey register(java.nio.channels.SelectableChannel channel, Handler attachment)
            throws IOException {
        assertInLoop();
        return channel.register(selector, 0, attachment);
    }

    private void assertInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("not on the I/O loop thread " + thread.getName());
        }
    }

    /**
     * Stops the loop: no new tasks are accepted, every channel still registered is closed (its
     * pending operations fail), the thread ends and the selector is closed. Idempotent; does not
     * wait for the thread.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void run() {
        try {
            while (!closed.get()) {
                runTasks();
                // timers after tasks: a task may have scheduled one, and the wait must see it
                long waitMillis = runTimers();
                if (!tasks.isEmpty()) {
                    waitMillis = -1;
                }
                if (waitMillis < 0) {
                    selector.selectNow();
                } else {
                    selector.select(waitMillis);
                }
                wakeupPending.set(false);
                var selected = selector.selectedKeys();
                if (!selected.isEmpty()) {
                    for (SelectionKey key : selected) {
                        Handler h = (Handler) key.attachment();
                        try {
                            if (key.isValid()) {
                                h.ready(key);
                            }
                        } catch (Throwable t) {
                            report(t);
                        }
                    }
                    selected.clear();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            report(e);
        } finally {
            shutdown();
        }
    }

    private void shutdown() {
        closed.set(true);
        List<Handler> handlers = new ArrayList<>();
        try {
            for (SelectionKey key : selector.keys()) {
                handlers.add((Handler) key.attachment());
            }
        } catch (ClosedSelectorException ignored) {
            // nothing left to close
        }
        for (Handler h : handlers) {
            try {
                h.loopClosed();
            } catch (Throwable t) {
                report(t);
            }
        }
        Runnable task;
        while ((task = tasks.poll()) != null) {
            runQuietly(task);
        }
        try {
            selector.close();
        } catch (IOException e) {
            report(e);
        }
    }

    /** @return milliseconds until the next timer, 0 for none (select without limit), -1 for now */
    private long runTimers() {
        while (true) {
            Timer t = timers.peek();
            if (t == null) {
                return 0;
            }
            if (t.cancelled) {
                timers.poll();
                continue;
            }
            long left = t.deadline - System.nanoTime();
            if (left > 0) {
                return Math.max(1, (left + 999_999) / 1_000_000);
            }
            timers.poll();
            runQuietly(t.task);
        }
    }

    private void runTasks() {
        for (int i = 0; i < 1024; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            runQuietly(task);
        }
    }

    private void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            report(t);
        }
    }

    private void report(Throwable t) {
        LOG.log(System.Logger.Level.WARNING, "unexpected failure on I/O loop " + thread.getName(), t);
    }

    /** Told by the loop about a registered channel. Called on the loop thread only. */
    public interface Handler {
        /** The channel is ready for some of its interest operations. */
        void ready(SelectionKey key);

        /** The loop is closing: close the channel and fail what is pending. */
        void loopClosed();
    }

    /** A task scheduled on the loop; cancel it from any thread. */
    public static final class Timer implements Comparable<Timer> {
        final long deadline;
        final long seq = TIMER_SEQ.incrementAndGet();
        final Runnable task;
        volatile boolean cancelled;

        Timer(long deadline, Runnable task) {
            this.deadline = deadline;
            this.task = task;
        }

        /** Stops the task from running if it has not run yet. Thread-safe, idempotent. */
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
