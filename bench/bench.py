#!/usr/bin/env python3
"""Run factop and the scikit-learn reference side by side and print every target with its ratio.

Called by bench/run.sh (which builds factop, creates the venv and the corpus); see
docs/performance.md. Writes the table to stdout and to bench/out/results.md.
"""
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
FACTOP = os.path.join(ROOT, "target", "release", "factop")
PY = os.path.join(ROOT, ".venv", "bin", "python")
SK = os.path.join(ROOT, "bench", "sk_ref.py")
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "datasets"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
ONE = ["taskset", "-c", "0"]
TWO = ["taskset", "-c", "0,1"]


class Failed(Exception):
    """A benchmarked command failed; its row is reported as FAIL."""


ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "train,classify,latency").split(",")))


def run(cmd, stdout=subprocess.DEVNULL, stdin=None):
    """Run cmd under /usr/bin/time -v; return (wall seconds, peak RSS MB, stdout, stderr)."""
    full = ["/usr/bin/time", "-v"] + cmd
    t0 = time.perf_counter()
    p = subprocess.run(full, stdout=stdout, stdin=stdin, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        own = p.stderr.split("\tCommand being timed")[0].strip().splitlines()
        raise Failed(f"exit {p.returncode}: {own[-1] if own else ''}")
    rss = 0.0
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.split()[-1]) / 1024
    out = p.stdout if isinstance(p.stdout, str) else ""
    return wall, rss, out, p.stderr


def best_of(cmd, n=REPEAT, **kw):
    """Median wall time and max RSS over n runs."""
    walls, rss = [], 0.0
    for _ in range(n):
        w, r, _, _ = run(cmd, **kw)
        walls.append(w)
        rss = max(rss, r)
    return statistics.median(walls), rss


