package org.genericpool.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.genericpool.BaseConnectionPool;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Async pools made through ConfigAdmin (factory PID {@code org.genericpool.asyncpool}), the same way as blocking ones. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfiguredAsyncPoolIT extends ConfiguredPoolFixture {

    /** @return the common provisioning */
    @Configuration
    public Option[] config() {
        return Itest.options();
    }

    @Override
    protected Class<?> managerService() {
        return AsyncConnectionManager.class;
    }

    /** @return an async test manager over TCP */
    @Override
    protected Object newManager() {
        return new TestManagers.AsyncTcp();
    }

    /**
     * An async pool through its whole life: real TCP connections, a live update of the same
     * instance keeping its idle connection, a refused update, a replacement on a new
     * manager.target, and deletion closing it with its MBean.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void configuredAsyncPoolLivesThroughUpdatesAndDeletion() throws Exception {
        String filter = "(pool.name=itest-async)";
        ObjectName mbean = new ObjectName("org.genericpool:type=ConnectionPool,name=itest-async");
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.asyncpool", "?");
        configuration.update(Itest.props("pool.name", "itest-async", "manager.target", "(genericpool.manager=itest)",
                "max.size", 2, "close.timeout", 1.0));

        AsyncConnectionPool<InetSocketAddress, SocketChannel> pool =
                Itest.awaitService(context, AsyncConnectionPool.class, filter, p -> true);
        assertSame(pool, Itest.awaitService(context, BaseConnectionPool.class, filter, p -> true));
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
        String echoed = pool.withConnection(endpoint, c -> echo(c, "ping")).get(10, TimeUnit.SECONDS);
        assertEquals("ping", echoed);
        SocketChannel first = pool.acquire(endpoint).get(10, TimeUnit.SECONDS);
        pool.release(endpoint, first).get(10, TimeUnit.SECONDS);

        configuration.update(Itest.props("pool.name", "itest-async", "manager.target", "(genericpool.manager=itest)",
                "max.size", 4, "close.timeout", 1.0));
        Itest.await("max.size 4 applied", () -> pool.config().maxSize() == 4);
        assertSame(pool, Itest.awaitService(context, AsyncConnectionPool.class, filter, p -> true));
        SocketChannel again = pool.acquire(endpoint).get(10, TimeUnit.SECONDS);
        assertSame("idle connection kept through the update", first, again);
        pool.release(endpoint, again).get(10, TimeUnit.SECONDS);
        assertEquals(1, server.accepted());

        configuration.update(Itest.props("pool.name", "itest-async", "manager.target", "(genericpool.manager=itest)",
                "max.size", 4, "total.max.size", 3, "close.timeout", 1.0));
        log.await("invalid max.size: 4 (allowed: 1 .. total.max.size (3))", Itest.WAIT);
        assertEquals(100, pool.config().totalMaxSize());
        assertFalse(pool.isClosed());

        configuration.update(Itest.props("pool.name", "itest-async", "manager.target",
                "(genericpool.manager=itest-other)", "close.timeout", 1.0));
        AsyncConnectionPool<InetSocketAddress, SocketChannel> replacement =
                Itest.awaitService(context, AsyncConnectionPool.class, filter, p -> p != pool);
        assertNotSame(pool, replacement);
        assertTrue(pool.isClosed());
        assertEquals("pong", replacement.withConnection(endpoint, c -> echo(c, "pong")).get(10, TimeUnit.SECONDS));

        configuration.delete();
        Itest.awaitNoService(context, BaseConnectionPool.class, filter);
        Itest.await("replacement closed", replacement::isClosed);
        Itest.await("MBean " + mbean + " unregistered",
                () -> !ManagementFactory.getPlatformMBeanServer().isRegistered(mbean));
    }

    /**
     * With the default async manager of genericpool-contrib-tcp, a configured async pool pools real
     * {@link AsynchronousSocketChannel}s.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void defaultAsyncTcpManagerOfTheContribServesAConfiguredPool() throws Exception {
        org.osgi.service.cm.Configuration configuration =
                configAdmin.createFactoryConfiguration("org.genericpool.asyncpool", "?");
        configuration.update(Itest.props("pool.name", "itest-contrib-async-tcp", "max.size", 2));
        try {
            AsyncConnectionPool<InetSocketAddress, AsynchronousSocketChannel> pool = Itest.awaitService(context,
                    AsyncConnectionPool.class, "(pool.name=itest-contrib-async-tcp)", p -> true);
            AsynchronousSocketChannel first = pool.acquire(endpoint).get(10, TimeUnit.SECONDS);
            assertEquals("async", echo(first, "async"));
            pool.release(endpoint, first).get(10, TimeUnit.SECONDS);
            AsynchronousSocketChannel second = pool.acquire(endpoint).get(10, TimeUnit.SECONDS);
            assertSame(first, second);
            assertEquals("again", echo(second, "again"));
            pool.release(endpoint, second).get(10, TimeUnit.SECONDS);
            assertEquals(1, server.accepted());
        } finally {
            configuration.delete();
        }
        Itest.awaitNoService(context, BaseConnectionPool.class, "(pool.name=itest-contrib-async-tcp)");
    }

    /** Echoes over an async channel, waiting on the test thread (never on the channel's I/O thread). */
    private static String echo(AsynchronousSocketChannel channel, String text) throws Exception {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            channel.write(out).get(10, TimeUnit.SECONDS);
        }
        ByteBuffer in = ByteBuffer.allocate(out.capacity());
        while (in.hasRemaining()) {
            if (channel.read(in).get(10, TimeUnit.SECONDS) < 0) {
                throw new java.io.IOException("echo server closed the connection");
            }
        }
        return new String(in.array(), StandardCharsets.UTF_8);
    }

    private static CompletableFuture<String> echo(SocketChannel channel, String text) {
        try {
            return CompletableFuture.completedFuture(TestManagers.echo(channel, text));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
