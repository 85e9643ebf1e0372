#!/usr/bin/env bash
# Scale benchmark for several forms: builds a synthetic archive of about 250,000 articles (the real
# archive's 60,335 Markdown articles, then copies under new numbers in the FTP text, KB CD and 1993
# forms, bench/SyntheticArchive.cs) in a temporary folder outside the checkout, then times `kb build`
# and `kb index` on the real archive and on the synthetic one, side by side in the same run.
# Usage: bench/forms.sh [TARBALL] [WORK_DIR] [COUNT]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tarball=${1:-$here/../shared/corpus/kbarchive.tar.gz}
work=${2:-${TMPDIR:-/tmp}/kb-bench}
count=${3:-250000}
. "$here/bench/common.sh"
synthetic="$work/synthetic-$count"
if [ ! -f "$synthetic.done" ]; then
  rm -rf "$synthetic"
  (cd "$here/bench" && dotnet run SyntheticArchive.cs -- "$work/corpus/kb" "$synthetic" "$count")
  touch "$synthetic.done"
fi
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); synthetic archive $(du -sh "$synthetic" | cut -f1)"

timed() { # label cmd...
  local label=$1; shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/forms-$label.log" 2>&1 || { echo "$label failed:"; tail -5 "$work/forms-$label.log"; }
  read -r wall user sys rss <"$work/time"
  printf '%-16s wall %7.1f s   cpu %7.1f s   peak %5d MiB   %s\n' "$label" "$wall" "$(awk -v a="$user" -v b="$sys" 'BEGIN{print a+b}')" "$((rss / 1024))" \
    "$(grep -E '^(built|added|indexed)' "$work/forms-$label.log" | head -1 || true)"
}

rm -rf "$work/forms-site-60k" "$work/forms-site-250k" "$work/forms-index-60k" "$work/forms-index-250k"
timed build-60335 "$kb" build "$work/corpus/kb" --out "$work/forms-site-60k" --full
timed build-$count "$kb" build "$synthetic" --out "$work/forms-site-250k" --full
timed index-60335 "$kb" index "$work/corpus/kb" --index "$work/forms-index-60k"
timed index-$count "$kb" index "$synthetic" --index "$work/forms-index-250k"
echo "pages: $(find "$work/forms-site-250k" -name index.html | wc -l) in the $count-article site"
rm -rf "$work/forms-site-60k" "$work/forms-site-250k" "$work/forms-index-60k" "$work/forms-index-250k"
