#!/usr/bin/env python3
"""Score an article set (`doc,para,sentence,label`, e.g. datasets/article-challenge.csv) in
context with `FACTOP classify` on the rebuilt articles (a paragraph's sentences joined by a space,
paragraphs by a blank line), for any factop binary, also one without `evaluate --doc-column`.
Usage: scripts/article-in-context.py CSV FACTOP [--single-newlines]; with --single-newlines
the paragraphs are joined by one line break instead (one paragraph per line, as scraped text
often is). Prints macro-F1, accuracy and the errors per
class; `factop evaluate --data CSV --doc-column doc --para-column para` computes the same.
The set is read and the articles rebuilt by scripts/check-article-set.py's functions."""
import importlib.util
import os
import sys

spec = importlib.util.spec_from_file_location(
    "check_article_set", os.path.join(os.path.dirname(__file__), "check-article-set.py")
)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)

args = [a for a in sys.argv[1:] if a != "--single-newlines"]
break_ = "\n" if len(args) < len(sys.argv) - 1 else "\n\n"
if len(args) != 2:
    sys.exit("usage: article-in-context.py CSV FACTOP [--single-newlines]")
path, factop = args
order, docs, errors = check.load(path)
if errors:
    sys.exit("\n".join(errors))
truth, pred = [], []
for doc in order:
    rows = docs[doc]
    sents = check.jsonl_rows(factop, "classify", check.article(rows, break_))
    assert [s["text"] for s in sents] == [r[2] for r in rows], doc
    truth += [r[3] for r in rows]
    pred += [s["label"] for s in sents]


def f1(c):
    tp = sum(t == c and p == c for t, p in zip(truth, pred))
    wrong = sum((t == c) != (p == c) for t, p in zip(truth, pred))
    return 2 * tp / (2 * tp + wrong)


wrong = {c: sum(t == c and p != c for t, p in zip(truth, pred)) for c in ("fact", "opinion")}
accuracy = sum(t == p for t, p in zip(truth, pred)) / len(truth)
print(
    f"in context: n={len(truth)} macro-F1 {(f1('fact') + f1('opinion')) / 2:.4f} "
    f"accuracy {accuracy:.4f} wrong facts {wrong['fact']} wrong opinions {wrong['opinion']}"
)
