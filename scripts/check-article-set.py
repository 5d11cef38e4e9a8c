#!/usr/bin/env python3
"""Check that an article-level labelled set segments as its rows say.

Usage: scripts/check-article-set.py CSV FACTOP

CSV has the header `doc,para,sentence,label` (`datasets/article-challenge.csv`). Each doc's
article is rebuilt from its rows (the sentences of a paragraph joined by one space, paragraphs
joined by a blank line) and split by `FACTOP sentences` (the segmenter only, no model). Every
row's sentence must equal one segmenter sentence, in order. The script also checks the file's
shape: the header, labels `fact`/`opinion`, a doc's rows consecutive, paragraph numbers starting
at 1 and rising by one, no empty or padded sentence. It prints each mismatch and a summary, and
exits 1 if there is any mismatch (2 on a usage error).

The summary also counts the labels, the rows inside a quotation that runs over more than one
sentence (a quotation mark left open at a sentence's start or end; a paragraph's open quotation
ends with the paragraph, as a continued quotation reopens with a mark) and how many of those
rows have no quotation mark of their own, and the docs with straight and with curly quotes; and
per doc its rows, paragraphs and opinion rows.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile


def load(path):
    """Rows of the set, grouped by doc in file order, with shape errors."""
    errors = []
    docs = {}
    order = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != ["doc", "para", "sentence", "label"]:
            errors.append(f"{path}: header is {header}, want doc,para,sentence,label")
            return order, docs, errors
        last_doc = None
        for n, row in enumerate(reader, start=2):
            if len(row) != 4:
                errors.append(f"{path}:{n}: {len(row)} fields, want 4")
                continue
            doc, para, sentence, label = row
            if label not in ("fact", "opinion"):
                errors.append(f"{path}:{n}: label {label!r} is not fact or opinion")
            if not sentence or sentence != sentence.strip() or "\n" in sentence:
                errors.append(f"{path}:{n}: sentence is empty, padded or spans lines")
            try:
                para = int(para)
            except ValueError:
                errors.append(f"{path}:{n}: para {para!r} is not a number")
                continue
            if doc != last_doc:
                if doc in docs:
                    errors.append(f"{path}:{n}: rows of doc {doc} are not consecutive")
                    continue
                docs[doc] = []
                order.append(doc)
                if para != 1:
                    errors.append(f"{path}:{n}: doc {doc} starts at para {para}, want 1")
            else:
                prev = docs[doc][-1][1]
                if para not in (prev, prev + 1):
                    errors.append(f"{path}:{n}: para {para} follows para {prev}")
            last_doc = doc
            docs[doc].append((n, para, sentence, label))
    return order, docs, errors


def article(rows, break_="\n\n"):
    """The article text of one doc's rows; paragraphs end with `break_` (a blank line)."""
    paras = []
    for _, para, sentence, _ in rows:
        if len(paras) < para:
            paras.append([])
        paras[-1].append(sentence)
    return break_.join(" ".join(p) for p in paras)


def jsonl_rows(factop, command, text):
    """The JSON lines `FACTOP COMMAND --format jsonl FILE` prints for `text` in a file."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        out = subprocess.run(
            [factop, command, "--format", "jsonl", name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        os.unlink(name)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def segment(factop, text):
    """The segmenter's sentences of `text`."""
    return [r["text"] for r in jsonl_rows(factop, "sentences", text)]


def quotes(rows):
    """(rows inside a multi-sentence quotation, those without a mark of their own)."""
    inside = bare = 0
    para, is_open = None, False
    for _, p, sentence, _ in rows:
        if p != para:
            para, is_open = p, False
        started = is_open
        marks = [c for c in sentence if c in '"\u201c\u201d']
        for c in marks:
            is_open = c == "\u201c" or (c == '"' and not is_open)
        if started or is_open:
            inside += 1
            bare += not marks
    return inside, bare


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path, factop = sys.argv[1], sys.argv[2]
    order, docs, errors = load(path)
    for e in errors:
        print(e)
    bad = len(errors)
    rows = 0
    for doc in order:
        want = docs[doc]
        rows += len(want)
        got = segment(factop, article(want))
        for i in range(max(len(want), len(got))):
            w = want[i] if i < len(want) else None
            g = got[i] if i < len(got) else None
            if w is None or w[2] != g:
                where = f"{path}:{w[0]}" if w else f"{path}: {doc}"
                print(f"{where}: {doc} sentence {i + 1}")
                print(f"  row:       {w[2] if w else '(none)'}")
                print(f"  segmenter: {g if g is not None else '(none)'}")
                bad += 1
                break  # later sentences are shifted; one report per doc
    labels = [r[3] for doc in order for r in docs[doc]]
    inside = bare = straight = curly = 0
    for doc in order:
        n = len(docs[doc])
        o = sum(r[3] == "opinion" for r in docs[doc])
        print(f"{doc}: {n} rows, {docs[doc][-1][1]} paragraphs, {o} opinion ({100 * o / n:.0f} %)")
        i, b = quotes(docs[doc])
        inside, bare = inside + i, bare + b
        text = " ".join(r[2] for r in docs[doc])
        straight += '"' in text
        curly += "\u201c" in text
    print(
        f"{labels.count('fact')} fact, {labels.count('opinion')} opinion; "
        f"{inside} rows inside multi-sentence quotations, {bare} of them without a quotation mark; "
        f"{straight} docs with straight quotes, {curly} with curly quotes"
    )
    print(f"{len(order)} docs, {rows} rows, {bad} mismatch(es)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
