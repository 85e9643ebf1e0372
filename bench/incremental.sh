#!/usr/bin/env bash
# Full-archive `kb build` of two kb builds side by side (A, e.g. an older checkout, then B): a full
# build, a rebuild with nothing changed, a rebuild after one article's title changed; wall, CPU and
# peak memory of each. Then, for B, `strace -f -e trace=openat` of a no-change and a one-change
# rebuild, counting the article files (README.md under the source) each opens.
# Usage: bench/incremental.sh KB_A KB_B [TARBALL] [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
a=$1 b=$2
tarball=${3:-$here/../shared/corpus/kbarchive.tar.gz}
work=${4:-${TMPDIR:-/tmp}/kb-bench}
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
command -v strace >/dev/null || (apt-get update -qq && apt-get install -y -qq strace >/dev/null)
mkdir -p "$work"
if [ ! -f "$work/corpus/.done" ]; then
  rm -rf "$work/corpus" && mkdir -p "$work/corpus" && tar -xzf "$tarball" -C "$work/corpus" && touch "$work/corpus/.done"
fi
echo "$(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

timed() { # side label cmd...
  local side=$1 label=$2; shift 2
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$side-$label.log" 2>&1
  read -r wall user sys rss <"$work/time"
  printf '%s %-10s wall %6.2f s   cpu %6.2f s   peak %5d MiB   %s\n' "$side" "$label" "$wall" "$(awk -v x="$user" -v y="$sys" 'BEGIN{print x+y}')" "$((rss / 1024))" "$(grep -E '^built|up to date' "$work/$side-$label.log" | head -1 || true)"
}

change() { # src
  local article="$1/199/Q199250/README.md"
  cp --remove-destination "$work/corpus/kb/199/Q199250/README.md" "$article"
  sed -i 's/Secondary Site Upgrade Options/Secondary Site Upgrade Options (revised)/' "$article"
}

for side in A B; do
  kb=$a; [ "$side" = B ] && kb=$b
  src="$work/src-$side"; out="$work/_site-$side"
  rm -rf "$src" "$out" "$work"/._site-"$side".*; mkdir -p "$src"; cp -al "$work/corpus/kb/." "$src/"
  sync; sleep 2
  timed "$side" full "$kb" build "$src" --out "$out" --full
  sleep 3
  timed "$side" unchanged "$kb" build "$src" --out "$out"
  change "$src"
  timed "$side" one-change "$kb" build "$src" --out "$out"
done

# What B opens: a no-change rebuild, then a rebuild after one more change.
src="$work/src-B"; out="$work/_site-B"
strace -f -qq -e trace=openat -o "$work/strace-unchanged" "$b" build "$src" --out "$out" >/dev/null 2>&1
echo "B no-change rebuild: $(grep -c 'README.md' "$work/strace-unchanged" || true) article files opened, $(wc -l <"$work/strace-unchanged") openat calls in all"
sed -i 's/(revised)/(revised twice)/' "$src/199/Q199250/README.md"
strace -f -qq -e trace=openat -o "$work/strace-one" "$b" build "$src" --out "$out" >/dev/null 2>&1
echo "B one-change rebuild: $(grep 'README.md' "$work/strace-one" | grep -v ENOENT | sed 's/.*openat([^"]*"\([^"]*\)".*/\1/' | sort -u | tr '\n' ' ')($(grep -c 'README.md' "$work/strace-one" || true) openat calls on article files)"
