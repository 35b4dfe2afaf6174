#!/usr/bin/env bash
# Builds the bench module and runs every benchmark, then the memory footprint, then renders the
# README's tables. Raw output goes to bench/results/ (jmh.json, jmh.log, footprint.md, table.md).
# Extra arguments go to JMH, e.g. bench/run-all.sh -p pool=genericpool,httpcore5-lax
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results
mkdir -p "$out"

mvn -q -B package -pl bench -am -DskipTests

profilers=(-prof gc)
# PERF=1: also CPU time per operation through Linux perf (JMH's perfnorm). Not by default: perf's
# bookkeeping on every context switch slows the pools that park and wake threads more than those
# that do not, which skews the very ratios the run is for (contended: 0.84 x commons-pool2 under
# perf, 1.06-1.12 x without, on 2026-11-25).
if [ "${PERF:-0}" = 1 ] && command -v perf >/dev/null 2>&1 && perf stat -e task-clock true >/dev/null 2>&1; then
  profilers+=(-prof "perfnorm:events=task-clock,context-switches")
fi

{
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':(exclude)bench/results' 2>/dev/null || echo ' (with local changes)')"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  java -version 2>&1 | sed 's/^/# /'
} > "$out/environment.txt"

java -jar bench/target/benchmarks.jar "${profilers[@]}" -rf json -rff "$out/jmh.json" "$@" | tee "$out/jmh.log"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/environment.txt"

java -Xms1g -Xmx1g -cp bench/target/benchmarks.jar org.genericpool.bench.Footprint | tee "$out/footprint.md"
java -cp bench/target/benchmarks.jar org.genericpool.bench.ResultsTable "$out/jmh.json" "$out/jmh.log" | tee "$out/table.md"
