#!/usr/bin/env bash
# Index and search benchmark: unpacks the archive once (as bench/parse.sh), builds kb in Release,
# then measures a full `kb index` from scratch (wall, CPU, peak RSS, index size), an incremental
# re-run with nothing changed, warm query latency over bench/queries.txt (bench/SearchLatency.cs)
# and cold `kb search` process time (RUNS runs, median).
# Usage: bench/index.sh [TARBALL] [WORK_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=${1:-$here/../shared/corpus/kbarchive.tar.gz}
work=${2:-${TMPDIR:-/tmp}/kb-bench}
runs=${3:-5}
. "$here/bench/common.sh"
index="$work/index"
echo "articles: $(find "$work/corpus/kb" -name README.md | wc -l), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$index"
/usr/bin/time -f "%e %U %S %M" -o "$work/time" "$kb" index "$work/corpus/kb" --index "$index"
read -r wall user sys rss <"$work/time"
awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$(du -sb "$index" | cut -f1)" \
  'BEGIN {printf "full index: wall %.1f s  cpu %.1f s  peak %d MiB  index %.0f MB\n", w, u+s, r/1024, b/1e6}'
/usr/bin/time -f "%e %M" -o "$work/time" "$kb" index "$work/corpus/kb" --index "$index" >/dev/null
read -r wall rss <"$work/time"
echo "re-index, nothing changed: wall ${wall} s  peak $((rss / 1024)) MiB"
# The latency program runs in Release (a file-based app builds Debug by default, and KbIndex with it,
# unoptimised) with kb's runtime settings (src/Kb/Kb.csproj): no instrumented tier, no call-counting delay.
(cd "$here/bench" && DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 dotnet run -c Release SearchLatency.cs -- "$index" queries.txt 5)
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e" -o "$work/time" "$kb" search "upgrade secondary site from sms 1.2" --index "$index" >/dev/null
  cat "$work/time"
done | sort -n | awk '{a[NR]=$1} END {printf "cold kb search (%d runs): median %.2f s  min %.2f s  max %.2f s\n", NR, a[int((NR+1)/2)], a[1], a[NR]}'
