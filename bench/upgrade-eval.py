#!/usr/bin/env python3
"""Recall and precision of the upgrade guides against bench/upgrade-checklist.tsv.

Usage: ./kb upgrade --source ../shared/corpus/kbarchive.tar.gz --json > guides.json
       python3 bench/upgrade-eval.py guides.json

The checklist (family, from, to family, to, article id per line; '-' for no version) was
written by grepping and reading the archive's titles and bodies, not from kb's output. A guide answers
a pair when its ends have the same families and its versions equal or start with the
pair's ('3.5x' matches no '3.51'); the articles of every such guide are pooled.
"""
import json
import sys
from collections import defaultdict

def same(version, wanted):
    return wanted == "-" or (version is not None and (version == wanted or version.startswith(wanted)))

guides = json.load(open(sys.argv[1]))["guides"]
pairs = defaultdict(set)
for line in open(sys.argv[2] if len(sys.argv) > 2 else "bench/upgrade-checklist.tsv"):
    f, a, t, b, i = line.rstrip("\n").split("\t")[:5]
    pairs[(f, a, t, b)].add(i)

hit_total = want_total = got_total = 0
for (f, a, t, b), want in pairs.items():
    got = set()
    for g in guides:
        if g["from"]["family"] == f and g["to"]["family"] == t and same(g["from"].get("version"), a) and same(g["to"].get("version"), b):
            got |= {x["id"] for grp in g["groups"] for x in grp["articles"]}
    hits = len(want & got)
    hit_total += hits
    want_total += len(want)
    got_total += len(got)
    print(f"{f} {a} -> {t} {b}: checklist {len(want)}, guide {len(got)}, found {hits}")
print(f"pairs {len(pairs)}, families {len({p[0] for p in pairs} | {p[2] for p in pairs})}")
print(f"recall {hit_total}/{want_total} = {hit_total / max(1, want_total):.2f}")
print(f"precision against the checklist {hit_total}/{got_total} = {hit_total / max(1, got_total):.2f}")
