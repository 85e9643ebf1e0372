# Shared set-up for the benchmark scripts (sourced, not run): installs GNU time when missing,
# unpacks the corpus tarball once into $work/corpus, and builds kb as ./kb does.
# Expects $here (checkout root), $tarball and $work; sets $kb.
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
mkdir -p "$work"
if [ ! -f "$work/corpus/.done" ]; then
  rm -rf "$work/corpus" && mkdir -p "$work/corpus" && tar -xzf "$tarball" -C "$work/corpus" && touch "$work/corpus/.done"
fi
# The program users run: ./kb publishes a ReadyToRun build into .kb/bin when sources changed.
"$here/kb" --help >/dev/null
kb="$here/.kb/bin/kb"
