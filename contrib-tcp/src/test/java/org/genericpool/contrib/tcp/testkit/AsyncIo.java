package org.genericpool.contrib.tcp.testkit;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousByteChannel;
import java.nio.channels.CompletionHandler;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Echo round trips over an {@link AsynchronousByteChannel}, without blocking a thread. */
public final class AsyncIo {

    private AsyncIo() {
    }

    /** Writes {@code message} fully, then reads as many bytes back; completes with what was read. */
    public static CompletableFuture<String> roundTrip(AsynchronousByteChannel ch, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return writeFully(ch, ByteBuffer.wrap(bytes))
                .thenCompose(v -> readFully(ch, ByteBuffer.allocate(bytes.length)))
                .thenApply(b -> new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
    }

    /** Writes all of {@code src}. */
    public static CompletableFuture<Void> writeFully(AsynchronousByteChannel ch, ByteBuffer src) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        ch.write(src, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (src.hasRemaining()) {
                    ch.write(src, null, this);
                } else {
                    f.complete(null);
                }
            }

            @Override
            public void failed(Throwable exc, Void a) {
                f.completeExceptionally(exc);
            }
        });
        return f;
    }

    /** Reads until {@code dst} is full or the stream ends. */
    public static CompletableFuture<ByteBuffer> readFully(AsynchronousByteChannel ch, ByteBuffer dst) {
        CompletableFuture<ByteBuffer> f = new CompletableFuture<>();
        ch.read(dst, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer n, Void a) {
                if (n >= 0 && dst.hasRemaining()) {
                    ch.read(dst, null, this);
                } else {
                    f.complete(dst);
                }
            }

            @Override
            public void failed(Throwable exc, Void a) {
                f.completeExceptionally(exc);
            }
        });
        return f;
    }
}
