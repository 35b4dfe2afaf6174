package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.genericpool.ConnectionPoolClosedException;
import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Python suite against the blocking pool ({@code tests/test_sync_pool.py}). */
class BlockingPythonPortTest extends PythonPortContract {
    @Override
    protected Flavour flavour() {
        return Flavour.BLOCKING;
    }

    /**
     * Ten threads over six endpoints each hold a connection (all proven leased by a barrier) for a
     * random 0..200 ms while the pool closes with a timeout of 10 x delay: close returns with size 0.
     * Java: no connection was disposed while its thread still held it.
     */
    @Test
    @DisplayName("python: test_pool_close_wait")
    void poolCloseWait() throws Exception {
        TestPool pool = open(closeWaitConfig());
        int threadCnt = 10;
        int endpointCnt = 6;
        Random random = new Random(0);
        CyclicBarrier barrier = new CyclicBarrier(threadCnt + 1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < threadCnt; i++) {
            int endpoint = i % endpointCnt;
            long hold = (long) (random.nextDouble() * 200);
            Thread t = new Thread(() -> {
                try {
                    pool.withConnection(endpoint, null, c -> {
                        c.inUse.set(true);
                        barrier.await(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS);
                        Thread.sleep(hold); // the client's work
                        c.inUse.set(false);
                        return null;
                    });
                } catch (ConnectionPoolClosedException ignored) {
                    // as in Python: contextlib.suppress(ConnectionPoolClosedError)
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "close-wait-" + i);
            t.start();
            threads.add(t);
        }

        barrier.await(Waits.LONG.toMillis(), TimeUnit.MILLISECONDS);

        pool.close(DELAY.multipliedBy(threadCnt));
        assertEquals(0, pool.size());

        for (Thread t : threads) {
            t.join(Waits.LONG.toMillis());
            assertFalse(t.isAlive(), t.getName() + " still running");
        }
        assertEquals(List.of(), new ArrayList<>(failures));
        assertEquals(0, manager.disposedWhileInUse(), "Java: close disposed a connection still held");
    }
}
