package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.async.AsyncConnectionPool;
import org.genericpool.tests.support.AsyncTestPool;
import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.Futures;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Python suite against the {@code CompletableFuture} pool ({@code tests/test_async_pool.py}). */
class AsyncPythonPortTest extends PythonPortContract {
    @Override
    protected Flavour flavour() {
        return Flavour.ASYNC;
    }

    /**
     * Fifty tasks over six endpoints each acquire a connection, wait for a common signal once all
     * fifty hold one, then hold it a random 0..200 ms while the pool closes with a timeout of
     * 50 x delay: close completes with size 0 and every task completes normally.
     * Java: no connection was disposed while its task still held it.
     */
    @Test
    @DisplayName("python: test_pool_close_wait")
    void poolCloseWait() throws Exception {
        AsyncConnectionPool<Integer, TestConnection> pool = ((AsyncTestPool) open(closeWaitConfig())).raw();
        int taskCnt = 50;
        int endpointCnt = 6;
        Random random = new Random(0);
        AtomicInteger acquireCnt = new AtomicInteger();
        CompletableFuture<Void> finished = new CompletableFuture<>();

        List<CompletableFuture<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < taskCnt; i++) {
            long hold = (long) (random.nextDouble() * 200);
            tasks.add(pool.withConnection(i % endpointCnt, (TestConnection c) -> {
                c.inUse.set(true);
                acquireCnt.incrementAndGet();
                return finished
                        .thenCompose(v -> CompletableFuture.runAsync(() -> { },
                                CompletableFuture.delayedExecutor(hold, TimeUnit.MILLISECONDS)))
                        .thenRun(() -> c.inUse.set(false));
            }).handle((v, t) -> {
                if (t != null && !(Futures.unwrap(t) instanceof ConnectionPoolClosedException)) {
                    throw new AssertionError("task failed", t);
                }
                return null;
            }));
        }

        Waits.until(() -> acquireCnt.get() == taskCnt, () -> acquireCnt.get() + " of " + taskCnt + " tasks acquired");
        finished.complete(null);

        Futures.get(pool.closeAsync(DELAY.multipliedBy(taskCnt)));
        assertEquals(0, pool.size());

        for (CompletableFuture<Object> task : tasks) {
            Futures.get(task);
        }
        assertEquals(0, manager.disposedWhileInUse(), "Java: close disposed a connection still held");
    }
}
