#!/usr/bin/env bash
# Site build benchmark on the full corpus: full `kb build` (search included), a rebuild with
# nothing changed, a rebuild after changing one article, output size, then what a browser
# downloads and waits for the five benchmark searches (Playwright + Chromium, cold cache).
# Optionally (ANCHORS=1) runs ../shared/bench/anchors.sh (Hugo + Pagefind) on the same machine.
# Usage: bench/site.sh [TARBALL] [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=${1:-$here/../shared/corpus/kbarchive.tar.gz}
work=${2:-${TMPDIR:-/tmp}/kb-bench}
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
mkdir -p "$work"
if [ ! -f "$work/corpus/.done" ]; then
  rm -rf "$work/corpus" && mkdir -p "$work/corpus" && tar -xzf "$tarball" -C "$work/corpus" && touch "$work/corpus/.done"
fi
# A private copy of the articles (hard links) so one can be changed without touching the corpus.
if [ ! -d "$work/site-src/kb" ]; then
  mkdir -p "$work/site-src" && cp -al "$work/corpus/kb" "$work/site-src/kb"
fi
dotnet build "$here/src/Kb" -c Release -v quiet --nologo >/dev/null
kb="$here/src/Kb/bin/Release/net10.0/kb"
out="$work/_site"
echo "articles: $(find "$work/site-src/kb" -name README.md | wc -l), $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { # label cmd...
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$label.log" 2>&1
  read -r wall user sys rss <"$work/time"
  printf '%-12s wall %6.2f s   cpu %6.2f s   peak %5d MiB   %s\n' "$label" "$wall" "$(awk -v a="$user" -v b="$sys" 'BEGIN{print a+b}')" "$((rss / 1024))" "$(grep '^built' "$work/$label.log" || true)"
}

rm -rf "$out"; sleep 1
timed full "$kb" build "$work/site-src/kb" --out "$out" --full
sleep 5 # let the background removal of nothing finish; the next builds remove the previous output in the background
timed unchanged "$kb" build "$work/site-src/kb" --out "$out"
article="$work/site-src/kb/199/Q199250/README.md"
cp --remove-destination "$work/corpus/kb/199/Q199250/README.md" "$article"
sed -i 's/Secondary Site Upgrade Options/Secondary Site Upgrade Options (revised)/' "$article"
timed one-change "$kb" build "$work/site-src/kb" --out "$out"
cp --remove-destination "$work/corpus/kb/199/Q199250/README.md" "$article"
echo "output: $(du -sh "$out" | cut -f1) in $(find "$out" -type f | wc -l) files; search files: $(du -sh "$out/search" | cut -f1)"

# Searches: bytes on the wire (gzip from kb serve's server) and in-page time to the first result.
# First let the builds' background removal of their previous outputs finish (up to 2 minutes) and
# their written files reach the disk: both compete for it, and a first search measured right after
# the builds took about a second instead of 0.1 s in some runs (0.1 s when run on its own).
for _ in $(seq 120); do
  compgen -G "$work/.$(basename "$out").building-*.old-*" >/dev/null || break
  sleep 1
done
sync
results="$work/searches.md"; : >"$results"
KB_BENCH_SITE="$out" KB_BENCH_OUT="$results" dotnet test "$here/tests/KbSite.Tests" -c Release --nologo \
  --filter "FullyQualifiedName~SearchBudget" >"$work/searches.log" 2>&1 || echo "search budget test failed: see $work/searches.log"
echo "| query | downloaded | requests | time to results | first 3 |"; echo "|---|---|---|---|---|"; cat "$results"

if [ "${ANCHORS:-0}" = "1" ]; then
  bash "$here/../shared/bench/anchors.sh" "$tarball" "$work/anchors"
fi
