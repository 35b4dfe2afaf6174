package org.genericpool.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.genericpool.ConnectionManager;
import org.genericpool.ConnectionPool;
import org.genericpool.PoolConfig;
import org.genericpool.async.AsyncConnectionManager;
import org.genericpool.async.AsyncConnectionPool;
import org.junit.jupiter.api.Test;

/** The factory service instance of one using bundle, with the real engine and no framework. */
class ConnectionPoolFactoryComponentTest {

    /** Deactivation (the using bundle released the service) closes the pools it left open, blocking and async. */
    @Test
    void deactivationClosesThePoolsTheBundleLeftOpen() throws Exception {
        ConnectionPoolFactoryComponent factory = new ConnectionPoolFactoryComponent();
        ConnectionPool<String, Object> closedByUser = factory.create(new Objects(), named("factory-test-1"));
        ConnectionPool<String, Object> leftOpen = factory.create(new Objects(), named("factory-test-2"));
        AsyncConnectionPool<String, Object> asyncLeftOpen = factory.createAsync(new AsyncObjects(), named("factory-test-3"));
        Object leased = leftOpen.acquire("e");
        closedByUser.close();
        factory.deactivate();
        assertTrue(leftOpen.isClosed());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!asyncLeftOpen.isClosed() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        assertTrue(asyncLeftOpen.isClosed());
        leftOpen.release("e", leased); // harmless after close(timeout) disposed it
    }

    /** A pool created after another was closed is still tracked (closed ones are merely forgotten). */
    @Test
    void closedPoolsAreForgottenOpenOnesKept() {
        ConnectionPoolFactoryComponent factory = new ConnectionPoolFactoryComponent();
        ConnectionPool<String, Object> first = factory.create(new Objects(), named("factory-test-4"));
        first.close();
        ConnectionPool<String, Object> second = factory.create(new Objects(), named("factory-test-4"));
        assertFalse(second.isClosed());
        factory.deactivate();
        assertTrue(second.isClosed());
    }

    private static PoolConfig named(String name) {
        return PoolConfig.builder().name(name).build();
    }

    /** Plain objects as connections. */
    private static final class Objects implements ConnectionManager<String, Object> {
        @Override
        public Object create(String endpoint, Duration timeout) {
            return new Object();
        }

        @Override
        public void dispose(String endpoint, Object connection, Duration timeout) {
        }
    }

    /** Plain objects as connections, async. */
    private static final class AsyncObjects implements AsyncConnectionManager<String, Object> {
        @Override
        public CompletionStage<Object> create(String endpoint) {
            return CompletableFuture.completedFuture(new Object());
        }

        @Override
        public CompletionStage<Void> dispose(String endpoint, Object connection) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
