package org.genericpool;

/**
 * A snapshot of a whole pool's statistics, read without stopping the pool: its fields may be a
 * moment apart (for example {@code acquired + idle} may differ from {@code total} by connections
 * being created or changing hands). Immutable snapshot; thread-safe.
 *
 * @param total     all connections, including ones being created
 * @param acquired  connections leased now
 * @param idle      idle connections
 * @param pending   callers waiting now
 * @param endpoints endpoints holding connections or waiters
 * @param created   connections created since the pool opened
 * @param disposed  connections disposed since the pool opened
 * @param dead      connections an aliveness check found dead
 * @param acquires  successful hand-outs
 * @param timeouts  acquires that failed with {@link AcquireTimeoutException} (deadline passed,
 *                  or the manager's create timed out)
 */
public record PoolStats(int total, int acquired, int idle, int pending, int endpoints,
                        long created, long disposed, long dead, long acquires, long timeouts) {
}
