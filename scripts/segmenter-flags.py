#!/usr/bin/env python3
"""Rows of article-level sets whose sentence the segmenter flags FLAG, counted by label.

Usage: scripts/segmenter-flags.py FACTOP FLAG CSV...   (e.g. FLAG = rhetorical, speaker_turn_14)

Each doc is rebuilt as scripts/check-article-set.py rebuilds it (a paragraph's rows joined by a
space, paragraphs by a blank line) and read by `FACTOP sentences` (the segmenter only, no model).
"""
import csv, json, subprocess, sys, tempfile, os, collections
F, flag = sys.argv[1], sys.argv[2]
for path in sys.argv[3:]:
    rows = list(csv.DictReader(open(path, encoding='utf-8')))
    docs = collections.OrderedDict()
    for r in rows:
        docs.setdefault(r['doc'], []).append(r)
    c = collections.Counter(); ex = []
    for d, rs in docs.items():
        text = ''; spans = []; prev = None
        for r in rs:
            if spans:
                text += '\n\n' if r['para'] != prev else ' '
            a = len(text.encode()); text += r['sentence']; spans.append((a, len(text.encode()), r))
            prev = r['para']
        with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
            f.write(text); name = f.name
        out = subprocess.run([F, 'sentences', '--format', 'jsonl', name], capture_output=True, text=True).stdout
        os.unlink(name)
        sents = [json.loads(l) for l in out.splitlines() if l.strip()]
        for s in sents:
            if s.get(flag):
                for a, b, r in spans:
                    if s['start'] < b and s['end'] > a:
                        c[r['label']] += 1; ex.append((r['label'], r['sentence'][:90]))
    print(os.path.basename(path), dict(c))
    for e in ex: print('   ', e)
