package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.ReadPendingException;
import java.nio.channels.WritePendingException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import org.genericpool.contrib.tcp.spi.NioAsynchronousSocketChannel;

/**
 * An {@link AsynchronousByteChannel} that runs TLS (an {@link SSLEngine}) over a
 * {@link NioAsynchronousSocketChannel}: the connection of {@link AsyncSslConnectionManager}.
 *
 * <p>Reads decrypt into an internal buffer and hand out what fits, so partial reads and
 * writes and records split across TCP segments are handled; post-handshake messages (TLS 1.3
 * session tickets, key updates) are processed as they come. Renegotiation is not started by
 * this side. {@link #close()} sends {@code close_notify} if the socket takes it at once;
 * {@link #closeGracefully(Duration)} waits for it to be written, bounded. A received
 * {@code close_notify} ends the stream (read returns -1).
 *
 * <p>Thread-safety: one read and one write may be pending at the same time; another read
 * (write) meanwhile throws {@link ReadPendingException} ({@link WritePendingException}).
 * Handlers run on the calling thread or on the I/O thread and must not block.
 */
public final class TlsChannel implements AsynchronousByteChannel {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MAX_WRITE_CHUNK = 64 * 1024;

    private final NioAsynchronousSocketChannel net;
    private final SSLEngine engine;
    private final Object inLock = new Object();
    private final Object outLock = new Object();
    /** Guarded by inLock; read mode. */
    private ByteBuffer netIn;
    /** Guarded by inLock; read mode. */
    private ByteBuffer appIn;
    /** Guarded by outLock. */
    private final ArrayDeque<Out> outQueue = new ArrayDeque<>();
    /** Guarded by outLock. */
    private boolean writing;
    private final AtomicBoolean readPending = new AtomicBoolean();
    private final AtomicBoolean writePending = new AtomicBoolean();
    private volatile boolean eof;
    private volatile boolean closed;

    /**
     * @param net    a connected channel, owned by this object from now on
     * @param engine a client-mode engine, configured, handshake not begun
     */
    public TlsChannel(NioAsynchronousSocketChannel net, SSLEngine engine) {
        this.net = Objects.requireNonNull(net, "net");
        this.engine = Objects.requireNonNull(engine, "engine");
        SSLSession s = engine.getSession();
        this.netIn = ByteBuffer.allocate(s.getPacketBufferSize()).flip();
        this.appIn = ByteBuffer.allocate(s.getApplicationBufferSize()).flip();
    }

    /** @return the TLS session (after the handshake: peer certificates, protocol, cipher suite) */
    public SSLSession getSession() {
        return engine.getSession();
    }

    /** @return the transport channel under TLS */
    public NioAsynchronousSocketChannel transport() {
        return net;
    }

    private record Out(ByteBuffer data, CompletableFuture<Void> done) {
    }

    // ------------------------------------------------------------------ handshake

