package org.genericpool.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.genericpool.ConnectionPool;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.contrib.tcp.TcpConnectionManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5's comparison: a 64-byte request and its 64-byte echo over loopback TCP, either on a
 * connection from a genericpool ({@code pooled}) or on a fresh connection made and closed for
 * the request ({@code fresh}). The server is one selector thread, so a connect costs it no
 * thread. Short runs: each fresh connect leaves a socket in TIME_WAIT.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class RoundTripBenchmark {

    private static final int MESSAGE = 64;

    private LoopbackServer server;
    private InetSocketAddress endpoint;
    private TcpConnectionManager manager;
    private ConnectionPool<InetSocketAddress, SocketChannel> pool;
    private final ByteBuffer request = ByteBuffer.allocateDirect(MESSAGE);
    private final ByteBuffer response = ByteBuffer.allocateDirect(MESSAGE);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = LoopbackServer.start(LoopbackServer.Kind.TCP);
        endpoint = (InetSocketAddress) server.endpoint();
        manager = new TcpConnectionManager();
        pool = ConnectionPools.create(manager, PoolConfig.builder().name("bench-roundtrip-" + System.nanoTime())
                .maxSize(1).totalMaxSize(1).minIdle(1).idleTimeout(Duration.ofHours(1))
                .maxLifetime(Duration.ofHours(24)).build());
        for (int i = 0; i < MESSAGE; i++) {
            request.put(i, (byte) i);
        }
    }

    @Benchmark
    public ByteBuffer pooled() throws Exception {
        SocketChannel ch = pool.acquire(endpoint);
        try {
            LoopbackServer.roundTrip(ch, request, response);
        } catch (Exception e) {
            pool.discard(endpoint, ch);
            throw e;
        }
        pool.release(endpoint, ch);
        return response;
    }

    @Benchmark
    public ByteBuffer fresh() throws Exception {
        SocketChannel ch = manager.create(endpoint, Transports.CONNECT);
        try {
            LoopbackServer.roundTrip(ch, request, response);
        } finally {
            manager.dispose(endpoint, ch, null);
        }
        return response;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try {
            pool.close(Duration.ofSeconds(10));
        } finally {
            server.close();
        }
    }
}
