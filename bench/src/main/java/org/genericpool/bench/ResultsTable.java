package org.genericpool.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns one JMH run into the README's tables: per scenario, each pool's time and allocation
 * per operation, connections created, and genericpool's ratio to it; then the targets of
 * issue 4, each met or missed. Ratios are only ever taken within the run given, between the
 * medians of the measured iterations (robust against an iteration spoiled by a busy machine).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.genericpool.bench.ResultsTable
 * results.json [jmh-console.log]} where the JSON (or CSV) is JMH's {@code -rf json} output (with
 * {@code -prof gc} for B/op) and the log its console output (for the {@link TrialReport} lines).
 */
public final class ResultsTable {

    private static final List<String> ORDER = List.of("hot_1t", "hot_4t", "spread_1t", "spread_4t", "contended",
            "crossKey", "manyEndpoints");

    /** One pool in one scenario. */
    static final class Row {
        /** The median of the measured iterations (JSON input), else the mean. */
        double median = Double.NaN;
        /** The median of each fork's measured iterations (JSON input); empty otherwise. */
        List<Double> forkMedians = List.of();
        double score = Double.NaN;
        double error = Double.NaN;
        String unit = "";
        double bytesPerOp = Double.NaN;
        /** CPU time of the whole JVM per operation, ns ({@code -prof perfnorm:events=task-clock}). */
        double cpuPerOp = Double.NaN;
        Map<String, String> report = Map.of();
    }

