package org.genericpool.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.genericpool.BaseConnectionPool;
import org.genericpool.EndpointStats;
import org.genericpool.PoolConfig;
import org.genericpool.PoolStats;
import org.junit.jupiter.api.Test;

/**
 * How a factory configuration's pool is created, reconfigured, replaced, refused and closed,
 * with a scripted host instead of a framework and the engine.
 */
class PoolLifecycleTest {

    private final FakeHost host = new FakeHost();
    private final PoolLifecycle<FakePool> lifecycle = new PoolLifecycle<>("org.genericpool.pool~x", host);

    /** A valid first configuration creates one pool and registers it with the given properties. */
    @Test
    void firstValidConfigurationCreatesAndRegistersThePool() {
        assertTrue(lifecycle.configure(Configs.named("p", "max.size", 4), Map.of("pool.name", "p")));
        FakePool pool = lifecycle.pool();
        assertEquals(List.of(pool), host.created);
        assertEquals(4, pool.config.maxSize());
        assertEquals(Map.of("pool.name", "p"), host.registrations.get(0).properties);
        assertTrue(host.logged.isEmpty());
    }

    /** An update of limits reconfigures the same pool and updates the service properties. */
    @Test
    void updateReconfiguresTheSamePool() {
        lifecycle.configure(Configs.named("p"), Map.of("pool.name", "p"));
        FakePool pool = lifecycle.pool();
        assertTrue(lifecycle.configure(Configs.named("p", "max.size", 3, "min.idle", 0),
                Map.of("pool.name", "p", "max.size", 3)));
        assertSame(pool, lifecycle.pool());
        assertEquals(1, host.created.size());
        assertEquals(3, pool.config.maxSize());
        assertFalse(pool.closed);
        assertEquals(Map.of("pool.name", "p", "max.size", 3), host.registrations.get(0).properties);
        assertFalse(host.registrations.get(0).unregistered);
    }

    /** Changing manager.target unregisters and closes the old pool within its close.timeout, then registers a new one. */
    @Test
    void changedManagerTargetReplacesThePool() {
        lifecycle.configure(Configs.named("p", "close.timeout", 2.5), Map.of());
        FakePool old = lifecycle.pool();
        assertTrue(lifecycle.configure(Configs.named("p", "manager.target", "(genericpool.manager=other)"), Map.of()));
        assertTrue(old.closed);
        assertEquals(Duration.ofMillis(2500), old.closeTimeout);
        assertTrue(host.registrations.get(0).unregistered);
        assertEquals(2, host.created.size());
        assertSame(host.created.get(1), lifecycle.pool());
        assertFalse(host.registrations.get(1).unregistered);
        assertEquals("(genericpool.manager=other)", lifecycle.settings().managerTarget());
    }

    /** Renaming the pool also replaces it, since the name is its JMX identity. */
    @Test
    void changedNameReplacesThePool() {
        lifecycle.configure(Configs.named("p"), Map.of());
        FakePool old = lifecycle.pool();
        lifecycle.configure(Configs.named("q"), Map.of());
        assertTrue(old.closed);
        assertEquals("q", lifecycle.pool().config.name());
    }

    /** An invalid update is logged with property, value and range; the running pool keeps its config. */
    @Test
    void invalidUpdateIsLoggedAndTheOldConfigStays() {
        lifecycle.configure(Configs.named("p", "max.size", 5), Map.of("max.size", 5));
        FakePool pool = lifecycle.pool();
        PoolConfig before = pool.config;
        assertFalse(lifecycle.configure(Configs.named("p", "max.size", 0), Map.of("max.size", 0)));
        assertSame(pool, lifecycle.pool());
        assertSame(before, pool.config);
        assertEquals(0, pool.reconfigurations);
        assertEquals(Map.of("max.size", 5), host.registrations.get(0).properties);
        assertEquals(1, host.logged.size());
        String line = host.logged.get(0);
        assertTrue(line.contains("org.genericpool.pool~x"), line);
        assertTrue(line.contains("invalid max.size: 0 (allowed: 1 .. total.max.size (100))"), line);
        assertTrue(line.contains("the pool keeps its configuration"), line);
    }

    /** An invalid first configuration registers nothing; a later valid one does. */
    @Test
    void invalidFirstConfigurationRegistersNothingUntilFixed() {
        assertFalse(lifecycle.configure(Configs.named("p", "min.idle", 20), Map.of()));
        assertNull(lifecycle.pool());
        assertTrue(host.created.isEmpty());
        assertTrue(host.registrations.isEmpty());
        assertTrue(host.logged.get(0).contains("invalid min.idle: 20 (allowed: 0 .. max.size (10)); no pool is registered"),
                host.logged.get(0));
        assertTrue(lifecycle.configure(Configs.named("p"), Map.of()));
        assertEquals(1, host.registrations.size());
    }

