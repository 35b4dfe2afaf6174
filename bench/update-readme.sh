#!/usr/bin/env bash
# Copies the last run's tables (bench/results/) into bench/README.md between the results markers.
set -euo pipefail
cd "$(dirname "$0")"
{
  echo "Raw output: [results/jmh.log](results/jmh.log), [results/jmh.json](results/jmh.json), environment: [results/environment.txt](results/environment.txt)."
  echo
  echo '```'
  cat results/environment.txt
  echo '```'
  echo
  cat results/table.md
  echo "#### Memory (Footprint)"
  echo
  tail -n +2 results/footprint.md
} > results/readme-section.md
python3 - <<'PY'
import re
readme = open('README.md').read()
section = open('results/readme-section.md').read()
start, end = '<!-- results:start -->', '<!-- results:end -->'
i, j = readme.index(start) + len(start), readme.index(end)
open('README.md', 'w').write(readme[:i] + '\n' + section + '\n' + readme[j:])
PY
