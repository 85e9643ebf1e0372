# Shared set-up for the benchmark scripts (sourced, not run): installs GNU time when missing,
# unpacks the corpus tarball once into $work/corpus, and builds kb in Release.
# Expects $here (checkout root), $tarball and $work; sets $kb.
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time >/dev/null)
mkdir -p "$work"
if [ ! -f "$work/corpus/.done" ]; then
  rm -rf "$work/corpus" && mkdir -p "$work/corpus" && tar -xzf "$tarball" -C "$work/corpus" && touch "$work/corpus/.done"
fi
dotnet build "$here/src/Kb" -c Release -v quiet --nologo >/dev/null
kb="$here/src/Kb/bin/Release/net10.0/kb"
