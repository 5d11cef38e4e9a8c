#!/usr/bin/env python3
"""News-only cross-validation: a CV score that is comparable between training mixes.

`factop train --cv K` folds the whole training data, so its score changes with what the data is
(rows with easy extra sentences get easy folds). This script folds only NewsSD-ENG: for each of 5
stratified folds (2 seeds) it trains `factop train` on the other 4 folds plus every other file and
flag given, and scores macro-F1 on the held-out news fold. Every row is thus tested on the same
news sentences, and adding data only counts if it helps on news.

Usage: scripts/news-cv.py FACTOP TRAIN-ARGS...
TRAIN-ARGS are the row's `factop train` arguments; every `--data` under newssd-eng/ is replaced
by the fold's training file. Prints `mean ± sd` over the 10 fold scores.
"""
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

FOLDS, SEEDS = 5, (1, 2)


def main():
    factop, args = sys.argv[1], sys.argv[2:]
    news, rest, i = [], [], 0
    while i < len(args):
        if args[i] == "--data" and "newssd-eng/" in args[i + 1]:
            news.append(args[i + 1])
            i += 2
        else:
            rest.append(args[i])
            i += 1
    if not news:
        sys.exit("news-cv: no --data file under newssd-eng/ among the arguments")
    rows = []
    for path in news:
        with open(path, newline="") as f:
            rows += [(r["sentence"], r["label"]) for r in csv.DictReader(f)]
    env = dict(os.environ, FACTOP_NO_PROGRESS="1")
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        train, test, model = (os.path.join(tmp, n) for n in ("train.csv", "test.csv", "m.json"))
        for seed in SEEDS:
            rng = random.Random(seed)
            fold = [0] * len(rows)
            for label in sorted({lab for _, lab in rows}):
                idx = [i for i, (_, lab) in enumerate(rows) if lab == label]
                rng.shuffle(idx)
                for k, i in enumerate(idx):
                    fold[i] = k % FOLDS
            for k in range(FOLDS):
                for path, keep in ((train, lambda i: fold[i] != k), (test, lambda i: fold[i] == k)):
                    with open(path, "w", newline="") as f:
                        w = csv.writer(f, lineterminator="\n")
                        w.writerow(["sentence", "label"])
                        w.writerows(r for i, r in enumerate(rows) if keep(i))
                subprocess.run([factop, "train", "--data", train, *rest, "-o", model],
                               check=True, env=env, stdout=subprocess.DEVNULL)
                out = subprocess.run([factop, "evaluate", "-m", model, "--data", test,
                                      "--format", "json"], check=True, capture_output=True,
                                     text=True).stdout
                scores.append(json.loads(out)["macro_f1"])
    print(f"{statistics.mean(scores):.4f} ± {statistics.stdev(scores):.4f}")


if __name__ == "__main__":
    main()
