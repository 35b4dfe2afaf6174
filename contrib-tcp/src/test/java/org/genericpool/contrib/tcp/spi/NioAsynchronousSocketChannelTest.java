package org.genericpool.contrib.tcp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.ReadPendingException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.genericpool.contrib.tcp.testkit.AsyncIo;
import org.genericpool.contrib.tcp.testkit.ChannelServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel's own contract: pending rules, timeouts that leave it usable, cancel, close. */
class NioAsynchronousSocketChannelTest {

    private ChannelServer echo;
    private ChannelServer silent;
    private IoLoop loop;

    @BeforeEach
    void start() throws Exception {
        echo = ChannelServer.tcp("127.0.0.1");
        silent = ChannelServer.tcp("127.0.0.1", ChannelServer.Mode.SILENT);
        loop = IoLoop.start("test-io");
    }

    @AfterEach
    void stop() throws Exception {
        loop.close();
        echo.close();
        silent.close();
    }

    private NioAsynchronousSocketChannel connect(InetSocketAddress a) throws Exception {
        NioAsynchronousSocketChannel ch = new NioAsynchronousSocketChannel(loop, SocketChannel.open());
        ch.connect(a, Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
        return ch;
    }


    /** A read that times out has consumed nothing; the next read gets the data. */
    @Test
    void timedOutReadLeavesTheChannelUsable() throws Exception {
        NioAsynchronousSocketChannel ch = connect(echo.inetAddress());
        CompletableFuture<Integer> first = new CompletableFuture<>();
        ch.read(ByteBuffer.allocate(8), 50, TimeUnit.MILLISECONDS, null, handler(first));
        ExecutionException e = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedByTimeoutException.class, e.getCause());
        assertEquals("after", AsyncIo.roundTrip(ch, "after").get(5, TimeUnit.SECONDS));
        ch.close();
    }

    /** A second read while one is pending throws; a cancelled Future read withdraws it. */
    @Test
    void pendingReadRulesAndCancel() throws Exception {
        NioAsynchronousSocketChannel ch = connect(echo.inetAddress());
        Future<Integer> pending = ch.read(ByteBuffer.allocate(8));
        assertThrows(ReadPendingException.class, () -> ch.read(ByteBuffer.allocate(8)));
        assertTrue(pending.cancel(false));
        assertEquals("again", AsyncIo.roundTrip(ch, "again").get(5, TimeUnit.SECONDS));
        ch.close();
    }

    /** Closing fails a pending read with AsynchronousCloseException. */
    @Test
    void closeFailsPendingRead() throws Exception {
        NioAsynchronousSocketChannel ch = connect(silent.inetAddress());
        CompletableFuture<Integer> read = new CompletableFuture<>();
        ch.read(ByteBuffer.allocate(8), 0, TimeUnit.SECONDS, null, handler(read));
        Thread.sleep(20);
        ch.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(5, TimeUnit.SECONDS));
        assertInstanceOf(AsynchronousCloseException.class, e.getCause());
        assertFalse(ch.isOpen());
        assertFalse(ch.isAlive());
    }

    /** Gathering writes and scattering reads move every byte. */
    @Test
    void scatterGather() throws Exception {
        NioAsynchronousSocketChannel ch = connect(echo.inetAddress());
        ByteBuffer[] out = {ByteBuffer.wrap("ab".getBytes(StandardCharsets.US_ASCII)),
                ByteBuffer.wrap("cd".getBytes(StandardCharsets.US_ASCII))};
        CompletableFuture<Long> written = new CompletableFuture<>();
        ch.write(out, 0, 2, 1, TimeUnit.SECONDS, null, handler(written));
        assertEquals(4L, written.get(5, TimeUnit.SECONDS));
        ByteBuffer[] in = {ByteBuffer.allocate(1), ByteBuffer.allocate(3)};
        long total = 0;
        for (int i = 0; i < 10 && total < 4; i++) {
            CompletableFuture<Long> read = new CompletableFuture<>();
            ch.read(in, 0, 2, 1, TimeUnit.SECONDS, null, handler(read));
            total += read.get(5, TimeUnit.SECONDS);
        }
        assertEquals(4, total);
        assertEquals("a", new String(in[0].array(), StandardCharsets.US_ASCII));
        assertEquals("bcd", new String(in[1].array(), StandardCharsets.US_ASCII));
        ch.close();
    }

    private static <V> CompletionHandler<V, Object> handler(CompletableFuture<V> f) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V result, Object attachment) {
                f.complete(result);
            }

            @Override
            public void failed(Throwable exc, Object attachment) {
                f.completeExceptionally(exc);
            }
        };
    }
}
