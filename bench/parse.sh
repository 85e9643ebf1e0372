#!/usr/bin/env bash
# Full-corpus parse benchmark: unpacks the archive once, builds kb as ./kb does (ReadyToRun), then times
# `kb parse --jsonl` over the unpacked folder RUNS times (wall, CPU, peak RSS, MB/s).
# Usage: bench/parse.sh [TARBALL] [WORK_DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=${1:-$here/../shared/corpus/kbarchive.tar.gz}
work=${2:-${TMPDIR:-/tmp}/kb-bench}
runs=${3:-3}
. "$here/bench/common.sh"
bytes=$(find "$work/corpus/kb" -name README.md -printf '%s\n' | awk '{s+=$1} END {print s}')
articles=$(find "$work/corpus/kb" -name README.md | wc -l)
echo "articles: $articles, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of article text, $(nproc) cores"
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$kb" parse "$work/corpus/kb" --jsonl --out "$work/records.jsonl"
  read -r wall user sys rss <"$work/time"
  awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v b="$bytes" -v o="$(stat -c %s "$work/records.jsonl")" \
    'BEGIN {printf "run: wall %.2f s  cpu %.2f s  peak %d MiB  %.1f MB/s in  %.0f MB JSON out\n", w, u+s, r/1024, b/1e6/w, o/1e6}'
done