    /**
     * Runs the handshake.
     *
     * @return a future completed once the handshake is done and its last bytes are written, or
     *         exceptionally with the engine's {@link SSLException} or the transport's failure
     */
    public CompletableFuture<Void> handshake() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            engine.beginHandshake();
            handshakeStep(done);
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private void handshakeStep(CompletableFuture<Void> done) {
        try {
            while (!done.isDone()) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                switch (hs) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> wrapAndSend(EMPTY).whenComplete((v, t) -> {
                        if (t != null) {
                            done.completeExceptionally(t);
                        }
                    });
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        SSLEngineResult r;
                        synchronized (inLock) {
                            r = unwrapLocked();
                        }
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new SSLException("the peer closed the connection during the handshake");
                        }
                        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            readNet(() -> handshakeStep(done), done::completeExceptionally);
                            return;
                        }
                    }
                    default -> {
                        flushed().whenComplete((v, t) -> {
                            if (t != null) {
                                done.completeExceptionally(t);
                            } else {
                                done.complete(null);
                            }
                        });
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    // ------------------------------------------------------------------ inbound

    /** Unwraps from netIn into appIn; both stay in read mode. Caller holds inLock. */
    private SSLEngineResult unwrapLocked() throws SSLException {
        while (true) {
            appIn.compact();
            SSLEngineResult r;
            try {
                r = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() + engine.getSession().getApplicationBufferSize());
                bigger.put(appIn).flip();
                appIn = bigger;
                continue;
            }
            return r;
        }
    }

    /** Reads more network bytes into netIn, then runs {@code next}; fails with {@code onFail}. */
    private void readNet(Runnable next, java.util.function.Consumer<Throwable> onFail) {
        ByteBuffer target;
        synchronized (inLock) {
            netIn.compact();
            if (!netIn.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
                netIn.flip();
                bigger.put(netIn);
                netIn = bigger;
            }
            target = netIn;
        }
        net.read(target, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                synchronized (inLock) {
                    target.flip();
                }
                if (n < 0) {
                    eof = true;
                }
                next.run();
            }

            @Override
            public void failed(Throwable exc, Void a) {
                synchronized (inLock) {
                    target.flip();
                }
                onFail.accept(exc);
            }
        });
    }

    @Override
    public <A> void read(ByteBuffer dst, A attachment, CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(handler, "handler");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read-only buffer");
        }
        if (!readPending.compareAndSet(false, true)) {
            throw new ReadPendingException();
        }
        if (closed) {
            readPending.set(false);
            handler.failed(new ClosedChannelException(), attachment);
            return;
        }
        readStep(dst, attachment, handler);
    }

    private <A> void readStep(ByteBuffer dst, A attachment, CompletionHandler<Integer, ? super A> handler) {
        try {
            while (true) {
                boolean needNet;
                synchronized (inLock) {
                    if (appIn.hasRemaining() || !dst.hasRemaining()) {
                        int n = Math.min(appIn.remaining(), dst.remaining());
                        ByteBuffer slice = appIn.duplicate();
                        slice.limit(slice.position() + n);
                        dst.put(slice);
                        appIn.position(appIn.position() + n);
                        readPending.set(false);
                        handler.completed(n, attachment);
                        return;
                    }
                    SSLEngineResult r = unwrapLocked();
                    needNet = processAfterUnwrap(r);
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        eof = true;
                    }
                    if (needNet && eof) {
                        readPending.set(false);
                        handler.completed(-1, attachment);
                        return;
                    }
                }
                if (needNet) {
                    readNet(() -> readStep(dst, attachment, handler), t -> {
                        readPending.set(false);
                        handler.failed(t, attachment);
                    });
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            readPending.set(false);
            handler.failed(e, attachment);
        }
    }

    /**
     * Handles what an unwrap asks for (tasks, a wrap for post-handshake replies).
     *
     * @return true if more network bytes are needed
     */
    private boolean processAfterUnwrap(SSLEngineResult r) throws IOException {
        SSLEngineResult.HandshakeStatus hs = r.getHandshakeStatus();
        if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            runTasks();
            hs = engine.getHandshakeStatus();
        }
        if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
            wrapAndSend(EMPTY);
        }
        return r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                || r.getStatus() == SSLEngineResult.Status.CLOSED
                || (r.bytesConsumed() == 0 && r.bytesProduced() == 0 && !netIn.hasRemaining());
    }

    @Override
    public Future<Integer> read(ByteBuffer dst) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        read(dst, null, handlerOf(f));
        return f;
    }

    // ------------------------------------------------------------------ outbound

    /** Wraps {@code src} (all of it, or up to a chunk) and queues the records. */
    private CompletableFuture<Void> wrapAndSend(ByteBuffer src) throws IOException {
        synchronized (outLock) {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            int consumed = 0;
            do {
                SSLEngineResult r = engine.wrap(src, out);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
                    out.flip();
                    bigger.put(out);
                    out = bigger;
                    continue;
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED && r.bytesProduced() == 0) {
                    if (src.hasRemaining()) {
                        throw new ClosedChannelException();
                    }
                    break;
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    runTasks();
                }
                consumed += r.bytesConsumed();
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            } while (src.hasRemaining() && consumed < MAX_WRITE_CHUNK);
            out.flip();
            return send(out);
        }
    }

    private CompletableFuture<Void> send(ByteBuffer data) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean start;
        synchronized (outLock) {
            if (!data.hasRemaining() && outQueue.isEmpty()) {
                done.complete(null);
                return done;
            }
            outQueue.add(new Out(data, done));
            start = !writing;
            writing = true;
        }
        if (start) {
            writeNext();
        }
        return done;
    }

    /** @return a future completed once everything queued so far is written */
    private CompletableFuture<Void> flushed() {
        return send(EMPTY);
    }

    private void writeNext() {
        Out o;
        synchronized (outLock) {
            o = outQueue.peek();
            if (o == null) {
                writing = false;
                return;
            }
        }
        if (!o.data.hasRemaining()) {
            synchronized (outLock) {
                outQueue.poll();
            }
            o.done.complete(null);
            writeNext();
            return;
        }
        net.write(o.data, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (o.data.hasRemaining()) {
                    net.write(o.data, null, this);
                    return;
                }
                synchronized (outLock) {
                    outQueue.poll();
                }
                o.done.complete(null);
                writeNext();
            }

            @Override
            public void failed(Throwable exc, Void a) {
                Out[] failed;
                synchronized (outLock) {
                    failed = outQueue.toArray(Out[]::new);
                    outQueue.clear();
                    writing = false;
                }
                for (Out f : failed) {
                    f.done.completeExceptionally(exc);
                }
            }
        });
    }

    @Override
    public <A> void write(ByteBuffer src, A attachment, CompletionHandler<Integer, ? super A> handler) {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(handler, "handler");
        if (!writePending.compareAndSet(false, true)) {
            throw new WritePendingException();
        }
        if (closed) {
            writePending.set(false);
            handler.failed(new ClosedChannelException(), attachment);
            return;
        }
        int before = src.remaining();
        CompletableFuture<Void> sent;
        try {
            sent = wrapAndSend(src);
        } catch (IOException | RuntimeException e) {
            writePending.set(false);
            handler.failed(e, attachment);
            return;
        }
        int consumed = before - src.remaining();
        sent.whenComplete((v, t) -> {
            writePending.set(false);
            if (t != null) {
                handler.failed(t, attachment);
            } else {
                handler.completed(consumed, attachment);
            }
        });
    }

    @Override
    public Future<Integer> write(ByteBuffer src) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        write(src, null, handlerOf(f));
        return f;
    }

    private static CompletionHandler<Integer, Object> handlerOf(CompletableFuture<Integer> f) {
        return new CompletionHandler<>() {
            @Override
            public void completed(Integer result, Object attachment) {
                f.complete(result);
            }

            @Override
            public void failed(Throwable exc, Object attachment) {
                f.completeExceptionally(exc);
            }
        };
    }

    // ------------------------------------------------------------------ aliveness and close

    /**
     * Tells without waiting whether an idle connection is alive: reads what is waiting and
     * decodes complete records. Post-handshake messages (TLS 1.3 session tickets) are consumed
     * and leave the connection alive; application data, {@code close_notify}, end of stream, an
     * error, or bytes that cannot be TLS records (even one: {@code TlsRecords}) make it dead.
     * Returns true if a read is pending (the connection is in use).
     */
    public boolean isAlive() {
        if (closed || eof || !net.isOpen()) {
            return false;
        }
        if (!readPending.compareAndSet(false, true)) {
            return true;
        }
        try {
            synchronized (inLock) {
                if (appIn.hasRemaining()) {
                    return false;
                }
                for (int round = 0; round < 8; round++) {
                    netIn.compact();
                    int n;
                    try {
                        n = net.readNow(netIn);
                    } finally {
                        netIn.flip();
                    }
                    if (n < 0) {
                        eof = true;
                        return false;
                    }
                    if (TlsRecords.completeBytes(netIn, netIn.position(), netIn.limit()) < 0) {
                        return false; // not TLS: the engine would wait for more of a record that never comes
                    }
                    while (netIn.hasRemaining()) {
                        SSLEngineResult r = unwrapLocked();
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            eof = true;
                            return false;
                        }
                        if (appIn.hasRemaining()) {
                            return false;
                        }
                        boolean needNet = processAfterUnwrap(r);
                        if (needNet) {
                            break;
                        }
                    }
                    if (n == 0) {
                        return true;
                    }
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            readPending.set(false);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed && net.isOpen();
    }

    /**
     * Sends {@code close_notify} if the socket takes it at once, then closes the transport.
     * Never blocks; idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ByteBuffer notify = closeNotify();
            if (notify != null) {
                net.writeNow(notify);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        } finally {
            net.closeQuietly();
        }
    }

    /**
     * Sends {@code close_notify}, waits at most {@code timeout} for it to be written after what
     * is queued, then closes the transport.
     *
     * @param timeout the longest to wait for {@code close_notify} to be written, not null; zero or
     *                negative closes as soon as the I/O thread gets to it
     * @return a future completed once closed; never completed exceptionally
     */
    public CompletableFuture<Void> closeGracefully(Duration timeout) {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            ByteBuffer notify = closeNotify();
            CompletableFuture<Void> sent = notify == null ? flushed() : send(notify);
            var timer = net.loop().schedule(timeout.toNanos(), () -> {
                net.closeQuietly();
                done.complete(null);
            });
            sent.whenComplete((v, t) -> {
                timer.cancel();
                net.closeQuietly();
                done.complete(null);
            });
        } catch (IOException | RuntimeException e) {
            net.closeQuietly();
            done.complete(null);
        }
        return done;
    }

    private ByteBuffer closeNotify() throws IOException {
        synchronized (outLock) {
            if (engine.isOutboundDone()) {
                return null;
            }
            engine.closeOutbound();
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            while (!engine.isOutboundDone()) {
                SSLEngineResult r = engine.wrap(EMPTY, out);
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW || r.bytesProduced() == 0) {
                    break;
                }
            }
            out.flip();
            return out;
        }
    }

    @Override
    public String toString() {
        return "TlsChannel[" + net + "]";
    }
}