    private final Map<String, Map<String, Row>> rows = new LinkedHashMap<>();

    ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ResultsTable results.csv [jmh-console.log]");
            System.exit(2);
        }
        ResultsTable table = new ResultsTable();
        if (args[0].endsWith(".json")) {
            table.readJson(Path.of(args[0]));
        } else {
            table.readCsv(Path.of(args[0]));
        }
        if (args.length > 1) {
            table.readReports(Path.of(args[1]));
        }
        System.out.print(table.render());
    }

    Row row(String scenario, String pool) {
        return rows.computeIfAbsent(scenario, k -> new LinkedHashMap<>()).computeIfAbsent(pool, k -> new Row());
    }

    void readCsv(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = splitCsv(line);
            if (f.size() < 7) {
                continue;
            }
            String benchmark = f.get(0);
            String secondary = null;
            int colon = benchmark.indexOf(':');
            if (colon >= 0) {
                secondary = benchmark.substring(colon + 1);
                benchmark = benchmark.substring(0, colon);
            }
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String param = "";
            for (int i = 7; i < f.size(); i++) {
                if (!f.get(i).isEmpty()) {
                    param = f.get(i);
                    break;
                }
            }
            Row r = row(method, param);
            double score = parse(f.get(4));
            if (secondary == null) {
                r.score = score;
                r.median = score;
                r.error = parse(f.get(5));
                r.unit = f.get(6);
            } else if (secondary.equals("gc.alloc.rate.norm")) {
                r.bytesPerOp = score;
            } else if (secondary.equals("task-clock")) {
                r.cpuPerOp = score * 1e6; // perf reports task-clock in ms
            }
        }
    }

    @SuppressWarnings("unchecked")
    void readJson(Path json) throws IOException {
        List<Object> runs = (List<Object>) Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        for (Object o : runs) {
            Map<String, Object> run = (Map<String, Object>) o;
            String benchmark = (String) run.get("benchmark");
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<String, Object> params = (Map<String, Object>) run.getOrDefault("params", Map.of());
            Row r = row(method, paramKey(params));
            Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
            r.score = number(primary.get("score"));
            r.error = number(primary.get("scoreError"));
            r.unit = (String) primary.get("scoreUnit");
            List<Double> samples = new ArrayList<>();
            List<Double> forkMedians = new ArrayList<>();
            for (Object fork : (List<Object>) primary.getOrDefault("rawData", List.of())) {
                List<Double> forkSamples = new ArrayList<>();
                for (Object v : (List<Object>) fork) {
                    forkSamples.add(number(v));
                }
                samples.addAll(forkSamples);
                if (!forkSamples.isEmpty()) {
                    forkMedians.add(median(forkSamples));
                }
            }
            r.median = samples.isEmpty() ? r.score : median(samples);
            r.forkMedians = forkMedians;
            Map<String, Object> secondary = (Map<String, Object>) run.getOrDefault("secondaryMetrics", Map.of());
            for (Map.Entry<String, Object> e : secondary.entrySet()) {
                String name = e.getKey().replace("\u00b7", "");
                double value = number(((Map<String, Object>) e.getValue()).get("score"));
                if (name.equals("gc.alloc.rate.norm")) {
                    r.bytesPerOp = value;
                } else if (name.equals("task-clock")) {
                    r.cpuPerOp = value * 1e6; // perf reports task-clock in ms
                }
            }
        }
    }

    /**
     * @return a run's row key: its one parameter's value (the pool, in the keyed scenarios), or
     *         all its parameters' values joined by spaces, in their order, when it has several
     *         ({@link TimedAcquireBenchmark}: pool and timeout)
     */
    static String paramKey(Map<String, Object> params) {
        StringJoiner key = new StringJoiner(" ");
        params.values().forEach(v -> key.add(String.valueOf(v)));
        return key.toString();
    }

    private static double number(Object o) {
        if (o instanceof Double) {
            return (Double) o;
        }
        return o == null ? Double.NaN : num(o.toString());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    void readReports(Path log) throws IOException {
        Map<Row, List<Map<String, String>>> forks = new LinkedHashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int at = line.indexOf(TrialReport.PREFIX);
            if (at < 0) {
                continue;
            }
            Map<String, String> kv = new HashMap<>();
            for (String token : line.substring(at + TrialReport.PREFIX.length()).trim().split(" ")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    kv.put(token.substring(0, eq), token.substring(eq + 1));
                }
            }
            if (kv.containsKey("scenario") && kv.containsKey("pool")) {
                forks.computeIfAbsent(row(kv.get("scenario"), kv.get("pool")), k -> new ArrayList<>()).add(kv);
            }
        }
        forks.forEach((row, reports) -> row.report = mergeForks(reports));
    }

    /**
     * Merges the reports of one pool's forks in one scenario (a benchmark run with several forks
     * prints one per fork): connections created, disposed and disposed twice are summed, the most
     * live is the highest, the total limit held only if it held in every fork; in
     * {@code contended} the throughput is the forks' median and the fairness the least fair fork's
     * (with that fork's per-thread counts), so that one lucky fork cannot pass the target.
     */
    static Map<String, String> mergeForks(List<Map<String, String>> reports) {
        if (reports.size() == 1) {
            return reports.get(0);
        }
        Map<String, String> merged = new HashMap<>(reports.get(0));
        for (String key : List.of("created", "disposed", "doubleDisposals")) {
            long sum = 0;
            for (Map<String, String> r : reports) {
                sum += Long.parseLong(r.getOrDefault(key, "0"));
            }
            merged.put(key, Long.toString(sum));
        }
        long maxLive = 0;
        boolean held = true;
        List<Double> throughput = new ArrayList<>();
        List<Double> retained = new ArrayList<>();
        Map<String, String> leastFair = null;
        for (Map<String, String> r : reports) {
            maxLive = Math.max(maxLive, Long.parseLong(r.getOrDefault("maxLive", "0")));
            held &= "true".equals(r.get("totalLimitHeld"));
            addIfNumber(throughput, r.get("opsPerSecond"));
            addIfNumber(retained, r.get("retainedBytes"));
            if (r.containsKey("minOverMax")
                    && (leastFair == null || num(r.get("minOverMax")) < num(leastFair.get("minOverMax")))) {
                leastFair = r;
            }
        }
        merged.put("maxLive", Long.toString(maxLive));
        merged.put("totalLimitHeld", Boolean.toString(held));
        if (!throughput.isEmpty()) {
            merged.put("opsPerSecond", String.format(Locale.ROOT, "%.0f", median(throughput)));
        }
        if (!retained.isEmpty()) {
            merged.put("retainedBytes", String.format(Locale.ROOT, "%.0f", median(retained)));
        }
        if (leastFair != null) {
            merged.put("minOverMax", leastFair.get("minOverMax"));
            merged.put("opsPerThread", leastFair.get("opsPerThread"));
        }
        merged.put("forks", Integer.toString(reports.size()));
        return merged;
    }

    private static void addIfNumber(List<Double> values, String s) {
        double v = num(s);
        if (!Double.isNaN(v)) {
            values.add(v);
        }
    }

    String render() {
        StringBuilder out = new StringBuilder();
        for (String scenario : ORDER) {
            Map<String, Row> pools = rows.get(scenario);
            if (pools == null) {
                continue;
            }
            boolean many = scenario.equals("manyEndpoints");
            out.append("#### ").append(scenario).append("\n\n");
            boolean contended = scenario.equals("contended");
            // Single-shot iterations are dominated by the set-up's full GCs: no CPU column there.
            boolean cpu = !many && pools.values().stream().anyMatch(r -> !Double.isNaN(r.cpuPerOp));
            out.append("| pool | time/op (median) | mean ± 99.9% |").append(cpu ? " CPU ns/op |" : "").append(" B/op | created |");
            out.append(contended ? " ops/s (all threads; median of forks) | per-thread ops, least/most (least fair fork) |" : "");
            out.append(scenario.equals("crossKey") ? " most live (limit 8) |" : "");
            out.append(many ? " retained B per endpoint |" : "");
            out.append(many ? "" : " genericpool ÷ pool | genericpool-async ÷ pool |");
            out.append("\n|---|---:|---:|").append(cpu ? "---:|" : "").append("---:|---:|");
            out.append(contended ? "---:|---:|" : "");
            out.append(scenario.equals("crossKey") ? "---:|" : "");
            out.append(many ? "---:|" : "---:|---:|");
            out.append('\n');
            Row gp = pools.get("genericpool");
            Row gpa = pools.get("genericpool-async");
            for (String pool : orderedPools(pools)) {
                Row r = pools.get(pool);
                out.append("| ").append(pool)
                        .append(" | ").append(fmt(r.median)).append(' ').append(r.unit)
                        .append(" | ").append(fmt(r.score)).append(" ± ").append(fmt(r.error))
                        .append(cpu ? " | " + fmt(r.cpuPerOp) : "")
                        .append(" | ").append(fmt(r.bytesPerOp))
                        .append(" | ").append(r.report.getOrDefault("created", "?"))
                        .append(" |");
                if (contended) {
                    out.append(' ').append(fmt(num(r.report.get("opsPerSecond")))).append(" | ")
                            .append(r.report.getOrDefault("opsPerThread", "?"))
                            .append(" = ").append(r.report.getOrDefault("minOverMax", "?")).append(" |");
                }
                if (scenario.equals("crossKey")) {
                    out.append(' ').append(r.report.getOrDefault("maxLive", "?"))
                            .append("true".equals(r.report.get("enforcesTotal")) ? "" : " (no total limit)")
                            .append(" |");
                }
                if (many) {
                    out.append(' ').append(fmt(num(r.report.get("retainedBytes")) / ManyEndpointsBenchmark.ENDPOINTS))
                            .append(" |");
                } else {
                    out.append(' ').append(ratio(gp, r, contended)).append(" | ")
                            .append(ratio(gpa, r, contended)).append(" |");
                }
                out.append('\n');
            }
            out.append('\n');
        }
        out.append(transports());
        out.append(timedAcquires());
        out.append(targets());
        return out.toString();
    }

    private static List<String> orderedPools(Map<String, Row> pools) {
        List<String> ordered = new ArrayList<>();
        for (String p : Pools.ALL) {
            if (pools.containsKey(p)) {
                ordered.add(p);
            }
        }
        for (String p : pools.keySet()) {
            if (!ordered.contains(p)) {
                ordered.add(p);
            }
        }
        return ordered;
    }

    /** In {@code contended} the ratio is of aggregate throughput (a starved thread inflates JMH's average). */
    private static String ratio(Row ours, Row theirs, boolean contended) {
        if (ours == null) {
            return "-";
        }
        if (contended) {
            double a = num(ours.report.get("opsPerSecond"));
            double b = num(theirs.report.get("opsPerSecond"));
            return String.format(Locale.ROOT, "%.2f (time, by ops/s)", b / a);
        }
        if (!Double.isNaN(ours.cpuPerOp) && !Double.isNaN(theirs.cpuPerOp)) {
            return String.format(Locale.ROOT, "%.2f (CPU %.2f)", ours.median / theirs.median, ours.cpuPerOp / theirs.cpuPerOp);
        }
        return String.format(Locale.ROOT, "%.2f", ours.median / theirs.median);
    }

    /** Issue 5's figures: aliveness per transport (target under 5 us) and the pooled versus fresh round trip. */
    private String transports() {
        StringBuilder out = new StringBuilder();
        Map<String, Row> alive = rows.get("checkAliveness");
        if (alive != null) {
            out.append("#### checkAliveness of an idle healthy connection (issue 5, target < 5 us)\n\n")
                    .append("| transport | time/op (median) | mean ± 99.9% | B/op | < 5 us |\n|---|---:|---:|---:|---|\n");
            for (Map.Entry<String, Row> e : alive.entrySet()) {
                Row r = e.getValue();
                double nanos = r.unit.startsWith("us") ? r.median * 1000 : r.median;
                out.append("| ").append(e.getKey()).append(" | ").append(fmt(r.median)).append(' ').append(r.unit)
                        .append(" | ").append(fmt(r.score)).append(" ± ").append(fmt(r.error)).append(" | ").append(fmt(r.bytesPerOp))
                        .append(" | ").append(nanos < 5000 ? "yes" : "**no**").append(" |\n");
            }
            out.append('\n');
        }
        Map<String, Row> pooled = rows.get("pooled");
        Map<String, Row> fresh = rows.get("fresh");
        if (pooled != null && fresh != null) {
            Row p = pooled.values().iterator().next();
            Row f = fresh.values().iterator().next();
            out.append("#### 64-byte request/response over loopback TCP (issue 5)\n\n")
                    .append("| connection | time/op (median) | mean ± 99.9% | B/op |\n|---|---:|---:|---:|\n")
                    .append("| pooled (genericpool + TcpConnectionManager) | ").append(fmt(p.median)).append(' ').append(p.unit)
                    .append(" | ").append(fmt(p.score)).append(" ± ").append(fmt(p.error)).append(" | ").append(fmt(p.bytesPerOp)).append(" |\n")
                    .append("| fresh connect per request | ").append(fmt(f.median)).append(' ').append(f.unit)
                    .append(" | ").append(fmt(f.score)).append(" ± ").append(fmt(f.error)).append(" | ").append(fmt(f.bytesPerOp)).append(" |\n\n")
                    .append(String.format(Locale.ROOT, "A fresh connection per request costs %.1f x the pooled one.%n%n",
                            f.median / p.median));
        }
        return out.toString();
    }

    /** {@link TimedAcquireBenchmark}: each flavour with a configured acquire timeout against none, in one run. */
    String timedAcquires() {
        StringBuilder out = new StringBuilder();
        for (String method : List.of("hot", "evicting")) {
            Map<String, Row> runs = rows.get(method);
            if (runs == null) {
                continue;
            }
            out.append("#### ").append(method).append(" with and without an acquire timeout (genericpool alone, 1 thread)\n\n")
                    .append("| pool | acquire timeout | time/op (median) | mean ± 99.9% | B/op | timed ÷ untimed |\n")
                    .append("|---|---|---:|---:|---:|---:|\n");
            for (Map.Entry<String, Row> e : runs.entrySet()) {
                String[] key = e.getKey().split(" ");
                if (key.length != 2) {
                    continue;
                }
                Row r = e.getValue();
                Row untimed = runs.get(key[0] + " none");
                String ratio = untimed == null || key[1].equals("none") ? "-"
                        : String.format(Locale.ROOT, "%.2f", r.median / untimed.median);
                out.append("| ").append(key[0]).append(" | ").append(key[1].equals("none") ? "none" : key[1] + " s")
                        .append(" | ").append(fmt(r.median)).append(' ').append(r.unit)
                        .append(" | ").append(fmt(r.score)).append(" ± ").append(fmt(r.error))
                        .append(" | ").append(fmt(r.bytesPerOp)).append(" | ").append(ratio).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private String targets() {
        StringBuilder out = new StringBuilder("#### Targets of issue 4 (this run)\n\n| target | measured | met |\n|---|---|---|\n");
        for (String scenario : List.of("hot_1t", "spread_1t", "hot_4t", "spread_4t")) {
            Map<String, Row> pools = rows.get(scenario);
            if (pools == null || !pools.containsKey("genericpool")) {
                continue;
            }
            Row gp = pools.get("genericpool");
            String fastest = null;
            for (String peer : Pools.KEYED_PEERS) {
                Row r = pools.get(peer);
                if (r != null && (fastest == null || r.median < pools.get(fastest).median)) {
                    fastest = peer;
                }
            }
            if (fastest == null) {
                continue;
            }
            double limit = scenario.endsWith("_1t") ? 0.5 : 0.33;
            double ratio = gp.median / pools.get(fastest).median;
            boolean ok = ratio <= limit;
            String measured = String.format(Locale.ROOT, "%.2f x %s", ratio, fastest);
            if (!Double.isNaN(gp.cpuPerOp)) {
                double cpuBest = Double.NaN;
                String cpuPeer = null;
                for (String peer : Pools.KEYED_PEERS) {
                    Row r = pools.get(peer);
                    if (r != null && !Double.isNaN(r.cpuPerOp) && (cpuPeer == null || r.cpuPerOp < cpuBest)) {
                        cpuBest = r.cpuPerOp;
                        cpuPeer = peer;
                    }
                }
                if (cpuPeer != null) {
                    measured += String.format(Locale.ROOT, " (CPU time: %.2f x %s)", gp.cpuPerOp / cpuBest, cpuPeer);
                }
            }
            String fastestFork = againstFastestFork(gp, pools, Pools.KEYED_PEERS);
            if (fastestFork != null) {
                measured += "; " + fastestFork;
            }
            if (scenario.endsWith("_1t")) {
                ok &= gp.bytesPerOp < 1;
                measured += String.format(Locale.ROOT, ", %s B/op", fmt(gp.bytesPerOp));
            }
            out.append(String.format(Locale.ROOT, "| %s: <= %.2f x fastest keyed peer%s | %s | %s |%n", scenario, limit,
                    scenario.endsWith("_1t") ? ", < 1 B/op" : "", measured, ok ? "yes" : "**no**"));
        }
        Map<String, Row> cross = rows.get("crossKey");
        if (cross != null && cross.containsKey("genericpool") && cross.containsKey("httpcore5-strict")) {
            Row gp = cross.get("genericpool");
            double ratio = gp.median / cross.get("httpcore5-strict").median;
            boolean held = "true".equals(gp.report.get("totalLimitHeld"));
            String fastestFork = againstFastestFork(gp, cross, List.of("httpcore5-strict"));
            out.append(String.format(Locale.ROOT, "| crossKey: <= 0.5 x httpcore5-strict, total never exceeded | %.2f x, most live %s%s | %s |%n",
                    ratio, gp.report.getOrDefault("maxLive", "?"), fastestFork == null ? "" : "; " + fastestFork,
                    ratio <= 0.5 && held ? "yes" : "**no**"));
        }
        Map<String, Row> cont = rows.get("contended");
        if (cont != null && cont.containsKey("genericpool") && cont.containsKey("commons-pool2")) {
            Row gp = cont.get("genericpool");
            double fair = num(gp.report.get("minOverMax"));
            double tput = num(gp.report.get("opsPerSecond")) / num(cont.get("commons-pool2").report.get("opsPerSecond"));
            out.append(String.format(Locale.ROOT, "| contended: least busy thread >= 0.5 x busiest; throughput >= commons-pool2 | %.2f; %.2f x commons-pool2 | %s |%n",
                    fair, tput, fair >= 0.5 && tput >= 1 ? "yes" : "**no**"));
        }
        Map<String, Row> hot = rows.get("hot_1t");
        if (hot != null && hot.containsKey("genericpool") && hot.containsKey("genericpool-async")) {
            Row gp = hot.get("genericpool");
            Row gpa = hot.get("genericpool-async");
            double ratio = gpa.median / gp.median;
            out.append(String.format(Locale.ROOT, "| async hot_1t: <= 2 x blocking, <= 64 B/op | %.2f x, %s B/op | %s |%n",
                    ratio, fmt(gpa.bytesPerOp), ratio <= 2 && gpa.bytesPerOp <= 64 ? "yes" : "**no**"));
            if (hot.containsKey("stormpot")) {
                double s = gp.median / hot.get("stormpot").median;
                out.append(String.format(Locale.ROOT, "| stretch: hot_1t <= 3 x stormpot | %.2f x | %s |%n", s, s <= 3 ? "yes" : "no"));
            }
        }
        return out.append('\n').toString();
    }

    /**
     * Where a scenario ran in several forks: genericpool's median against the single fastest fork
     * of any of {@code peers} (a peer whose time depends on the fork shows at its best here). The
     * verdict is taken on the medians over all forks; this is printed beside it so that a reader
     * sees how far a peer's lucky fork moves the ratio.
     *
     * @return e.g. "0.45 x httpcore5-lax's fastest of 3 forks", or null if the run had one fork
     */
    static String againstFastestFork(Row gp, Map<String, Row> pools, List<String> peers) {
        String best = null;
        double bestTime = Double.NaN;
        int forks = 0;
        for (String peer : peers) {
            Row r = pools.get(peer);
            if (r == null || r.forkMedians.size() < 2) {
                continue;
            }
            for (double t : r.forkMedians) {
                if (best == null || t < bestTime) {
                    best = peer;
                    bestTime = t;
                    forks = r.forkMedians.size();
                }
            }
        }
        return best == null ? null
                : String.format(Locale.ROOT, "%.2f x %s's fastest of %d forks", gp.median / bestTime, best, forks);
    }

    private static double num(String s) {
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double parse(String s) {
        return s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
