package org.genericpool.contrib.tcp.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;

/** Echo round trips over a blocking {@link ByteChannel} (TCP or Unix-socket {@code SocketChannel}). */
public final class BlockingIo {

    private BlockingIo() {
    }

    /** Writes {@code message} fully, then reads as many bytes back (fewer at end of stream); returns what was read. */
    public static String roundTrip(ByteChannel c, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            c.write(out);
        }
        ByteBuffer in = ByteBuffer.allocate(bytes.length);
        while (in.hasRemaining()) {
            if (c.read(in) < 0) {
                break;
            }
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }
}
