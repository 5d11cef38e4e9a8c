#!/usr/bin/env python3
"""Assemble a large synthetic news corpus for the benchmark (never committed: bench/out/).

Sentences come from the project's example articles and from ../shared news sentence sets
(NewsSD-ENG, CheckThat! train/dev, ClaimBuster train); they are shuffled (seeded) into
articles of a headline and 3-8 paragraphs of 2-5 sentences. Writes, under OUT:
  corpus.txt       all articles, separated by blank lines (one big input)
  articles/NNNN.txt the same articles split into files (for many-file / xargs runs)
  corpus.jsonl     one {"id": ..., "text": ...} object per article
"""
import csv
import json
import os
import random
import re
import sys


def main():
    out, mb, shared, examples = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(42)
    pool = []
    for rel in ["newssd-eng/train.csv", "newssd-eng/val.csv", "newssd-eng/test.csv",
                "checkthat-en/train.csv", "checkthat-en/dev.csv", "claimbuster/train.csv"]:
        path = os.path.join(shared, rel)
        if not os.path.exists(path):
            continue
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                s = " ".join(row["sentence"].split())
                if 20 <= len(s) <= 600:
                    pool.append(s)
    for name in sorted(os.listdir(examples)):
        with open(os.path.join(examples, name), encoding="utf-8") as f:
            text = f.read()
        for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
            if len(s) >= 20:
                pool.append(s)
    if not pool:
        sys.exit("make_corpus: no sentences found")
    target = int(mb * 1_000_000)
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    articles = []
    size = 0
    while size < target:
        paras = []
        for _ in range(rng.randint(3, 8)):
            paras.append(" ".join(rng.choice(pool) for _ in range(rng.randint(2, 5))))
        head = rng.choice(pool).rstrip(".")
        head = head[:80].rsplit(" ", 1)[0] if len(head) > 80 else head
        art = head + "\n\n" + "\n\n".join(paras) + "\n"
        articles.append(art)
        size += len(art.encode("utf-8")) + 1
    with open(os.path.join(out, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(articles))
    with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for i, a in enumerate(articles):
            f.write(json.dumps({"id": f"a{i:05d}", "text": a}, ensure_ascii=False) + "\n")
    for i, a in enumerate(articles):
        with open(os.path.join(out, "articles", f"{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(a)
    print(f"corpus: {len(articles)} articles, {size / 1e6:.1f} MB from {len(pool)} sentences")


if __name__ == "__main__":
    main()
