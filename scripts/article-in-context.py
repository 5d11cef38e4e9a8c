#!/usr/bin/env python3
"""Score an article set (`doc,para,sentence,label`, e.g. datasets/article-challenge.csv) in
context with `FACTOP classify` on the rebuilt articles (a paragraph's sentences joined by a space,
paragraphs by a blank line), for any factop binary, also one without `evaluate --doc-column`.
Usage: scripts/article-in-context.py CSV FACTOP. Prints macro-F1, accuracy and the errors per
class; `factop evaluate --data CSV --doc-column doc --para-column para` computes the same."""
import csv, json, subprocess, sys, tempfile, os
path, factop = sys.argv[1], sys.argv[2]
docs = {}
for r in csv.DictReader(open(path, encoding="utf-8")):
    docs.setdefault(r["doc"], []).append(r)
truth, pred = [], []
for doc, rows in docs.items():
    paras = []
    for r in rows:
        if paras and paras[-1][0] == r["para"]:
            paras[-1][1].append(r["sentence"])
        else:
            paras.append((r["para"], [r["sentence"]]))
    text = "\n\n".join(" ".join(s) for _, s in paras)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
    out = subprocess.run([factop, "classify", f.name], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    sents = [json.loads(l) for l in out.splitlines()]
    assert [s["text"] for s in sents] == [r["sentence"] for r in rows], doc
    for r, s in zip(rows, sents):
        truth.append(r["label"]); pred.append(s["label"])
def f1(c):
    tp = sum(t == c and p == c for t, p in zip(truth, pred)); fp = sum(t != c and p == c for t, p in zip(truth, pred)); fn = sum(t == c and p != c for t, p in zip(truth, pred))
    return 2 * tp / (2 * tp + fp + fn)
wrong = {c: sum(t == c and p != c for t, p in zip(truth, pred)) for c in ("fact", "opinion")}
print(f"in context: n={len(truth)} macro-F1 {(f1('fact') + f1('opinion')) / 2:.4f} accuracy {sum(t == p for t, p in zip(truth, pred)) / len(truth):.4f} wrong facts {wrong['fact']} wrong opinions {wrong['opinion']}")
