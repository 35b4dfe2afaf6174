package org.genericpool.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a trial leaves besides JMH's scores: connections created, the most live at once, and in
 * {@code contended} each thread's operation count. Printed as one line starting with
 * {@value #PREFIX} (JMH copies a fork's output into its log), kept in {@link #all()} for the
 * in-process smoke test, and appended to the file named by the system property
 * {@value #FILE_PROPERTY} when it is set.
 *
 * @param scenario        the scenario
 * @param pool            the pool's name
 * @param created         connections created in the trial, set-up included
 * @param disposed        connections disposed, close included
 * @param maxLive         the most connections live at once
 * @param totalLimit      the scenario's total limit, or -1 where it never binds
 * @param enforcesTotal   whether the pool has a total limit at all
 * @param doubleDisposals connections disposed twice (a pool bug)
 * @param opsPerThread    each thread's operations in the measured iterations ({@code contended} only, else empty)
 * @param measuredNanos   the measured iterations' wall-clock time, until the last thread finished ({@code contended} only)
 * @param retainedBytes   heap retained by the pool after the run ({@code manyEndpoints} only, else -1)
 */
public record TrialReport(Scenario scenario, String pool, long created, long disposed, int maxLive, int totalLimit,
                          boolean enforcesTotal, long doubleDisposals, long[] opsPerThread, long measuredNanos,
                          long retainedBytes) {

    /** The start of each printed report line. */
    public static final String PREFIX = "#bench-report ";
    /** The system property naming a file to append report lines to. */
    public static final String FILE_PROPERTY = "genericpool.bench.report";

    private static final List<TrialReport> ALL = new CopyOnWriteArrayList<>();

    /** @return the reports of the trials run in this JVM */
    public static List<TrialReport> all() {
        return ALL;
    }

    /** @return whether the total limit held, or true where there is none to hold */
    public boolean totalLimitHeld() {
        return totalLimit < 0 || !enforcesTotal || maxLive <= totalLimit;
    }

    /** @return the least busy thread's operations over the busiest's, or NaN without per-thread counts */
    public double fairness() {
        if (opsPerThread.length == 0) {
            return Double.NaN;
        }
        long min = Arrays.stream(opsPerThread).min().orElse(0);
        long max = Arrays.stream(opsPerThread).max().orElse(0);
        return max == 0 ? Double.NaN : (double) min / max;
    }

    /**
     * @return operations per second of all threads together in the measured iterations, or NaN without
     *         per-thread counts; unlike JMH's average of per-thread averages, a starved thread does not inflate it
     */
    public double opsPerSecond() {
        if (opsPerThread.length == 0 || measuredNanos <= 0) {
            return Double.NaN;
        }
        return Arrays.stream(opsPerThread).sum() * 1e9 / measuredNanos;
    }

    /** Prints, keeps and (when asked) appends this report. */
    public void publish() {
        ALL.add(this);
        String line = PREFIX + this;
        System.out.println();
        System.out.println(line);
        String file = System.getProperty(FILE_PROPERTY);
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("cannot append the report to " + file + ": " + e);
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario=").append(scenario.methodName())
                .append(" pool=").append(pool)
                .append(" created=").append(created)
                .append(" disposed=").append(disposed)
                .append(" maxLive=").append(maxLive)
                .append(" totalLimit=").append(totalLimit < 0 ? "none" : Integer.toString(totalLimit))
                .append(" enforcesTotal=").append(enforcesTotal)
                .append(" totalLimitHeld=").append(totalLimitHeld())
                .append(" doubleDisposals=").append(doubleDisposals);
        if (opsPerThread.length > 0) {
            sb.append(" opsPerThread=").append(Arrays.toString(opsPerThread).replace(" ", ""))
                    .append(String.format(java.util.Locale.ROOT, " minOverMax=%.3f opsPerSecond=%.0f",
                            fairness(), opsPerSecond()));
        }
        if (retainedBytes >= 0) {
            sb.append(" retainedBytes=").append(retainedBytes);
        }
        return sb.toString();
    }
}
