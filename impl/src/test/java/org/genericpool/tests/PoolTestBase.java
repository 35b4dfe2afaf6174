package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.genericpool.ConnectionPools;
import org.genericpool.PoolConfig;
import org.genericpool.tests.support.AsyncTestPool;
import org.genericpool.tests.support.BlockingTestPool;
import org.genericpool.tests.support.Flavour;
import org.genericpool.tests.support.Gate;
import org.genericpool.tests.support.ScriptedManager;
import org.genericpool.tests.support.TestPool;
import org.genericpool.tests.support.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;

/**
 * What every contract suite shares: a fresh {@link ScriptedManager} per test, pools of the
 * subclass's {@link Flavour}, and an after-each check of the invariants every test must leave
 * true: once the pools are closed, every connection created was disposed exactly once and the
 * manager saw no violation (limit exceeded, double dispose, hook on a disposed connection).
 */
public abstract class PoolTestBase {
    /** The Python suite's {@code delay} fixture (0.05 s there), doubled for busy CI machines. */
    protected static final Duration DELAY = Duration.ofMillis(100);

    protected final ScriptedManager manager = new ScriptedManager();
    private final List<TestPool> opened = new ArrayList<>();
    private final List<ScriptedManager> managers = new ArrayList<>(List.of(manager));

    protected abstract Flavour flavour();

    protected final boolean blocking() {
        return flavour() == Flavour.BLOCKING;
    }

    protected static PoolConfig.Builder config() {
        return PoolConfig.builder();
    }

    protected TestPool open(PoolConfig config) {
        return open(manager, config);
    }

    protected TestPool open(PoolConfig.Builder config) {
        return open(manager, config.build());
    }

    protected TestPool open(ScriptedManager m, PoolConfig config) {
        if (!managers.contains(m)) {
            managers.add(m);
        }
        TestPool pool = flavour() == Flavour.BLOCKING
                ? new BlockingTestPool(ConnectionPools.create(m, config))
                : new AsyncTestPool(ConnectionPools.createAsync(m.async(), config));
        opened.add(pool);
        return pool;
    }

    /** Installs a gate on the manager's {@code create} and returns it. */
    protected Gate gateCreates() {
        Gate gate = new Gate();
        manager.createGate = gate;
        return gate;
    }

    @AfterEach
    void closePoolsAndCheckInvariants() throws Exception {
        managers.forEach(ScriptedManager::openAllGates);
        Throwable closeFailure = null;
        for (TestPool pool : opened) {
            try {
                pool.close(DELAY);
            } catch (Throwable t) {
                if (closeFailure == null) {
                    closeFailure = t;
                }
            }
        }
        for (ScriptedManager m : managers) {
            Waits.until(() -> m.created() == m.disposed(),
                    () -> "after close: created " + m.created() + " != disposed " + m.disposed()
                            + " (connections leaked or disposed twice)");
            assertEquals(List.of(), m.violations(), "manager saw violations");
        }
        for (TestPool pool : opened) {
            assertEquals(0, pool.size(), "size after close");
            assertEquals(0, pool.stats().pending(), "waiters after close");
        }
        if (closeFailure != null) {
            throw new AssertionError("close failed", closeFailure);
        }
    }

    /** Asserts a {@link NullPointerException} whose message names {@code parameter}. */
    protected static void assertNpe(String parameter, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, "null " + parameter);
        assertNotNull(e.getMessage(), "NullPointerException without message, expected one naming '" + parameter + "'");
        assertTrue(e.getMessage().contains(parameter),
                "NullPointerException message '" + e.getMessage() + "' does not name '" + parameter + "'");
    }

    protected static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
