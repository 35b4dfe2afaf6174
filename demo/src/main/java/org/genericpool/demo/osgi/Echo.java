package org.genericpool.demo.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLSocket;

/** One request/response over each kind of pooled connection the demo uses. */
final class Echo {

    private static final long TIMEOUT_SECONDS = 5;

    private Echo() {
    }

    /** @return the echo of {@code text} over a blocking channel (TCP or Unix socket) */
    static String over(ByteChannel channel, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new IOException("echo server closed the connection");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }

    /** @return the echo of {@code text} over a TLS socket */
    static String over(SSLSocket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] reply = new byte[bytes.length];
        for (int n = 0; n < reply.length; ) {
            int r = in.read(reply, n, reply.length - n);
            if (r < 0) {
                throw new IOException("echo server closed the connection");
            }
            n += r;
        }
        return new String(reply, StandardCharsets.UTF_8);
    }

    /** @return the echo of {@code text} over an async channel, waiting on the calling thread (never an I/O thread) */
    static String over(AsynchronousSocketChannel channel, String text)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in).get(TIMEOUT_SECONDS, TimeUnit.SECONDS) < 0) {
                throw new IOException("echo server closed the connection");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }
}
