#!/usr/bin/env python3
"""Seeded, stratified samples of archive articles for the labelled sets.

usage: sample.py options CORPUS_DIR SEED N   -> TSV: split form id path product year
       sample.py queries CORPUS_DIR SEED N   -> TSV: split family id path title year

The split (tune/test) is decided here, by the seed, before anything is labelled or tuned.
Forms are found with plain text cues so that the sample does not depend on the extractor.
"""
import os, random, re, sys

METHOD = re.compile(r'^\t\s*(?:METHOD|Method|OPTION|Option)\s+(?:\d|One|Two|Three|ONE|TWO|A\b|B\b)|one of the following (?:methods|ways|workarounds|options|procedures|resolutions)', re.M)
PROBLEM = re.compile(r'^\t(?:RESOLUTION|WORKAROUND)\s*$', re.M)
COND = re.compile(r'^\t(?:- |\* |\d\. )?If you (?:are|use|have|run|want|do|need|installed|upgraded|plan)', re.M)
PRODUCT = re.compile(r'^\tProduct\(s\):\s*(.*)$', re.M)
TITLE = re.compile(r'^## Q\d+: (.*)$', re.M)
DATE = re.compile(r'^\tLast Modified:\s*\d\d-[A-Z]{3}-(\d{4})', re.M)

def articles(root):
    kb = os.path.join(root, 'kb')
    for d in sorted(os.listdir(kb)):
        for q in sorted(os.listdir(os.path.join(kb, d))):
            p = os.path.join(kb, d, q, 'README.md')
            if os.path.isfile(p):
                yield q, os.path.relpath(p, root), p

def form(text):
    if METHOD.search(text): return 'method'
    if PROBLEM.search(text): return 'problem'
    if COND.search(text): return 'conditional'
    return 'none'

GENERIC = {'prb', 'howto', 'info', 'fix', 'bug', 'err msg', 'doc', 'docerr', 'sample', 'file',
           'bugfix', 'hotfix', 'faq', 'list', 'update', 'readme'}
APPLIES = re.compile(r'^\t- (?:Microsoft )?(.{3,40}?)(?: version| for|,|$)', re.M)

CANON = [(r'^x(adm|cln|for|con|web|400|ims|gen|mail)\b|exchange', 'exchange'), (r'^sms\b|systems management', 'sms'),
         (r'^sna\b', 'sna server'), (r'^(wd|word)', 'word'), (r'internet information|^iis', 'iis'),
         (r'windows 95|^win95|windows 98|^win98', 'windows 9x'), (r'windows nt|^nt\b', 'windows nt'),
         (r'^(ppt|powerpoint)', 'powerpoint'), (r'^(xl|excel)', 'excel'), (r'^(fp|frontpage)', 'frontpage'),
         (r'foxpro|^vfp', 'foxpro'), (r'disk operating|^ms-?dos', 'ms-dos'), (r'^(pc )?mail|^mail for', 'mail'),
         (r'^home ', 'home titles'), (r'^(mac |pc |wfwg)', 'misc pc/mac')]

def family(text, title):
    raw = family_raw(text, title)
    for pat, name in CANON:
        if re.search(pat, raw): return name
    return raw

def family_raw(text, title):
    m = re.match(r'([A-Za-z0-9/ ]{2,12}):', title)
    if m and m.group(1).strip().lower() not in GENERIC: return m.group(1).strip().lower()
    p = PRODUCT.search(text)
    name = p.group(1).strip().lower() if p else ''
    if not name or name == 'see article':
        a = APPLIES.search(text)
        name = a.group(1).strip().lower() if a else 'unknown'
    name = re.sub(r'^microsoft ', '', name)
    return ' '.join(name.split()[:2])[:30]

def main():
    kind, root, seed, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    rows = []
    for q, rel, p in articles(root):
        t = open(p, encoding='latin-1').read()
        title = (TITLE.search(t) or [None, ''])[1] if TITLE.search(t) else ''
        y = DATE.search(t)
        year = y.group(1) if y else '?'
        if kind == 'options':
            rows.append((form(t), q, rel, family(t, title), year))
        else:
            rows.append((family(t, title), q, rel, title, year))
    rnd = random.Random(seed)
    rnd.shuffle(rows)
    out = []
    if kind == 'options':
        quota = {'method': n * 3 // 10, 'problem': n * 3 // 10, 'conditional': n * 2 // 10}
        quota['none'] = n - sum(quota.values())
        for r in rows:
            if quota.get(r[0], 0) > 0:
                quota[r[0]] -= 1
                out.append(r)
    else:
        per = {}
        cap = max(1, n // 25)   # no family over ~4 % of the sample
        for r in rows:
            if per.get(r[0], 0) < cap:
                per[r[0]] = per.get(r[0], 0) + 1
                out.append(r)
            if len(out) == n: break
    split = random.Random(seed + 1)
    order = list(range(len(out))); split.shuffle(order)
    half = set(order[:len(out) // 2])
    for i, r in enumerate(out):
        print('\t'.join(('tune' if i in half else 'test',) + r))

main()
