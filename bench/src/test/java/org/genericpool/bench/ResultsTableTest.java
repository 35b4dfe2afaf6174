package org.genericpool.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How the tables merge the trial reports of a scenario run in several forks. */
class ResultsTableTest {

    private static Map<String, String> contended(String created, String maxLive, String held, String opsPerThread,
            String minOverMax, String opsPerSecond) {
        return Map.of("scenario", "contended", "pool", "genericpool", "created", created, "disposed", created,
                "doubleDisposals", "0", "maxLive", maxLive, "totalLimitHeld", held, "opsPerThread", opsPerThread,
                "minOverMax", minOverMax, "opsPerSecond", opsPerSecond);
    }

    @Test
    void oneForkIsTakenAsItIs() {
        Map<String, String> only = contended("2", "2", "true", "[1,2]", "0.500", "100");
        assertSame(only, ResultsTable.mergeForks(List.of(only)));
    }

    @Test
    void forksAreSummedMaximisedAndTheLeastFairForkDecidesFairness() {
        Map<String, String> merged = ResultsTable.mergeForks(List.of(
                contended("2", "2", "true", "[9,10]", "0.900", "300"),
                contended("3", "4", "true", "[5,10]", "0.500", "100"),
                contended("5", "3", "true", "[8,10]", "0.800", "200")));
        assertEquals("10", merged.get("created"));
        assertEquals("10", merged.get("disposed"));
        assertEquals("4", merged.get("maxLive"));
        assertEquals("true", merged.get("totalLimitHeld"));
        assertEquals("200", merged.get("opsPerSecond"), "the median fork's throughput, not the best or the last");
        assertEquals("0.500", merged.get("minOverMax"));
        assertEquals("[5,10]", merged.get("opsPerThread"), "the per-thread counts of the least fair fork");
        assertEquals("3", merged.get("forks"));
    }

    @Test
    void aLimitExceededInOneForkIsExceeded() {
        Map<String, String> merged = ResultsTable.mergeForks(List.of(
                contended("2", "2", "true", "[1,1]", "1.000", "1"),
                contended("2", "9", "false", "[1,1]", "1.000", "1")));
        assertEquals("false", merged.get("totalLimitHeld"));
        assertEquals("9", merged.get("maxLive"));
    }

    private static ResultsTable.Row row(double median, Double... forkMedians) {
        ResultsTable.Row r = new ResultsTable.Row();
        r.median = median;
        r.forkMedians = List.of(forkMedians);
        return r;
    }

    @Test
    void aPeersFastestForkIsShownBesideTheMedian() {
        ResultsTable.Row gp = row(300, 290.0, 300.0, 310.0);
        Map<String, ResultsTable.Row> pools = Map.of("genericpool", gp,
                "httpcore5-lax", row(1300, 600.0, 1300.0, 1400.0),
                "httpcore5-strict", row(1200, 1100.0, 1200.0, 1250.0));
        assertEquals("0.50 x httpcore5-lax's fastest of 3 forks",
                ResultsTable.againstFastestFork(gp, pools, List.of("httpcore5-strict", "httpcore5-lax")));
        assertEquals("0.27 x httpcore5-strict's fastest of 3 forks",
                ResultsTable.againstFastestFork(gp, pools, List.of("httpcore5-strict")));
    }

    @Test
    void oneForkShowsNoFastestFork() {
        ResultsTable.Row gp = row(300, 300.0);
        assertNull(ResultsTable.againstFastestFork(gp, Map.of("httpcore5-lax", row(600, 600.0)), List.of("httpcore5-lax")));
    }

    @Test
    void aRunWithSeveralParametersIsKeyedByAllOfThemInOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("pool", "genericpool");
        params.put("timeout", "10");
        assertEquals("genericpool 10", ResultsTable.paramKey(params));
        assertEquals("httpcore5-lax", ResultsTable.paramKey(Map.of("pool", "httpcore5-lax")));
        assertEquals("", ResultsTable.paramKey(Map.of()));
    }

    private static void timed(ResultsTable.Row r, double median) {
        r.median = median;
        r.unit = "ns/op";
    }

    @Test
    void timedAcquiresAreComparedWithTheUntimedRunOfTheirFlavour() {
        ResultsTable table = new ResultsTable();
        timed(table.row("hot", "genericpool none"), 70);
        timed(table.row("hot", "genericpool 10"), 130);
        timed(table.row("hot", "genericpool-async 10"), 150); // no untimed run of its own: no ratio
        String out = table.timedAcquires();
        assertTrue(out.contains("| genericpool | 10 s | 130 ns/op"), out);
        assertTrue(out.contains("| 1.86 |"), "130 / 70: " + out);
        assertTrue(out.contains("| genericpool-async | 10 s | 150 ns/op | - ± - | - | - |\n"), out);
        assertEquals("", new ResultsTable().timedAcquires(), "nothing without the benchmark's runs");
    }
}
