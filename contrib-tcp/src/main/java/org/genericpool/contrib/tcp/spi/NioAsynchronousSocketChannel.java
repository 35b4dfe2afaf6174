package org.genericpool.contrib.tcp.spi;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.ReadPendingException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritePendingException;
import java.nio.channels.spi.AsynchronousChannelProvider;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link AsynchronousSocketChannel} over a non-blocking {@link SocketChannel} and an
 * {@link IoLoop}: the asynchronous connection of the TCP and Unix-socket contribs, and the
 * transport under the asynchronous TLS channel. Works for every protocol family a
 * {@code SocketChannel} supports (IPv4, IPv6, {@code UNIX}).
 *
 * <h2>Differences from the JDK's channel</h2>
 * <ul>
 *   <li>An operation is first tried on the calling thread; if it can complete at once its
 *       handler runs on the calling thread (at most 16 nested completions per thread, then the
 *       rest go through the loop). Otherwise the handler runs on the loop thread. Handlers must
 *       not block.</li>
 *   <li>A read or write that times out or is cancelled has transferred nothing, so the channel
 *       stays usable (the JDK's channel forbids further reads or writes after a timeout).</li>
 *   <li>{@link #isAlive()}, {@link #readNow} and {@link #writeNow} work without leaving an
 *       operation pending; {@link #connect(SocketAddress, Duration)} takes a timeout.</li>
 *   <li>{@link #provider()} is the platform's default provider, only so that the superclass can
 *       be constructed; this channel belongs to no {@code AsynchronousChannelGroup}.</li>
 * </ul>
 *
 * <h2>Thread-safety</h2>
 * Thread-safe: one read and one write may be pending at the same time, as the
 * {@link java.nio.channels.AsynchronousByteChannel} contract allows; a second read (write) while
 * one is pending throws {@link ReadPendingException} ({@link WritePendingException}).
 * {@link #close()} may be called from any thread and fails pending operations with
 * {@link AsynchronousCloseException}.
 */
public class NioAsynchronousSocketChannel extends AsynchronousSocketChannel implements IoLoop.Handler {

    private static final System.Logger LOG = System.getLogger(NioAsynchronousSocketChannel.class.getName());
    private static final int MAX_NESTED_COMPLETIONS = 16;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Holds the read slot while {@link #readNow} runs, so that no read starts meanwhile. */
    private static final Op<Object, Object> BUSY = new Op<>(null, null) {
        @Override
        long transfer(SocketChannel ch) {
            return 0;
        }

        @Override
        Object result(long n) {
            return null;
        }
    };

    private final IoLoop loop;
    private final SocketChannel channel;
    private final AtomicReference<Op<?, ?>> readSlot = new AtomicReference<>();
    private final AtomicReference<Op<?, ?>> writeSlot = new AtomicReference<>();
    private final AtomicReference<Op<?, ?>> connectSlot = new AtomicReference<>();
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    /** Loop thread only. */
    private SelectionKey key;
    private volatile boolean closed;

    /**
     * Wraps an open, unconnected or connected {@link SocketChannel}, which this object then owns
     * (and closes). The channel is put into non-blocking mode.
     *
     * @param loop    the loop that waits for this channel's readiness
     * @param channel the channel
     * @throws IOException if the channel cannot be made non-blocking
     */
    public NioAsynchronousSocketChannel(IoLoop loop, SocketChannel channel) throws IOException {
        super(AsynchronousChannelProvider.provider());
        this.loop = Objects.requireNonNull(loop, "loop");
        this.channel = Objects.requireNonNull(channel, "channel");
        channel.configureBlocking(false);
    }

    /** @return the loop this channel runs on */
    public IoLoop loop() {
        return loop;
    }

    // ---------------------------------------------------------------- connect

    /**
     * Connects, failing with {@link SocketTimeoutException} (and closing this channel) if the
     * connection is not established within {@code timeout}.
     *
     * @param remote  the address
     * @param timeout the limit, or {@code null} for none; zero or negative times out at once
     *                unless the connect completes immediately
     * @return a future completed once connected, or exceptionally with the connect failure
     *         (for example {@link java.net.ConnectException}); never blocks
     * @throws AlreadyConnectedException  if connected already
     * @throws ConnectionPendingException if a connect is in progress
     */
    public CompletableFuture<Void> connect(SocketAddress remote, Duration timeout) {
        OpFuture<Void> f = new OpFuture<>(connectSlot);
        long nanos = timeout == null ? 0 : Math.max(1, saturatedNanos(timeout));
        startConnect(remote, nanos, null, f);
        return f;
    }

    @Override
    public <A> void connect(SocketAddress remote, A attachment, CompletionHandler<Void, ? super A> handler) {
        Objects.requireNonNull(handler, "handler");
        startConnect(remote, 0, attachment, handler);
    }

    @Override
    public Future<Void> connect(SocketAddress remote) {
        return connect(remote, (Duration) null);
    }

    private <A> void startConnect(SocketAddress remote, long timeoutNanos, A attachment,
                                  CompletionHandler<Void, ? super A> handler) {
        Objects.requireNonNull(remote, "remote");
        if (channel.isConnected()) {
            throw new AlreadyConnectedException();
        }
        Op<Void, A> op = new Op<>(attachment, handler) {
            @Override
            long transfer(SocketChannel ch) throws IOException {
                return ch.finishConnect() ? 1 : 0;
            }

            @Override
            Void result(long n) {
                return null;
            }
        };
        if (handler instanceof OpFuture) {
            ((OpFuture<?>) handler).op = op;
        }
        if (!connectSlot.compareAndSet(null, op)) {
            throw new ConnectionPendingException();
        }
        if (closed) {
            finish(connectSlot, op, 0, new ClosedChannelException());
            return;
        }
        try {
            if (channel.connect(remote)) {
                finish(connectSlot, op, 1, null);
                return;
            }
        } catch (IOException e) {
            finish(connectSlot, op, 0, e);
            return;
        } catch (RuntimeException e) {
            connectSlot.compareAndSet(op, null);
            throw e;
        }
        armOnLoop(connectSlot, op, timeoutNanos, true);
    }

    // ---------------------------------------------------------------- read

    @Override
    public <A> void read(ByteBuffer dst, long timeout, TimeUnit unit, A attachment,
                         CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(handler, "handler");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        Op<Integer, A> op = new Op<>(attachment, handler) {
            @Override
            long transfer(SocketChannel ch) throws IOException {
                return dst.hasRemaining() ? ch.read(dst) : 0;
            }

            @Override
            Integer result(long n) {
                return (int) n;
            }
        };
        startIo(readSlot, op, !dst.hasRemaining(), timeoutNanos(timeout, unit), true);
    }

    @Override
    public Future<Integer> read(ByteBuffer dst) {
        OpFuture<Integer> f = new OpFuture<>(readSlot);
        read(dst, 0, TimeUnit.NANOSECONDS, null, f);
        return f;
    }

    @Override
    public <A> void read(ByteBuffer[] dsts, int offset, int length, long timeout, TimeUnit unit, A attachment,
                         CompletionHandler<Long, ? super A> handler) {
        transferVectored(dsts, offset, length, timeout, unit, attachment, handler, true);
    }

    /**
     * A scattering read or a gathering write: the one shape both share, so that their checks and
     * their empty-transfer rule (complete at once with 0) are written once.
     */
    private <A> void transferVectored(ByteBuffer[] buffers, int offset, int length, long timeout, TimeUnit unit,
                                      A attachment, CompletionHandler<Long, ? super A> handler, boolean read) {
        Objects.requireNonNull(handler, "handler");
        Objects.checkFromIndexSize(offset, length, buffers.length);
        long remaining = 0;
        for (int i = offset; i < offset + length; i++) {
            if (read && buffers[i].isReadOnly()) {
                throw new IllegalArgumentException("read-only buffer");
            }
            remaining += buffers[i].remaining();
        }
        Op<Long, A> op = new Op<>(attachment, handler) {
            @Override
            long transfer(SocketChannel ch) throws IOException {
                return read ? ch.read(buffers, offset, length) : ch.write(buffers, offset, length);
            }

            @Override
            Long result(long n) {
                return n;
            }
        };
        startIo(read ? readSlot : writeSlot, op, remaining == 0, timeoutNanos(timeout, unit), read);
    }

    /**
     * Reads what is available now without waiting: the non-blocking read that aliveness checks
     * and the TLS channel use. Thread-safe; never blocks.
     *
     * @return bytes read, 0 if none are available, -1 at end of stream
     * @throws ReadPendingException if a read is pending
     * @throws IOException          if the read fails (for example a reset connection)
     */
    public int readNow(ByteBuffer dst) throws IOException {
        if (!readSlot.compareAndSet(null, BUSY)) {
            throw new ReadPendingException();
        }
        try {
            return channel.read(dst);
        } finally {
            readSlot.set(null);
        }
    }

    /**
     * Tells without waiting whether the connection is alive: open, not closed or reset by the
     * peer, and with no unexpected bytes waiting (an idle connection's peer has nothing to say).
     * A byte found waiting is consumed. Costs one non-blocking {@code read} system call.
     *
     * @return {@code false} if closed, reset, at end of stream or with bytes waiting; {@code true}
     *         if a read is pending (the connection is in use)
     */
    public boolean isAlive() {
        if (closed || !channel.isOpen()) {
            return false;
        }
        synchronized (probe) {
            probe.clear();
            try {
                return readNow(probe) == 0;
            } catch (ReadPendingException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------- write

    @Override
    public <A> void write(ByteBuffer src, long timeout, TimeUnit unit, A attachment,
                          CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(handler, "handler");
        Op<Integer, A> op = new Op<>(attachment, handler) {
            @Override
            long transfer(SocketChannel ch) throws IOException {
                return src.hasRemaining() ? ch.write(src) : 0;
            }

            @Override
            Integer result(long n) {
                return (int) n;
            }
        };
        startIo(writeSlot, op, !src.hasRemaining(), timeoutNanos(timeout, unit), false);
    }

    @Override
    public Future<Integer> write(ByteBuffer src) {
        OpFuture<Integer> f = new OpFuture<>(writeSlot);
        write(src, 0, TimeUnit.NANOSECONDS, null, f);
        return f;
    }

    @Override
    public <A> void write(ByteBuffer[] srcs, int offset, int length, long timeout, TimeUnit unit, A attachment,
                          CompletionHandler<Long, ? super A> handler) {
        transferVectored(srcs, offset, length, timeout, unit, attachment, handler, false);
    }

    /**
     * Writes what the socket buffer takes now, without waiting. Thread-safe; never blocks.
     *
     * @return bytes written, possibly 0
     * @throws WritePendingException if a write is pending
     * @throws IOException           if the write fails
     */
    public int writeNow(ByteBuffer src) throws IOException {
        if (!writeSlot.compareAndSet(null, BUSY)) {
            throw new WritePendingException();
        }
        try {
            return channel.write(src);
        } finally {
            writeSlot.set(null);
        }
    }

    // ---------------------------------------------------------------- machinery

    private <V, A> void startIo(AtomicReference<Op<?, ?>> slot, Op<V, A> op, boolean empty, long timeoutNanos,
                                boolean read) {
        if (op.handler instanceof OpFuture) {
            ((OpFuture<?>) op.handler).op = op;
        }
        if (!slot.compareAndSet(null, op)) {
            throw read ? new ReadPendingException() : new WritePendingException();
        }
        if (closed || !channel.isOpen()) {
            finish(slot, op, 0, new ClosedChannelException());
            return;
        }
        if (!channel.isConnected()) {
            slot.compareAndSet(op, null);
            throw new NotYetConnectedException();
        }
        if (empty) {
            finish(slot, op, 0, null);
            return;
        }
        long n;
        try {
            n = op.transfer(channel);
        } catch (IOException e) {
            finish(slot, op, 0, e);
            return;
        }
        if (n != 0) {
            finish(slot, op, n, null);
            return;
        }
        armOnLoop(slot, op, timeoutNanos, false);
    }

    private <V, A> void armOnLoop(AtomicReference<Op<?, ?>> slot, Op<V, A> op, long timeoutNanos, boolean connect) {
        try {
            loop.execute(() -> arm(slot, op, timeoutNanos, connect));
        } catch (RejectedExecutionException e) {
            closeQuietly();
            finish(slot, op, 0, new AsynchronousCloseException());
        }
    }

    private <V, A> void arm(AtomicReference<Op<?, ?>> slot, Op<V, A> op, long timeoutNanos, boolean connect) {
        if (slot.get() != op) {
            return;
        }
        if (key == null) {
            try {
                key = loop.register(channel, this);
            } catch (IOException e) {
                finish(slot, op, 0, closed ? new AsynchronousCloseException() : e);
                return;
            }
        }
        if (timeoutNanos > 0) {
            op.timer = loop.schedule(timeoutNanos, () -> {
                if (connect) {
                    if (slot.get() == op) {
                        closeQuietly();
                        finish(slot, op, 0, new SocketTimeoutException("connect timed out after "
                                + Duration.ofNanos(timeoutNanos).toMillis() + " ms"));
                    }
                } else {
                    finish(slot, op, 0, new InterruptedByTimeoutException());
                }
            });
        }
        updateInterest();
    }

    /** Completes {@code op} if it is still the slot's current operation. */
    private <V, A> void finish(AtomicReference<Op<?, ?>> slot, Op<V, A> op, long n, Throwable failure) {
        if (!slot.compareAndSet(op, null)) {
            return;
        }
        if (op.timer != null) {
            op.timer.cancel();
        }
        if (loop.inLoop()) {
            updateInterest();
        }
        V value = failure == null ? op.result(n) : null;
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_NESTED_COMPLETIONS && !loop.isClosed()) {
            try {
                loop.execute(() -> op.complete(value, failure));
                return;
            } catch (RejectedExecutionException ignored) {
                // run it here after all
            }
        }
        depth[0]++;
        try {
            op.complete(value, failure);
        } finally {
            depth[0]--;
        }
    }

    private void updateInterest() {
        SelectionKey k = key;
        if (k == null || !k.isValid()) {
            return;
        }
        int ops = 0;
        Op<?, ?> r = readSlot.get();
        if (r != null && r != BUSY) {
            ops |= SelectionKey.OP_READ;
        }
        Op<?, ?> w = writeSlot.get();
        if (w != null && w != BUSY) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (connectSlot.get() != null) {
            ops |= SelectionKey.OP_CONNECT;
        }
        if (k.interestOps() != ops) {
            k.interestOps(ops);
        }
    }

    /** Loop thread only. */
    @Override
    public void ready(SelectionKey k) {
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            progress(connectSlot);
        }
        if ((ready & SelectionKey.OP_READ) != 0) {
            progress(readSlot);
        }
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            progress(writeSlot);
        }
        updateInterest();
    }

    private void progress(AtomicReference<Op<?, ?>> slot) {
        Op<?, ?> op = slot.get();
        if (op == null || op == BUSY) {
            return;
        }
        long n;
        try {
            n = op.transfer(channel);
        } catch (IOException e) {
            finish(slot, op, 0, closed ? new AsynchronousCloseException() : e);
            return;
        }
        if (n != 0) {
            finish(slot, op, n, null);
        }
    }

    /** Loop thread only. */
    @Override
    public void loopClosed() {
        closeQuietly();
        failAll();
    }

    private void failAll() {
        failSlot(connectSlot);
        failSlot(readSlot);
        failSlot(writeSlot);
    }

    private void failSlot(AtomicReference<Op<?, ?>> slot) {
        Op<?, ?> op = slot.get();
        if (op != null && op != BUSY) {
            finish(slot, op, 0, new AsynchronousCloseException());
        }
    }

    // ---------------------------------------------------------------- channel basics

    /**
     * Closes the socket and fails pending operations with {@link AsynchronousCloseException}.
     * Idempotent; never blocks.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } finally {
            try {
                loop.execute(this::failAll);
            } catch (RejectedExecutionException e) {
                failAll();
            }
        }
    }

    /** {@link #close()} without the exception. */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a channel failed", e);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && channel.isOpen();
    }

    @Override
    public NioAsynchronousSocketChannel bind(SocketAddress local) throws IOException {
        channel.bind(local);
        return this;
    }

    @Override
    public <T> NioAsynchronousSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        channel.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return channel.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return channel.supportedOptions();
    }

    @Override
    public NioAsynchronousSocketChannel shutdownInput() throws IOException {
        channel.shutdownInput();
        return this;
    }

    @Override
    public NioAsynchronousSocketChannel shutdownOutput() throws IOException {
        channel.shutdownOutput();
        return this;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        return channel.getRemoteAddress();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return channel.getLocalAddress();
    }

    @Override
    public String toString() {
        String remote;
        try {
            remote = String.valueOf(channel.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            remote = "?";
        }
        return getClass().getSimpleName() + "[" + (isOpen() ? "open" : "closed") + " -> " + remote + "]";
    }

    private static long timeoutNanos(long timeout, TimeUnit unit) {
        if (timeout <= 0) {
            return 0;
        }
        Objects.requireNonNull(unit, "unit");
        return unit.toNanos(timeout);
    }

    static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** One pending operation: what it transfers and whom it tells. */
    abstract static class Op<V, A> {
        final A attachment;
        final CompletionHandler<V, ? super A> handler;
        IoLoop.Timer timer;

        Op(A attachment, CompletionHandler<V, ? super A> handler) {
            this.attachment = attachment;
            this.handler = handler;
        }

        /** @return bytes moved (or 1 for a finished connect), 0 to wait, -1 at end of stream */
        abstract long transfer(SocketChannel ch) throws IOException;

        abstract V result(long n);

        @SuppressWarnings("unchecked")
        final void complete(Object value, Throwable failure) {
            try {
                if (failure == null) {
                    handler.completed((V) value, attachment);
                } else {
                    handler.failed(failure, attachment);
                }
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "a completion handler failed", t);
            }
        }
    }

    /** The {@link Future} flavour: a handler that is also a future; cancel withdraws the operation. */
    private final class OpFuture<V> extends CompletableFuture<V> implements CompletionHandler<V, Object> {
        private final AtomicReference<Op<?, ?>> slot;
        volatile Op<?, ?> op;

        OpFuture(AtomicReference<Op<?, ?>> slot) {
            this.slot = slot;
        }

        @Override
        public void completed(V result, Object attachment) {
            complete(result);
        }

        @Override
        public void failed(Throwable exc, Object attachment) {
            completeExceptionally(exc);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            Op<?, ?> o = op;
            if (o != null && slot.compareAndSet(o, null)) {
                if (o.timer != null) {
                    o.timer.cancel();
                }
                if (slot == connectSlot) {
                    closeQuietly();
                }
                try {
                    loop.execute(NioAsynchronousSocketChannel.this::updateInterest);
                } catch (RejectedExecutionException ignored) {
                    // the loop is gone, and the interest set with it
                }
            }
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