def sk_json(stderr):
    for line in reversed(stderr.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    sys.exit("bench: no stats from sk_ref.py:\n" + stderr[-2000:])


def prepare():
    data = os.path.join(OUT, "data")
    os.makedirs(data, exist_ok=True)
    # subj: one seeded 90/10 split (a single fit, no cross-validation).
    with open(os.path.join(SHARED, "subj", "all.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    random.Random(42).shuffle(rows)
    cut = len(rows) * 9 // 10
    for name, part in [("subj-train.csv", rows[:cut]), ("subj-test.csv", rows[cut:])]:
        with open(os.path.join(data, name), "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=["sentence", "label"])
            w.writeheader()
            w.writerows(part)
    n = os.path.join(SHARED, "newssd-eng")
    return {
        "newssd-eng": ([f"{n}/train.csv", f"{n}/val.csv"], f"{n}/test.csv"),
        "subj": ([f"{data}/subj-train.csv"], f"{data}/subj-test.csv"),
    }


def main():
    rows = []  # (target, factop, reference, ratio, goal, verdict)

    def add(target, factop, ref, ratio, goal, ok):
        verdict = "PASS" if ok else "FAIL"
        rows.append((target, factop, ref, ratio, goal, verdict))
        print(f"  {target}: {factop} | {ref} | {ratio} -> {verdict}", flush=True)

    def failed(target, goal, e):
        rows.append((target, f"failed ({e})", "", "", goal, "FAIL"))
        print(f"  {target}: failed ({e}) -> FAIL", flush=True)

    sets = prepare()
    fm = os.path.join(OUT, "newssd-eng.json")
    sm = os.path.join(OUT, "newssd-eng.pkl")
    for name, (train, test) in sets.items():
        if "train" not in ONLY and name != "newssd-eng":
            continue
        print(f"== train {name}", flush=True)
        fm_ = os.path.join(OUT, f"{name}.json")
        sm_ = os.path.join(OUT, f"{name}.pkl")
        args = [a for t in train for a in ("--data", t)]
        try:
            fw, frss, _, _ = run([FACTOP, "train", *args, "--output", fm_])
            _, srss, sout, _ = run([PY, SK, "train", os.path.join(ROOT, "models", "default.json"), sm_, *train],
                                   stdout=subprocess.PIPE)
            sfit = json.loads(sout)["fit_s"]
            ev = subprocess.run([FACTOP, "evaluate", "--data", test, "--model", fm_, "--format", "json"],
                                capture_output=True, text=True, check=True)
            ff1 = json.loads(ev.stdout)["macro_f1"]
            sv = subprocess.run([PY, SK, "evaluate", sm_, test], capture_output=True, text=True, check=True)
            sf1 = json.loads(sv.stdout)["macro_f1"]
        except Failed as e:
            failed(f"train {name}", "", e)
            continue
        add(f"train {name}: wall time (ratio <= 1.0)", f"{fw:.2f} s", f"{sfit:.2f} s",
            f"{fw / sfit:.2f}", "<= 1.0", fw <= sfit)
        add(f"train {name}: macro-F1 on {os.path.basename(test)} (equal or better)", f"{ff1:.4f}",
            f"{sf1:.4f}", f"{ff1 - sf1:+.4f}", ">= +0.0000", ff1 >= sf1)
        if name == "subj":
            add("train subj: peak RSS", f"{frss:.0f} MB", f"{srss:.0f} MB", f"{frss / srss:.2f}",
                "<= 500 MB", frss <= 500)

    corpus = os.path.join(OUT, "corpus")
    txt = os.path.join(corpus, "corpus.txt")
    jsonl = os.path.join(corpus, "corpus.jsonl")
    arts = sorted(os.path.join(corpus, "articles", f) for f in os.listdir(os.path.join(corpus, "articles")))
    mb = os.path.getsize(txt) / 1e6
    if "classify" in ONLY:
        print(f"== classify ({mb:.1f} MB corpus, median of {REPEAT} runs; factop model = newssd-eng.json)",
              flush=True)
        try:
            f1w, f1rss = best_of(ONE + [FACTOP, "classify", "--model", fm, "--format", "jsonl", txt])
            _, _, _, serr = run(ONE + [PY, SK, "classify", sm, txt])
            s1 = sk_json(serr)
            f_mbs, s_mbs = mb / f1w, s1["bytes"] / 1e6 / s1["classify_s"]
            add("classify, one core: throughput vs scikit-learn", f"{f_mbs:.1f} MB/s", f"{s_mbs:.2f} MB/s",
                f"{f_mbs / s_mbs:.1f}x", ">= 10x", f_mbs / s_mbs >= 10)
            add("classify, one core: end-to-end throughput", f"{f_mbs:.1f} MB/s", "", "", ">= 50 MB/s",
                f_mbs >= 50)
            add(f"classify: peak RSS ({mb:.0f} MB input)", f"{f1rss:.0f} MB", "", "", "(info)", True)
        except Failed as e:
            failed("classify, one core", ">= 10x, >= 50 MB/s", e)
        files_mb = sum(os.path.getsize(a) for a in arts) / 1e6
        try:
            m1, _ = best_of(ONE + [FACTOP, "classify", "--model", fm, "--format", "jsonl", *arts])
            m2, _ = best_of(TWO + [FACTOP, "classify", "--model", fm, "--format", "jsonl", *arts])
            add(f"classify {len(arts)} files, 2 cores vs 1", f"{files_mb / m2:.1f} MB/s",
                f"{files_mb / m1:.1f} MB/s on 1 core", f"{m1 / m2:.2f}x", ">= 1.8x", m1 / m2 >= 1.8)
        except Failed as e:
            failed(f"classify {len(arts)} files, 2 cores vs 1", ">= 1.8x", e)
        jl_mb = os.path.getsize(jsonl) / 1e6
        jcmd = [FACTOP, "classify", "--model", fm, "--input-format", "jsonl", "--format", "jsonl", jsonl]
        try:
            j1, _ = best_of(ONE + jcmd)
            j2, _ = best_of(TWO + jcmd)
            add("classify JSONL stream, 2 cores vs 1", f"{jl_mb / j2:.1f} MB/s", f"{jl_mb / j1:.1f} MB/s on 1 core",
                f"{j1 / j2:.2f}x", ">= 1.8x", j1 / j2 >= 1.8)
        except Failed as e:
            failed("classify JSONL stream, 2 cores vs 1", ">= 1.8x", e)

    if "latency" in ONLY:
        print("== latency", flush=True)
        lat = []
        for _ in range(30):
            t0 = time.perf_counter()
            subprocess.run([FACTOP, "classify", "--format", "jsonl"], input=b"This is a terrible idea.\n",
                           stdout=subprocess.DEVNULL, check=True)
            lat.append((time.perf_counter() - t0) * 1000)
        ms = statistics.median(lat)
        add("model load + first sentence (embedded model, median of 30 runs)", f"{ms:.1f} ms", "", "",
            "<= 20 ms", ms <= 20)

    table = ["| target | factop | scikit-learn | ratio | goal | |", "|---|---|---|---|---|---|"]
    table += ["| " + " | ".join(r) + " |" for r in rows]
    text = "\n".join(table)
    print("\n" + text)
    with open(os.path.join(OUT, "results.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
