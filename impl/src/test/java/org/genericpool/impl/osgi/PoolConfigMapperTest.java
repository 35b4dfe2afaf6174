package org.genericpool.impl.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.genericpool.PoolConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping of ConfigAdmin properties to {@link PoolSettings}, without a framework. */
class PoolConfigMapperTest {

    /** Every default of the OSGi configuration equals the default of {@link PoolConfig}. */
    @Test
    void defaultsAreThoseOfPoolConfig() throws Exception {
        PoolSettings settings = PoolConfigMapper.map(Configs.named("p1"));
        PoolConfig expected = PoolConfig.builder().name("p1").build();
        assertEquals(expected, settings.config());
        assertEquals("(genericpool.manager=tcp)", settings.managerTarget());
        assertEquals(Duration.ofSeconds(10), settings.closeTimeout());
    }

    /** Each property lands in its PoolConfig counterpart; seconds may have decimals. */
    @Test
    void everyPropertyIsMapped() throws Exception {
        PoolSettings s = PoolConfigMapper.map(Configs.named("p2",
                "manager.target", " (genericpool.manager=itest) ",
                "idle.timeout", 1.5, "max.lifetime", 120.25, "min.idle", 2, "max.size", 7,
                "total.max.size", 30, "acquire.timeout", 0.25, "background.collector", true,
                "dispose.batch.size", 3, "dispose.timeout", 2.0, "close.timeout", 0.5));
        PoolConfig c = s.config();
        assertEquals("p2", c.name());
        assertEquals(Duration.ofMillis(1500), c.idleTimeout());
        assertEquals(Duration.ofMillis(120_250), c.maxLifetime());
        assertEquals(2, c.minIdle());
        assertEquals(7, c.maxSize());
        assertEquals(30, c.totalMaxSize());
        assertEquals(Optional.of(Duration.ofMillis(250)), c.acquireTimeout());
        assertTrue(c.backgroundCollector());
        assertEquals(3, c.disposeBatchSize());
        assertEquals(Optional.of(Duration.ofSeconds(2)), c.disposeTimeout());
        assertEquals(Duration.ofMillis(500), s.closeTimeout());
        assertEquals("(genericpool.manager=itest)", s.managerTarget());
    }

    /** -1 means "no limit" for acquire.timeout and "none" for dispose.timeout; 0 is a real zero. */
    @Test
    void minusOneMeansNoTimeoutAndZeroIsZero() throws Exception {
        PoolConfig none = PoolConfigMapper.map(Configs.named("p3", "acquire.timeout", -1.0,
                "dispose.timeout", -1.0)).config();
        assertEquals(Optional.empty(), none.acquireTimeout());
        assertEquals(Optional.empty(), none.disposeTimeout());
        PoolConfig zero = PoolConfigMapper.map(Configs.named("p3", "acquire.timeout", 0.0,
                "dispose.timeout", 0.0)).config();
        assertEquals(Optional.of(Duration.ZERO), zero.acquireTimeout());
        assertEquals(Optional.of(Duration.ZERO), zero.disposeTimeout());
    }

    /** Sub-millisecond seconds keep nanosecond precision. */
    @Test
    void secondsKeepNanosecondPrecision() throws Exception {
        PoolConfig c = PoolConfigMapper.map(Configs.named("p4", "idle.timeout", 0.000_001_5)).config();
        assertEquals(Duration.ofNanos(1500), c.idleTimeout());
    }

    /**
     * A refused configuration names the property as ConfigAdmin spells it, the value and the
     * allowed range; the cases cover every rule of PoolConfig plus the OSGi-only ones.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "max.size|0|invalid max.size: 0 (allowed: 1 .. total.max.size (100))",
        "max.size|101|invalid max.size: 101 (allowed: 1 .. total.max.size (100))",
        "total.max.size|5|invalid max.size: 10 (allowed: 1 .. total.max.size (5))",
        "min.idle|-1|invalid min.idle: -1 (allowed: 0 .. max.size (10))",
        "min.idle|11|invalid min.idle: 11 (allowed: 0 .. max.size (10))",
        "idle.timeout|-0.5|invalid idle.timeout: -0.5 (allowed: 0 .. max.lifetime (3600.0))",
        "idle.timeout|3600.5|invalid idle.timeout: 3600.5 (allowed: 0 .. max.lifetime (3600.0))",
        "max.lifetime|-1|invalid max.lifetime: -1.0 (allowed: 0 .. 1000000000)",
        "max.lifetime|NaN|invalid max.lifetime: NaN (allowed: 0 .. 1000000000)",
        "acquire.timeout|-2|invalid acquire.timeout: -2.0 (allowed: -1 (none) or 0 .. 1000000000)",
        "dispose.timeout|-0.5|invalid dispose.timeout: -0.5 (allowed: -1 (none) or 0 .. 1000000000)",
        "close.timeout|-1|invalid close.timeout: -1.0 (allowed: 0 .. 1000000000)",
        "close.timeout|Infinity|invalid close.timeout: Infinity (allowed: 0 .. 1000000000)",
        "dispose.batch.size|-3|invalid dispose.batch.size: -3 (allowed: >= 0 (0 = automatic))",
        "pool.name|'  '|invalid pool.name: '  ' (allowed: a non-blank string)",
        "manager.target|''|invalid manager.target: '' (allowed: an LDAP filter such as (genericpool.manager=tcp))",
    })
    void invalidValueIsRefusedNamingPropertyValueAndRange(String property, String value, String message) {
        Object typed = typed(property, value);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PoolConfigMapper.map(Configs.named("p5", property, typed)));
        assertEquals(message, e.getMessage());
    }

    /** A configuration without pool.name is refused: the name is required. */
    @Test
    void missingPoolNameIsRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> PoolConfigMapper.map(Configs.of(Map.of("max.size", 3))));
        assertEquals("pool.name", e.property());
        assertEquals("invalid pool.name: missing (allowed: a non-blank string)", e.getMessage());
    }

    /** Only the name, the manager filter and background.collector replace the pool: other changes reconfigure it. */
    @Test
    void onlyNameAndManagerTargetReplaceThePool() throws Exception {
        PoolSettings base = PoolConfigMapper.map(Configs.named("a"));
        assertFalse(PoolConfigMapper.map(Configs.named("a", "max.size", 3, "min.idle", 0,
                "close.timeout", 1.0)).replaces(base));
        assertTrue(PoolConfigMapper.map(Configs.named("b")).replaces(base));
        assertTrue(PoolConfigMapper.map(Configs.named("a", "manager.target", "(x=y)")).replaces(base));
        assertTrue(PoolConfigMapper.map(Configs.named("a", "background.collector", true)).replaces(base));
    }

    private static Object typed(String property, String value) {
        switch (property) {
            case "max.size":
            case "total.max.size":
            case "min.idle":
            case "dispose.batch.size":
                return Integer.valueOf(value);
            case "pool.name":
            case "manager.target":
                return value;
            default:
                return Double.valueOf(value);
        }
    }
}