    /** When the engine refuses to create the pool (e.g. its name is taken), it is logged and nothing is registered. */
    @Test
    void engineRefusalIsLoggedAndNothingRegistered() {
        host.failCreate = new IllegalArgumentException("an open pool is already named p");
        assertFalse(lifecycle.configure(Configs.named("p"), Map.of()));
        assertTrue(host.registrations.isEmpty());
        assertTrue(host.logged.get(0).contains("cannot create the pool: an open pool is already named p"));
    }

    /** When registering fails (the bundle is stopping), the new pool is closed again and nothing is kept. */
    @Test
    void failedRegistrationClosesTheNewPool() {
        host.failRegister = new IllegalStateException("bundle context no longer valid");
        assertFalse(lifecycle.configure(Configs.named("p"), Map.of()));
        assertTrue(host.created.get(0).closed);
        assertNull(lifecycle.pool());
        assertTrue(host.logged.get(0).contains("cannot register the pool: bundle context no longer valid"),
                host.logged.get(0));
        lifecycle.close(); // nothing to close
    }

    /** When the pool itself refuses the new config, the refusal is logged and the old config stays. */
    @Test
    void poolRefusalKeepsOldConfig() {
        lifecycle.configure(Configs.named("p"), Map.of("v", 1));
        FakePool pool = lifecycle.pool();
        pool.refuse = true;
        assertFalse(lifecycle.configure(Configs.named("p", "max.size", 4), Map.of("v", 2)));
        assertEquals(10, lifecycle.settings().config().maxSize());
        assertEquals(Map.of("v", 1), host.registrations.get(0).properties);
    }

    /** close() unregisters before it closes, with the configured close.timeout; a second close does nothing. */
    @Test
    void closeUnregistersThenClosesOnce() {
        lifecycle.configure(Configs.named("p", "close.timeout", 0.2), Map.of());
        FakePool pool = lifecycle.pool();
        host.onClose = () -> assertTrue(host.registrations.get(0).unregistered, "unregistered before close");
        lifecycle.close();
        lifecycle.close();
        assertTrue(pool.closed);
        assertEquals(1, pool.closeCalls);
        assertEquals(Duration.ofMillis(200), pool.closeTimeout);
        assertNull(lifecycle.pool());
    }

    /** A host that records what the lifecycle asks of it. */
    private static final class FakeHost implements PoolLifecycle.Host<FakePool> {
        final List<FakePool> created = new ArrayList<>();
        final List<FakeRegistration> registrations = new ArrayList<>();
        final List<String> logged = new ArrayList<>();
        RuntimeException failCreate;
        RuntimeException failRegister;
        Runnable onClose = () -> { };

        @Override
        public FakePool create(PoolConfig config) {
            if (failCreate != null) {
                throw failCreate;
            }
            FakePool pool = new FakePool(config);
            created.add(pool);
            return pool;
        }

        @Override
        public PoolLifecycle.Registration register(FakePool pool, Map<String, Object> properties) {
            if (failRegister != null) {
                throw failRegister;
            }
            FakeRegistration r = new FakeRegistration(properties);
            registrations.add(r);
            return r;
        }

        @Override
        public void close(FakePool pool, Duration timeout) {
            onClose.run();
            pool.closed = true;
            pool.closeCalls++;
            pool.closeTimeout = timeout;
        }

        @Override
        public void log(String message, Throwable cause) {
            logged.add(message);
        }
    }

    private static final class FakeRegistration implements PoolLifecycle.Registration {
        Map<String, Object> properties;
        boolean unregistered;

        FakeRegistration(Map<String, Object> properties) {
            this.properties = properties;
        }

        @Override
        public void update(Map<String, Object> p) {
            properties = p;
        }

        @Override
        public void unregister() {
            unregistered = true;
        }
    }

    /** A pool that only keeps its configuration. */
    private static final class FakePool implements BaseConnectionPool<String> {
        PoolConfig config;
        boolean closed;
        boolean refuse;
        int reconfigurations;
        int closeCalls;
        Duration closeTimeout;

        FakePool(PoolConfig config) {
            this.config = config;
        }

        @Override
        public PoolConfig config() {
            return config;
        }

        @Override
        public void reconfigure(PoolConfig c) {
            if (refuse) {
                throw new IllegalArgumentException("refused");
            }
            reconfigurations++;
            config = c;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public int size(String endpoint) {
            return 0;
        }

        @Override
        public EndpointStats stats(String endpoint) {
            return new EndpointStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public PoolStats stats() {
            return new PoolStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public Set<String> endpoints() {
            return Set.of();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }
}
