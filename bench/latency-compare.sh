#!/usr/bin/env bash
# Warm query latency of two checkouts side by side on one index: runs bench/SearchLatency.cs of
# checkout A, then of B, ROUNDS times alternately (A B A B ...), so both see the same machine.
# Both must read the same index format (build it once with bench/index.sh).
# Usage: bench/latency-compare.sh CHECKOUT_A CHECKOUT_B INDEX [ROUNDS] [RUNS]
set -euo pipefail
a=$(cd "$1" && pwd)
b=$(cd "$2" && pwd)
index=$3
rounds=${4:-2}
runs=${5:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for side in A B; do
    dir=$a; [ "$side" = B ] && dir=$b
    echo "round $r $side ($dir)"
    # Release (a file-based app runs Debug by default: KbIndex unoptimised) with kb's runtime settings
    # (src/Kb/Kb.csproj), as bench/index.sh runs it; the same query file for both.
    (cd "$dir/bench" && DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 dotnet run -c Release SearchLatency.cs -- "$index" "$here/bench/queries.txt" "$runs")
  done
done
