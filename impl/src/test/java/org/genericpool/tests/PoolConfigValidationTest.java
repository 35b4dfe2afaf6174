package org.genericpool.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.genericpool.PoolConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@link PoolConfig.Builder#build()}: each invalid value is an
 * {@link IllegalArgumentException} whose message names the property, the value and the allowed
 * range; the boundary values are accepted; the defaults are DESIGN.md's.
 */
@Timeout(10)
class PoolConfigValidationTest {
    /** Words or symbols by which a message states an allowed range. */
    private static final Pattern RANGE = Pattern.compile(">=|<=|\\.\\.|allowed|range|between|at least|at most|non-blank");

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("name", "''", b -> b.name("")),
                bad("name", "'   '", b -> b.name("   ")),
                bad("idleTimeout", "null", b -> b.idleTimeout(null)),
                bad("idleTimeout", "PT-1S", b -> b.idleTimeout(Duration.ofSeconds(-1))),
                bad("idleTimeout", "PT2H", b -> b.idleTimeout(Duration.ofHours(2)).maxLifetime(Duration.ofHours(1))),
                bad("maxLifetime", "null", b -> b.maxLifetime(null)),
                bad("maxLifetime", "PT-0.001S", b -> b.maxLifetime(Duration.ofMillis(-1))),
                bad("minIdle", "-1", b -> b.minIdle(-1)),
                bad("minIdle", "11", b -> b.minIdle(11)),
                bad("maxSize", "0", b -> b.maxSize(0).minIdle(0)),
                bad("maxSize", "-5", b -> b.maxSize(-5).minIdle(0)),
                bad("totalMaxSize", "5", b -> b.totalMaxSize(5)),
                bad("totalMaxSize", "0", b -> b.totalMaxSize(0)),
                bad("acquireTimeout", "PT-0.001S", b -> b.acquireTimeout(Duration.ofMillis(-1))),
                bad("disposeTimeout", "PT-1S", b -> b.disposeTimeout(Duration.ofSeconds(-1))),
                bad("disposeBatchSize", "-1", b -> b.disposeBatchSize(-1)));
    }

    private static Arguments bad(String property, String value, UnaryOperator<PoolConfig.Builder> change) {
        return Arguments.of(property, value, change);
    }

    @ParameterizedTest(name = "{0} = {1} is rejected, naming property, value and range")
    @MethodSource("invalid")
    void invalidValueIsRejected(String property, String value, UnaryOperator<PoolConfig.Builder> change) {
        PoolConfig.Builder builder = change.apply(PoolConfig.builder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        String m = e.getMessage();
        assertTrue(m != null && Pattern.compile("\\b" + property + "\\b").matcher(m).find(),
                "message does not name " + property + ": " + m);
        assertTrue(m.contains(value), "message does not give the value " + value + ": " + m);
        assertTrue(RANGE.matcher(m).find(), "message does not state the allowed range: " + m);
    }

    @Test
    @DisplayName("the boundary values are accepted")
    void boundariesAreAccepted() {
        assertDoesNotThrow(() -> PoolConfig.builder().minIdle(0).build());
        assertDoesNotThrow(() -> PoolConfig.builder().minIdle(10).maxSize(10).build());
        assertDoesNotThrow(() -> PoolConfig.builder().maxSize(1).minIdle(1).totalMaxSize(1).build());
        assertDoesNotThrow(() -> PoolConfig.builder().maxSize(100).totalMaxSize(100).build());
        assertDoesNotThrow(() -> PoolConfig.builder().idleTimeout(Duration.ZERO).maxLifetime(Duration.ZERO).build());
        assertDoesNotThrow(() -> PoolConfig.builder().idleTimeout(Duration.ofHours(1)).maxLifetime(Duration.ofHours(1)).build());
        assertDoesNotThrow(() -> PoolConfig.builder().acquireTimeout(Duration.ZERO).disposeTimeout(Duration.ZERO).build());
        assertDoesNotThrow(() -> PoolConfig.builder().acquireTimeout(null).disposeTimeout(null).build());
        assertDoesNotThrow(() -> PoolConfig.builder().disposeBatchSize(0).build());
        assertDoesNotThrow(() -> PoolConfig.builder().name(null).build());
    }

    @Test
    @DisplayName("the defaults are DESIGN.md's; each build without a name gets a fresh genericpool-N")
    void defaults() {
        PoolConfig c = PoolConfig.builder().build();
        assertTrue(c.name().matches("genericpool-\\d+"), c.name());
        assertEquals(Duration.ofSeconds(60), c.idleTimeout());
        assertEquals(Duration.ofSeconds(3600), c.maxLifetime());
        assertEquals(1, c.minIdle());
        assertEquals(10, c.maxSize());
        assertEquals(100, c.totalMaxSize());
        assertEquals(Optional.empty(), c.acquireTimeout());
        assertFalse(c.backgroundCollector());
        assertEquals(0, c.disposeBatchSize());
        assertEquals(Optional.empty(), c.disposeTimeout());
        assertNotEquals(c.name(), PoolConfig.builder().build().name());
    }

    @Test
    @DisplayName("toBuilder keeps every value, the name included; equals compares all properties")
    void toBuilderRoundTrip() {
        PoolConfig c = PoolConfig.builder().name("x").idleTimeout(Duration.ofSeconds(5)).maxLifetime(Duration.ofSeconds(50))
                .minIdle(2).maxSize(4).totalMaxSize(8).acquireTimeout(Duration.ofMillis(300)).backgroundCollector(true)
                .disposeBatchSize(3).disposeTimeout(Duration.ofSeconds(2)).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        assertNotEquals(c, c.toBuilder().maxSize(5).build());
        assertNotEquals(c, c.toBuilder().acquireTimeout(null).build());
    }

    @Test
    @DisplayName("an invalid builder leaves an earlier config untouched (immutable)")
    void invalidBuildDoesNotTouchEarlierConfig() {
        PoolConfig c = PoolConfig.builder().maxSize(4).build();
        PoolConfig.Builder b = c.toBuilder().maxSize(0);
        assertThrows(IllegalArgumentException.class, b::build);
        assertEquals(4, c.maxSize());
    }
}
