package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.JMX;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.genericpool.management.ConnectionPoolMXBean;
import org.genericpool.management.EndpointStatsRow;
import org.genericpool.tests.support.PendingAcquire;
import org.genericpool.tests.support.ScriptedManager;
import org.genericpool.tests.support.TestConnection;
import org.genericpool.tests.support.TestPool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md "JMX", read back through {@link ManagementFactory#getPlatformMBeanServer()} as a JMX
 * client sees it (attributes by name, rows as {@code CompositeData[]}), for both flavours.
 */
@Timeout(30)
public abstract class JmxContract extends PoolTestBase {
    private static final List<String> ROW_ITEMS = List.of("endpoint", "total", "acquired", "idle", "pending",
            "created", "disposed", "dead", "acquires", "timeouts");
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private String uniqueName(String what) {
        return "jmx-" + what + "-" + flavour().name().toLowerCase() + "-" + System.nanoTime();
    }

    private static ObjectName objectName(String poolName) throws Exception {
        return new ObjectName("org.genericpool:type=ConnectionPool,name=" + poolName);
    }

    @Test
    @DisplayName("the MXBean shows config, totals and per-endpoint rows (CompositeData[] with the ten items)")
    void attributes() throws Exception {
        String name = uniqueName("attrs");
        TestPool pool = open(config().name(name).minIdle(1).maxSize(2).totalMaxSize(7)
                .idleTimeout(Duration.ofSeconds(30)).maxLifetime(Duration.ofSeconds(600)));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        pool.release(1, b);               // endpoint 1: 1 leased, 1 idle
        TestConnection c = pool.acquire(2); // endpoint 2: 1 leased
        TestConnection d = pool.acquire(3);
        TestConnection e = pool.acquire(3);
        PendingAcquire w = pool.startAcquire(3, null); // endpoint 3: 2 leased, 1 waiting
        w.awaitQueued();

        ObjectName on = objectName(name);
        assertTrue(server.isRegistered(on), on + " registered");
        assertEquals(name, server.getAttribute(on, "Name"));
        assertEquals(5, number(on, "Size"));
        assertEquals(4, number(on, "Acquired"));
        assertEquals(1, number(on, "Idle"));
        assertEquals(1, number(on, "Pending"));
        assertEquals(3, number(on, "EndpointCount"));
        assertEquals(1, number(on, "MinIdle"));
        assertEquals(2, number(on, "MaxSize"));
        assertEquals(7, number(on, "TotalMaxSize"));
        assertEquals(30.0, ((Number) server.getAttribute(on, "IdleTimeoutSeconds")).doubleValue(), 1e-9);
        assertEquals(600.0, ((Number) server.getAttribute(on, "MaxLifetimeSeconds")).doubleValue(), 1e-9);

        Map<String, CompositeData> rows = rows(on);
        assertEquals(Set.of("1", "2", "3"), rows.keySet());
        for (CompositeData row : rows.values()) {
            assertTrue(row.getCompositeType().keySet().containsAll(ROW_ITEMS), "row items " + row.getCompositeType().keySet());
        }
        assertRow(rows.get("1"), 2, 1, 1, 0, 2, 0, 0, 2, 0);
        assertRow(rows.get("2"), 1, 1, 0, 0, 1, 0, 0, 1, 0);
        assertRow(rows.get("3"), 2, 2, 0, 1, 2, 0, 0, 2, 0);

        for (MBeanAttributeInfo info : server.getMBeanInfo(on).getAttributes()) {
            assertFalse(info.isWritable(), info.getName() + " is writable");
        }

        pool.release(3, d);
        pool.release(3, w.join());
        pool.release(3, e);
        pool.release(1, a);
        pool.release(2, c);
    }

    @Test
    @DisplayName("attributes follow a reconfiguration")
    void attributesFollowReconfigure() throws Exception {
        String name = uniqueName("reconf");
        TestPool pool = open(config().name(name).maxSize(2));
        pool.reconfigure(pool.config().toBuilder().maxSize(5).idleTimeout(Duration.ofMillis(1500)).build());
        ObjectName on = objectName(name);
        assertEquals(5, number(on, "MaxSize"));
        assertEquals(1.5, ((Number) server.getAttribute(on, "IdleTimeoutSeconds")).doubleValue(), 1e-9);
    }

    @Test
    @DisplayName("the MXBean is unregistered on close")
    void unregisteredOnClose() throws Exception {
        String name = uniqueName("close");
        TestPool pool = open(config().name(name));
        ObjectName on = objectName(name);
        assertTrue(server.isRegistered(on));
        pool.close();
        assertFalse(server.isRegistered(on));
    }

    @Test
    @DisplayName("a second open pool with the same name is an IllegalArgumentException; the name is free again after close")
    void duplicateNameIsRejected() throws Exception {
        String name = uniqueName("dup");
        TestPool first = open(config().name(name));
        ObjectName on = objectName(name);
        ScriptedManager other = new ScriptedManager();
        assertThrows(IllegalArgumentException.class,
                () -> org.genericpool.ConnectionPools.create(other, config().name(name).build()));
        assertThrows(IllegalArgumentException.class,
                () -> org.genericpool.ConnectionPools.createAsync(other.async(), config().name(name).build()));
        assertTrue(server.isRegistered(on));
        assertEquals(name, server.getAttribute(on, "Name"));
        first.release(1, first.acquire(1)); // the first pool still works
        assertEquals(0, other.createCalls());

        first.close();
        TestPool second = open(config().name(name));
        assertTrue(server.isRegistered(on));
        second.close();
        assertFalse(server.isRegistered(on));
    }

    @Test
    @DisplayName("a name an ObjectName value can hold as it is is registered unquoted, so a client writing it plainly finds the pool")
    void plainNamesStayUnquoted() throws Exception {
        for (String what : List.of("pool(1)", "caf\u00e9", "back\\slash", "a!b%[x]", " spaced ")) {
            String name = uniqueName(what);
            assertRegisteredUnder(name, objectName(name));
        }
    }

    @Test
    @DisplayName("a name holding , = : \" * ? or a newline is registered as ObjectName.quote writes it")
    void namesThatNeedItAreQuoted() throws Exception {
        for (String what : List.of("a,b=c:d*", "a\"b", "a?b", "a\nb", "x,type=Other")) {
            String name = uniqueName(what);
            assertRegisteredUnder(name, new ObjectName("org.genericpool:type=ConnectionPool,name=" + ObjectName.quote(name)));
        }
    }

    /** Opens a pool called {@code name}, finds it under {@code on} while open, and not after close. */
    private void assertRegisteredUnder(String name, ObjectName on) throws Exception {
        TestPool pool = open(config().name(name));
        assertTrue(server.isRegistered(on), on + " registered");
        assertEquals(name, server.getAttribute(on, "Name"));
        pool.close();
        assertFalse(server.isRegistered(on));
    }

    @Test
    @DisplayName("EndpointStats shows at most 1000 rows, those of the endpoints holding the most connections")
    void atMostAThousandRows() throws Exception {
        String name = uniqueName("rows");
        TestPool pool = open(config().name(name).minIdle(3).maxSize(3).totalMaxSize(5000));
        for (int ep = 1; ep <= 1100; ep++) {
            pool.release(ep, pool.acquire(ep));
        }
        TestConnection[] big = {pool.acquire(5000), pool.acquire(5000), pool.acquire(5000)};
        for (TestConnection c : big) {
            pool.release(5000, c);
        }
        ObjectName on = objectName(name);
        assertEquals(1101, number(on, "EndpointCount"));
        Map<String, CompositeData> rows = rows(on);
        assertEquals(ConnectionPoolMXBean.MAX_ENDPOINT_ROWS, rows.size());
        assertNotNull(rows.get("5000"), "the endpoint with the most connections is shown");
        assertEquals(3, ((Number) rows.get("5000").get("total")).intValue());
    }

    @Test
    @DisplayName("an MXBean proxy reads rows back as EndpointStatsRow; evictIdle disposes idle connections")
    void proxyAndEvictIdle() throws Exception {
        String name = uniqueName("proxy");
        TestPool pool = open(config().name(name).minIdle(2));
        TestConnection a = pool.acquire(1);
        TestConnection b = pool.acquire(1);
        TestConnection c = pool.acquire(2);
        pool.release(1, a);
        pool.release(1, b);
        ConnectionPoolMXBean proxy = JMX.newMXBeanProxy(server, objectName(name), ConnectionPoolMXBean.class);
        assertEquals(name, proxy.getName());
        assertEquals(3, proxy.getSize());
        List<EndpointStatsRow> rows = proxy.getEndpointStats();
        assertEquals(2, rows.size());
        EndpointStatsRow one = rows.stream().filter(r -> r.getEndpoint().equals("1")).findFirst().orElseThrow();
        assertEquals(2, one.getIdle());

        assertEquals(2, proxy.evictIdle());
        assertTrue(a.isDisposed() && b.isDisposed());
        assertFalse(c.isDisposed(), "a leased connection is untouched");
        assertEquals(1, proxy.getSize());
        pool.release(2, c);
    }

    private int number(ObjectName on, String attribute) throws Exception {
        return ((Number) server.getAttribute(on, attribute)).intValue();
    }

    private Map<String, CompositeData> rows(ObjectName on) throws Exception {
        Object value = server.getAttribute(on, "EndpointStats");
        assertInstanceOf(CompositeData[].class, value, "EndpointStats as a JMX client sees it");
        Map<String, CompositeData> byEndpoint = new HashMap<>();
        Arrays.stream((CompositeData[]) value).forEach(r -> byEndpoint.put((String) r.get("endpoint"), r));
        assertEquals(((CompositeData[]) value).length, byEndpoint.size(), "one row per endpoint");
        return byEndpoint;
    }

    private static void assertRow(CompositeData row, long... expected) {
        for (int i = 0; i < expected.length; i++) {
            String item = ROW_ITEMS.get(i + 1);
            assertEquals(expected[i], ((Number) row.get(item)).longValue(), "row " + row.get("endpoint") + " item " + item);
        }
    }
}
