#!/usr/bin/env python3
"""Recall and precision of the upgrade guides against bench/upgrade-checklist.tsv.

Usage: ./kb upgrade --source ../shared/corpus/kbarchive.tar.gz --json > guides.json
       python3 bench/upgrade-eval.py guides.json

The checklist (family, from, to family, to, article id per line; '-' for no version) was
written by grepping and reading the archive's titles and bodies, not from kb's output. A guide answers
a pair when its ends have the same families and its versions equal or start with the
pair's ('3.5x' matches no '3.51'); the articles of every such guide are pooled.

The sixth column puts each pair in the tune or the test half (a fixed split: the sorted pairs
shuffled by random.Random(13), the first 11 tune). Figures are printed for each half and for all.
"""
import json
import sys
from collections import defaultdict

def same(version, wanted):
    return wanted == "-" or (version is not None and (version == wanted or version.startswith(wanted)))

guides = json.load(open(sys.argv[1]))["guides"]
pairs = defaultdict(set)
half = {}
for line in open(sys.argv[2] if len(sys.argv) > 2 else "bench/upgrade-checklist.tsv"):
    cells = line.rstrip("\n").split("\t")
    f, a, t, b, i = cells[:5]
    pairs[(f, a, t, b)].add(i)
    half[(f, a, t, b)] = cells[5] if len(cells) > 5 else "all"

sums = defaultdict(lambda: [0, 0, 0])
for (f, a, t, b), want in pairs.items():
    got = set()
    for g in guides:
        if g["from"]["family"] == f and g["to"]["family"] == t and same(g["from"].get("version"), a) and same(g["to"].get("version"), b):
            got |= {x["id"] for grp in g["groups"] for x in grp["articles"]}
    hits = len(want & got)
    for key in {half[(f, a, t, b)], "all"}:
        sums[key][0] += hits
        sums[key][1] += len(want)
        sums[key][2] += len(got)
    print(f"[{half[(f, a, t, b)]}] {f} {a} -> {t} {b}: checklist {len(want)}, guide {len(got)}, found {hits}")
print(f"pairs {len(pairs)}, families {len({p[0] for p in pairs} | {p[2] for p in pairs})}")
for key in ("test", "tune", "all"):
    if key in sums:
        hit, want, got = sums[key]
        print(f"{key}: recall {hit}/{want} = {hit / max(1, want):.2f}, precision against the checklist {hit}/{got} = {hit / max(1, got):.2f}")
