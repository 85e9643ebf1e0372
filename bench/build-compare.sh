#!/usr/bin/env bash
# Full-archive `kb build` of two kb builds side by side, alternating A B A B so that both see the
# same machine load. Usage: bench/build-compare.sh KB_A KB_B [ROUNDS] [TARBALL] [WORK_DIR]
# KB_A/KB_B are kb executables (e.g. an older checkout's src/Kb/bin/Release/net10.0/kb).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
a=$1 b=$2 rounds=${3:-2}
tarball=${4:-$here/../shared/corpus/kbarchive.tar.gz}
work=${5:-${TMPDIR:-/tmp}/kb-bench}
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
mkdir -p "$work"
if [ ! -f "$work/corpus/.done" ]; then
  rm -rf "$work/corpus" && mkdir -p "$work/corpus" && tar -xzf "$tarball" -C "$work/corpus" && touch "$work/corpus/.done"
fi
echo "$(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for side in A B; do
    kb=$a; [ "$side" = B ] && kb=$b
    out="$work/_site-$side"
    rm -rf "$out" "$work"/._site-"$side".*; sync; sleep 2
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$kb" build "$work/corpus/kb" --out "$out" --full >"$work/build-$side.log" 2>&1
    read -r wall user sys rss <"$work/time"
    printf 'round %d %s wall %6.2f s   cpu %6.2f s   peak %5d MiB\n' "$r" "$side" "$wall" "$(awk -v x="$user" -v y="$sys" 'BEGIN{print x+y}')" "$((rss / 1024))"
  done
done
