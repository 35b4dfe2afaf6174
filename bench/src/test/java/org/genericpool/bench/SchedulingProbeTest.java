package org.genericpool.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The diagnostic probe runs its scenario on every thread and counts what it reports; nothing about timing. */
@EnabledOnOs(OS.LINUX)
class SchedulingProbeTest {

    @Test
    void everyThreadRunsAndEveryConnectionIsDisposed() throws Exception {
        for (boolean disjoint : new boolean[] {false, true}) {
            Connections connections;
            SchedulingProbe.Round round;
            try (SchedulingProbe probe = new SchedulingProbe("genericpool", Scenario.SPREAD_4T, disjoint)) {
                round = probe.round(50);
                connections = probe.connections();
            }
            assertEquals(4, round.threads());
            assertTrue(round.leastOps() > 0, "every thread ran operations: " + round);
            assertTrue(round.cpuNanos() > 0 && round.wallNanos() >= 50_000_000L, "measured the round: " + round);
            assertEquals(connections.created(), connections.disposed(), "close disposed every connection");
            assertEquals(connections.created(), round.created(), "the only round made every connection: " + round);
            if (disjoint) {
                // no endpoint used by two threads at once: never a second connection for one
                assertTrue(connections.created() <= Scenario.SPREAD_4T.spec().endpoints(),
                        "one connection per endpoint: " + connections.created());
            }
        }
    }

    @Test
    void contextSwitchesCountASleep() throws Exception {
        long before = SchedulingProbe.contextSwitches()[0];
        Thread.sleep(5);
        assertTrue(SchedulingProbe.contextSwitches()[0] > before, "a sleep leaves the core voluntarily");
    }

    @Test
    void schedStatCountsThisThreadsCpuTime() {
        ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
        long before = SchedulingProbe.schedStat()[0];
        long jvmBefore = jvm.getCurrentThreadCpuTime();
        long giveUp = System.nanoTime() + 5_000_000_000L;
        long x = 0;
        // Busy until the JVM counts 20 ms of this thread's CPU time (or 5 s pass on a starved machine).
        while (jvm.getCurrentThreadCpuTime() - jvmBefore < 20_000_000L && System.nanoTime() - giveUp < 0) {
            for (int i = 0; i < 1_000; i++) {
                x += x * 31 + 1;
            }
        }
        long used = SchedulingProbe.schedStat()[0] - before;
        long jvmUsed = jvm.getCurrentThreadCpuTime() - jvmBefore;
        assertTrue(jvmUsed >= 20_000_000L, "the thread got 20 ms of CPU within 5 s: " + jvmUsed + " ns (" + x + ")");
        assertTrue(used >= jvmUsed / 2, "schedstat counts the CPU time the JVM counts: " + used + " vs " + jvmUsed + " ns");
    }

    @Test
    void disjointNeedsEndpointsForEveryThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SchedulingProbe("genericpool", Scenario.HOT_4T, true));
        assertEquals("--disjoint needs endpoints (1) divisible by threads (4)", e.getMessage());
    }
}
