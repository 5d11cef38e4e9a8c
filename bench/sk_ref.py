#!/usr/bin/env python3
"""The scikit-learn reference pipeline that factop is benchmarked against.

Same configuration as a factop model file (its `params`): word n-gram range, min_df,
max_features, sublinear tf, idf, lower-casing -> TfidfVectorizer; L2 logistic regression with
C = 1/alpha (linfa's objective: sum of log-losses + alpha/2 |w|^2), lbfgs, class_weight
'balanced' for factop's oversampling. Sentences are split with a regular expression.

  sk_ref.py train PARAMS.json MODEL.pkl CSV [CSV ...]   fit; prints {"fit_s": ...}
  sk_ref.py evaluate MODEL.pkl CSV                      prints {"macro_f1": ...}
  sk_ref.py classify MODEL.pkl FILE [FILE ...]          jsonl rows on stdout; stats on stderr
  sk_ref.py classify --jsonl MODEL.pkl FILE.jsonl       one {"id","text"} article per line

Timings exclude the Python start-up and imports (in factop's favour they are not counted
for scikit-learn): `fit_s` covers reading the CSV, vectorising, fitting and saving the
model; `classify_s` covers reading, splitting, vectorising, scoring and writing rows.
"""
import csv
import json
import pickle
import re
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import FeatureUnion, Pipeline

# A sentence: from a non-space character to a terminator run (with closing quotes or
# brackets) followed by white space and an upper-case letter, digit or opening quote; or to a
# blank line; or to the end of the text.
SENTENCE = re.compile(
    r"\S.*?(?:[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[A-Z0-9\"'\u201c\u2018(])|(?=\n[ \t]*\n)|\Z)",
    re.S,
)
TOKEN = r"(?u)\w+(?:['\u2019\-.,]\w+)*|[?!%$\u20ac\u00a3\u00a5]"


def read_csv(paths):
    texts, labels = [], []
    for p in paths:
        with open(p, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["sentence"].strip():
                    texts.append(row["sentence"])
                    labels.append(1 if row["label"] == "opinion" else 0)
    return texts, np.array(labels)


def build(params):
    feat = params["features"]
    common = dict(
        lowercase=feat["lowercase"],
        min_df=feat["min_df"],
        max_features=feat["max_features"],
        sublinear_tf=feat["sublinear_tf"],
        binary=feat["binary"],
        use_idf=feat["idf"],
        dtype=np.float32,
    )
    parts = []
    if feat["word_ngrams"][1] > 0:
        parts.append(("word", TfidfVectorizer(
            analyzer="word", token_pattern=TOKEN, ngram_range=tuple(feat["word_ngrams"]), **common)))
    if feat["char_ngrams"][1] > 0:
        parts.append(("char", TfidfVectorizer(
            analyzer="char_wb", ngram_range=tuple(feat["char_ngrams"]), **common)))
    vec = parts[0][1] if len(parts) == 1 else FeatureUnion(parts)
    clf = LogisticRegression(
        C=1.0 / params["alpha"],
        solver="lbfgs",
        max_iter=params["max_iterations"],
        tol=params["gradient_tolerance"],
        class_weight="balanced" if params["balance"] == "oversample" else None,
    )
    return Pipeline([("vec", vec), ("clf", clf)])


def train(params_path, model_path, csvs):
    with open(params_path, encoding="utf-8") as f:
        params = json.load(f)["params"]
    t0 = time.perf_counter()
    texts, labels = read_csv(csvs)
    pipe = build(params).fit(texts, labels)
    with open(model_path, "wb") as f:
        pickle.dump(pipe, f)
    print(json.dumps({"fit_s": time.perf_counter() - t0, "rows": len(texts)}))


def evaluate(model_path, csv_path):
    with open(model_path, "rb") as f:
        pipe = pickle.load(f)
    texts, labels = read_csv([csv_path])
    pred = (pipe.predict_proba(texts)[:, 1] >= 0.5).astype(int)
    print(json.dumps({"macro_f1": f1_score(labels, pred, average="macro"), "n": len(texts)}))


def classify(model_path, files, jsonl):
    with open(model_path, "rb") as f:
        pipe = pickle.load(f)
    t0 = time.perf_counter()
    out = sys.stdout
    nbytes = nrows = 0

    def docs():
        for path in files:
            with open(path, encoding="utf-8") as f:
                if jsonl:
                    for line in f:
                        obj = json.loads(line)
                        yield obj["id"], obj["text"]
                else:
                    yield path, f.read()

    batch = []

    def flush():
        nonlocal nrows
        if not batch:
            return
        p = pipe.predict_proba([b[4] for b in batch])[:, 1]
        lines = []
        for (doc, i, s, e, text), q in zip(batch, p):
            lines.append(json.dumps({
                "doc": doc, "index": i, "start": s, "end": e, "text": text,
                "label": "opinion" if q >= 0.5 else "fact", "p_opinion": round(float(q), 6),
            }, ensure_ascii=False))
        out.write("\n".join(lines) + "\n")
        nrows += len(batch)
        batch.clear()

    for doc, text in docs():
        nbytes += len(text.encode("utf-8"))
        for i, m in enumerate(SENTENCE.finditer(text)):
            s = m.group().rstrip()
            batch.append((doc, i, m.start(), m.start() + len(s), s))
            if len(batch) >= 4096:
                flush()
    flush()
    out.flush()
    dt = time.perf_counter() - t0
    print(json.dumps({"classify_s": dt, "bytes": nbytes, "rows": nrows}), file=sys.stderr)


def main():
    a = sys.argv[1:]
    if a[0] == "train":
        train(a[1], a[2], a[3:])
    elif a[0] == "evaluate":
        evaluate(a[1], a[2])
    elif a[0] == "classify":
        jsonl = a[1] == "--jsonl"
        rest = a[2:] if jsonl else a[1:]
        classify(rest[0], rest[1:], jsonl)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
